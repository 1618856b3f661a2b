/**
 * Strong ETags for bodies the service builds as strings, and the If-None-Match test.
 * Computed on the string before the response exists: Hono's `etag` middleware clones the
 * finished response and reads its body back through a web stream, which cost more than the
 * rest of GET /v1/counts together (bench/reads.ts profile).
 */
import { createHash } from 'node:crypto';

export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** True when the request's If-None-Match names this ETag (weak comparison, `*` matches all). */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
