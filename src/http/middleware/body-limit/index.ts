/**
 * A body limit for every route, applied before anything else reads the request (the session
 * check included): `requestBodyLimit(limitFor)` asks `limitFor(method, path)` for the route's
 * limit in bytes and refuses a larger body with 413 payload_too_large. A body that announces
 * its length is judged by Content-Length alone, before a byte of it is read; a chunked one is
 * counted as it arrives and cut off past the limit (hono/body-limit does both).
 *
 *   app.use(requestBodyLimit(bodyLimitFor));   // the table is src/http/body-limits.ts
 *
 * `null` from limitFor means the route enforces its own limit (POST /v1/comments, on the hot
 * path: src/http/hot-path/body-limit.ts). GET, HEAD and OPTIONS are passed through: no route reads their body,
 * and @hono/node-server discards an unread body (at most 64 MB, for at most 500 ms).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../../errors.js';

export type BodyLimitFor = (method: string, path: string) => number | null;

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requestBodyLimit(limitFor: BodyLimitFor): MiddlewareHandler {
  const limiters = new Map<number, MiddlewareHandler>();
  return async function requestBodyLimitMiddleware(c, next) {
    if (NO_BODY.has(c.req.method)) return next();
    const maxBytes = limitFor(c.req.method, c.req.path);
    if (maxBytes === null) return next();
    let limit = limiters.get(maxBytes);
    if (!limit) limiters.set(maxBytes, (limit = bodyLimitOf(maxBytes)));
    return limit(c, next);
  };
}

function bodyLimitOf(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('payload_too_large', { maxBytes });
    },
  });
}
