/**
 * The If-None-Match test of GET /v1/counts, made before the response exists: hono/etag
 * clones the finished response and reads it back through a web stream, which cost more than
 * the rest of the route together (see ./README.md).
 */

/** True when the request's If-None-Match names this ETag (weak comparison, `*` matches all). */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
