/**
 * CORS for the public API (`/v1/*`), read by the widget from the news site's pages.
 * Allowed origins come from ALLOWED_ORIGINS. Unset: any origin in development and test
 * (API.md), none in production: a production deployment must list its sites.
 * Browsers may send Idempotency-Key and read Retry-After (429/503).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../../../config.js';

export function publicCors(config: Pick<Config, 'allowedOrigins' | 'isProduction'>): MiddlewareHandler {
  const allowed = new Set(config.allowedOrigins);
  const anyOrigin = allowed.size === 0 && !config.isProduction;
  return cors({
    origin: (origin) => (anyOrigin ? '*' : allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
    exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
  });
}
