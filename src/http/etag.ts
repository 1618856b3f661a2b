/**
 * ETags of bodies the service builds as strings (GET /v1/counts, the static assets), and the
 * revalidation that answers a matching If-None-Match with 304.
 *
 *   routes.get('/path', revalidate, (c) => { c.header('ETag', etagOf(body)); return c.body(body); });
 *   routes.get('/hot', (c) => answerRevalidated(c, body, { etag, 'cache-control': '…', 'content-type': '…' }));
 *
 * hono/etag finds the ETag already set and only compares it, so it never reads the body back.
 * A 304 keeps the headers RFC 9110 asks for (Cache-Control, ETag, Vary…) and X-Request-Id.
 * answerRevalidated() is the same comparison without the middleware, for GET /v1/counts: its
 * headers stay a plain object that @hono/node-server hands to Node as is, where c.header()
 * and hono/etag go through a web Headers object (src/http/hot-path/README.md has the cost).
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';

export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

const RETAINED = [...RETAINED_304_HEADERS, 'x-request-id'];

export const revalidate = etag({ retainedHeaders: RETAINED });

/** Header names in lower case; `etag` is required. */
export type RevalidatedHeaders = Record<string, string> & { etag: string };

/** A 200 with `body` and `headers`, or a 304 with the retained ones when If-None-Match names the ETag (as hono/etag compares). */
export function answerRevalidated(c: Context, body: string, headers: RevalidatedHeaders): Response {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined && etagMatches(headers.etag, ifNoneMatch)) {
    const kept: Record<string, string> = {};
    for (const name of RETAINED) if (headers[name] !== undefined) kept[name] = headers[name];
    return new Response(null, { status: 304, headers: kept });
  }
  return new Response(body, { status: 200, headers });
}

function etagMatches(etag: string, ifNoneMatch: string): boolean {
  if (ifNoneMatch === '*') return true;
  const expected = etag.replace(/^W\//, '');
  return ifNoneMatch.match(/"[^"]*"/g)?.some((tag) => tag === expected) ?? false;
}
