/**
 * Security headers of the public API (`/v1/*`): the ones that protect JSON answers (OWASP's
 * REST security cheat sheet): never sniffed as HTML, never framed, HTTPS remembered, no
 * referrer leaked, and readable cross-origin so news sites' pages may use them (CORP). The
 * document-only and legacy ones `hono/secure-headers` adds (COOP, Origin-Agent-Cluster,
 * X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies,
 * X-XSS-Protection) protect pages, and the API serves none. Each header is a real cost on
 * small GETs, so they are set before the handler through setResponseHeader (see there why).
 */
import type { MiddlewareHandler } from 'hono';
import { setResponseHeader } from '../../response-headers.js';

export const PUBLIC_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['Referrer-Policy', 'no-referrer'],
];

export function publicSecurityHeaders(): MiddlewareHandler {
  return async function publicSecurityHeadersMiddleware(c, next) {
    for (const [name, value] of PUBLIC_SECURITY_HEADERS) setResponseHeader(c, name, value);
    await next();
  };
}
