/**
 * CORS for the public API (`/v1/*`), read by the widget from the news site's pages.
 * Allowed origins come from ALLOWED_ORIGINS. Unset: any origin in development and test
 * (API.md), none in production: a production deployment must list its sites.
 * Browsers may send Idempotency-Key and read Retry-After (429/503).
 *
 * Our own rather than `hono/cors`: that one touches `c.res` before the handler and calls
 * `c.header()` after it, which makes Hono rebuild the finished response around a body stream.
 * On GET /v1/counts that rebuild was the largest cost of the request (bench/reads.ts profile).
 * Here every header is set before `next()`, through setResponseHeader.
 */
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../../../config.js';
import { appendResponseHeader, setResponseHeader } from '../../response-headers.js';

const ALLOW_METHODS = 'GET,POST,OPTIONS';
const ALLOW_HEADERS = 'Content-Type,Idempotency-Key,Accept-Language';
const EXPOSE_HEADERS = 'Retry-After,Idempotent-Replayed';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function publicCors(config: Pick<Config, 'allowedOrigins' | 'isProduction'>): MiddlewareHandler {
  const allowed = new Set(config.allowedOrigins);
  const anyOrigin = allowed.size === 0 && !config.isProduction;
  const allowOrigin = (origin: string | undefined): string | null =>
    anyOrigin ? '*' : origin !== undefined && allowed.has(origin) ? origin : null;

  return async function publicCorsMiddleware(c, next) {
    const origin = allowOrigin(c.req.header('origin'));
    if (origin) setResponseHeader(c, 'Access-Control-Allow-Origin', origin);
    // The answer depends on the Origin header unless every origin gets '*': caches must key on it.
    if (!anyOrigin) appendResponseHeader(c, 'Vary', 'Origin');

    if (c.req.method === 'OPTIONS') {
      if (origin) {
        setResponseHeader(c, 'Access-Control-Allow-Methods', ALLOW_METHODS);
        setResponseHeader(c, 'Access-Control-Allow-Headers', ALLOW_HEADERS);
        setResponseHeader(c, 'Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      }
      return c.body(null, 204);
    }
    if (origin) setResponseHeader(c, 'Access-Control-Expose-Headers', EXPOSE_HEADERS);
    await next();
  };
}
