/**
 * The public API's security headers on the hot routes, set before the handler through
 * ./response-headers.ts: hono/secure-headers sets them on `c.res` after the handler, which
 * makes @hono/node-server build a full Response for every answer (./README.md has the cost).
 * Same names and values as hono/secure-headers with PUBLIC_SECURITY_HEADERS; the loop over
 * hot and other /v1 paths in tests/security/headers.test.ts keeps the two lists equal.
 */
import type { Context } from 'hono';
import { setResponseHeader } from './response-headers.js';

const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['Referrer-Policy', 'no-referrer'],
];

/** Sets the security headers of a hot route's answer (./front.ts calls it before the handler). */
export function setSecurityHeaders(c: Context): void {
  for (const [name, value] of HEADERS) setResponseHeader(c, name, value);
}
