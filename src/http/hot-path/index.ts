/**
 * The hot path: GET /v1/counts (every article page and listing asks it), POST /v1/comments
 * (every submission) and GET /v1/captcha (every comment form) get one middleware in front
 * (./front.ts: request id, log, metrics, client IP, CORS, security headers) instead of the
 * app's chain, and hand-written replacements of hono/cors, hono/body-limit, hono/request-id
 * and hono/secure-headers, which cost them most of their CPU (./README.md); every other route
 * uses the usual chain and hono/* itself.
 *
 *   app.use(onHotPath(hotPathFront(options), requestId()));
 *   app.use(offHotPath(requestLog({ logger })));
 */
import type { Context, MiddlewareHandler } from 'hono';

export { hotPathBodyLimit } from './body-limit.js';
export { hotPathCors } from './cors.js';
export { hotPathFront } from './front.js';

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

/** `middleware` on every route but the hot ones, which hotPathFront serves. */
export function offHotPath(middleware: MiddlewareHandler): MiddlewareHandler {
  return function offHotPathMiddleware(c, next) {
    return isHotPath(c) ? next() : middleware(c, next);
  };
}
