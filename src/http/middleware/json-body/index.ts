/**
 * JSON request bodies: `requireJson()` refuses anything but `application/json` with 415
 * before the body is read; `jsonBodyLimit(bytes)` refuses a larger body with 413, whether it
 * announces its length or arrives chunked (hono/body-limit counts the bytes as they come).
 *
 *   routes.post('/path', requireJson(), jsonBodyLimit(32 * 1024), zValidator('json', schema, hook), handler)
 *
 * JSON is UTF-8 (RFC 8259), so a `charset` parameter other than utf-8 is refused as well.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../../errors.js';

export function requireJson(): MiddlewareHandler {
  return async function requireJsonMiddleware(c, next) {
    if (!isJsonMediaType(c.req.header('content-type'))) throw new AppError('unsupported_media_type');
    await next();
  };
}

export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value] = param.split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
    return name !== 'charset' || value === 'utf-8' || value === 'utf8';
  });
}

export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new AppError('payload_too_large', { maxBytes });
  };
  const countingLimit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function jsonBodyLimitMiddleware(c, next) {
    // A body that announces its length (Node's parser holds it to that length) is judged by the
    // header alone. hono/body-limit would first ask for `c.req.raw.body`, which makes
    // @hono/node-server build a full web Request around a stream for every POST and read the
    // JSON through it: a third of the accept route's CPU in a profile (bench/accept.ts).
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    return countingLimit(c, next); // chunked: count the bytes as they arrive
  };
}
