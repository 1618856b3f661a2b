/**
 * JSON request bodies: `requireJson()` refuses anything but `application/json` with 415
 * before the body is read.
 *
 *   routes.post('/path', requireJson(), hotPathBodyLimit(32 * 1024), requireUtf8(), validate('json', schema), handler)
 *
 * JSON is UTF-8 (RFC 8259), so a `charset` parameter other than utf-8 is refused as well.
 */
import type { MiddlewareHandler } from 'hono';
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
