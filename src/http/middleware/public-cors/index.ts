/**
 * CORS for the public API (`/v1/*`), read by the widget from the news sites' pages: the
 * policy, written once, and hono/cors configured with it. The two hot routes apply the same
 * policy by hand (src/http/hot-path/cors.ts).
 *
 * Allowed origins come from ALLOWED_ORIGINS. Unset: any origin in development and test
 * (API.md), none in production: a production deployment must list its sites.
 * Browsers may send Idempotency-Key and read Retry-After (429/503); DELETE is a reader's unlike.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../../../config.js';

export const PUBLIC_CORS = {
  allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
  exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
  maxAge: 600,
} as const;

export interface PublicOrigins {
  /** Every origin gets `*` (and nothing varies by Origin). */
  anyOrigin: boolean;
  /** The Access-Control-Allow-Origin value for a request's Origin, or null for none. */
  allowOrigin(origin: string | undefined): string | null;
}

export function publicOrigins(config: Pick<Config, 'allowedOrigins' | 'isProduction'>): PublicOrigins {
  const allowed = new Set(config.allowedOrigins);
  const anyOrigin = allowed.size === 0 && !config.isProduction;
  return {
    anyOrigin,
    allowOrigin: (origin) => (anyOrigin ? '*' : origin !== undefined && allowed.has(origin) ? origin : null),
  };
}

export function publicCors(config: Pick<Config, 'allowedOrigins' | 'isProduction'>): MiddlewareHandler {
  const origins = publicOrigins(config);
  return cors({
    ...PUBLIC_CORS,
    allowMethods: [...PUBLIC_CORS.allowMethods],
    allowHeaders: [...PUBLIC_CORS.allowHeaders],
    exposeHeaders: [...PUBLIC_CORS.exposeHeaders],
    origin: origins.anyOrigin ? '*' : (origin) => origins.allowOrigin(origin || undefined),
  });
}
