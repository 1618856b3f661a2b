/**
 * ETags of bodies the service builds as strings (GET /v1/counts, the static assets), and the
 * revalidation that answers a matching If-None-Match with 304.
 *
 *   routes.get('/path', revalidate, (c) => { c.header('ETag', etagOf(body)); return c.body(body); });
 *
 * hono/etag finds the ETag already set and only compares it, so it never reads the body back.
 * A 304 keeps the headers RFC 9110 asks for (Cache-Control, ETag, Vary…) and X-Request-Id.
 */
import { createHash } from 'node:crypto';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';

export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

export const revalidate = etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'x-request-id'] });
