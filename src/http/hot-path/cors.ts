/**
 * The public CORS policy (src/http/middleware/public-cors) applied by hand on the hot routes.
 * hono/cors touches `c.res` before the handler and calls `c.header()` after it, which makes
 * Hono build the response twice; here every header is set before `next()`, on Node's
 * response (./response-headers.ts). Figures in ./README.md.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../../config.js';
import { PUBLIC_CORS, publicOrigins } from '../middleware/public-cors/index.js';
import { appendResponseHeader, setResponseHeader } from './response-headers.js';

const EXPOSE_HEADERS = PUBLIC_CORS.exposeHeaders.join(',');

/** Sets the CORS headers of a hot route's answer (./front.ts calls it before the handler). */
export function corsHeaderSetter(config: Pick<Config, 'allowedOrigins' | 'isProduction'>): (c: Context) => void {
  const { anyOrigin, allowOrigin } = publicOrigins(config);
  return function setCorsHeaders(c) {
    const origin = allowOrigin(c.req.header('origin'));
    if (origin) {
      setResponseHeader(c, 'Access-Control-Allow-Origin', origin);
      setResponseHeader(c, 'Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    // The answer depends on the Origin header unless every origin gets '*': caches must key on it.
    if (!anyOrigin) appendResponseHeader(c, 'Vary', 'Origin');
  };
}

/** The same as middleware (bench/hot-path-middleware.bench.ts measures it against hono/cors). */
export function hotPathCors(config: Pick<Config, 'allowedOrigins' | 'isProduction'>): MiddlewareHandler {
  const setCorsHeaders = corsHeaderSetter(config);
  return async function hotPathCorsMiddleware(c, next) {
    setCorsHeaders(c);
    await next();
  };
}
