/**
 * Security headers of the public API (`/v1/*`): the ones that protect JSON answers (OWASP's
 * REST security cheat sheet): never sniffed as HTML, never framed, HTTPS remembered, no
 * referrer leaked, and readable cross-origin so news sites' pages may use them (CORP). The
 * document-only and legacy ones hono/secure-headers adds by default (COOP, Origin-Agent-Cluster,
 * X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies,
 * X-XSS-Protection, X-Frame-Options beside the CSP's frame-ancestors) protect pages, and the
 * API serves none. The hot routes set exactly these headers before the handler
 * (src/http/hot-path/security-headers.ts): hono/secure-headers sets them on `c.res` after it.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

export const PUBLIC_SECURITY_HEADERS: SecureHeadersOptions = {
  xContentTypeOptions: 'nosniff',
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  crossOriginResourcePolicy: 'cross-origin',
  strictTransportSecurity: 'max-age=15552000; includeSubDomains',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
};

export function publicSecurityHeaders(): MiddlewareHandler {
  return secureHeaders(PUBLIC_SECURITY_HEADERS);
}
