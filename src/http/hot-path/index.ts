/**
 * The hot path: GET /v1/counts (every article page and listing asks it), POST /v1/comments
 * (every submission) and GET /v1/captcha (every comment form) get hand-written replacements
 * of hono/cors, hono/body-limit and hono/secure-headers, which cost them most of their CPU
 * (./README.md); every other route uses hono/* itself, and so do these for everything else
 * (request id, ETag).
 *
 *   app.use('/v1/*', onHotPath(hotPathCors(config), publicCors(config)));
 */
import type { Context, MiddlewareHandler } from 'hono';

export { hotPathBodyLimit } from './body-limit.js';
export { hotPathCors } from './cors.js';
export { hotPathSecurityHeaders } from './security-headers.js';

/**
 * True for the hot routes (HEAD is answered as GET). GET /v1/captcha joined the two at the end
 * of the restructure: with hono/cors it served 1,650 req/s against 2,450 before (bench/reads.ts,
 * alternating runs on a quiet machine); with this CORS, 2,450 again (./README.md).
 */
export function isHotPath(c: Context): boolean {
  const { method, path } = c.req;
  if (path === '/v1/counts' || path === '/v1/captcha') return method === 'GET' || method === 'HEAD';
  return path === '/v1/comments' && method === 'POST';
}

/** `hot` on the hot routes, `elsewhere` on every other. */
export function onHotPath(hot: MiddlewareHandler, elsewhere: MiddlewareHandler): MiddlewareHandler {
  return function onHotPathMiddleware(c, next) {
    return isHotPath(c) ? hot(c, next) : elsewhere(c, next);
  };
}
