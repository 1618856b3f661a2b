/**
 * The hot path: GET /v1/counts (every article page and listing asks it) and POST /v1/comments
 * (every submission) get hand-written replacements of hono/cors and hono/body-limit, which
 * cost them most of their CPU (./README.md); every other route uses hono/* itself, and so do
 * these two for everything else (request id, security headers, ETag).
 *
 *   app.use('/v1/*', onHotPath(hotPathCors(config), publicCors(config)));
 */
import type { Context, MiddlewareHandler } from 'hono';

export { hotPathBodyLimit } from './body-limit.js';
export { hotPathCors } from './cors.js';

/** True for the two hot routes (HEAD is answered as GET). */
export function isHotPath(c: Context): boolean {
  const { method, path } = c.req;
  return path === '/v1/counts' ? method === 'GET' || method === 'HEAD' : path === '/v1/comments' && method === 'POST';
}

/** `hot` on the hot routes, `elsewhere` on every other. */
export function onHotPath(hot: MiddlewareHandler, elsewhere: MiddlewareHandler): MiddlewareHandler {
  return function onHotPathMiddleware(c, next) {
    return isHotPath(c) ? hot(c, next) : elsewhere(c, next);
  };
}
