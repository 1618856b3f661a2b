/**
 * Login CSRF: a page on another site could submit our login form (or POST the JSON login) in
 * the moderator's browser with the attacker's own email and password; the browser would then
 * be logged in as the attacker, and what the moderator does next (a rejected comment, a ban)
 * would happen in the attacker's account, or the attacker's pages would be trusted. There is
 * no session yet to carry a CSRF token, so the login checks where the request comes from:
 *
 * - `Sec-Fetch-Site: cross-site` (sent by every current browser): refused;
 * - an `Origin` that is not ours (another host or port, or `null` from a sandboxed frame or a
 *   data: URL): refused. Ours means the same host and port as the request's `Host` header; the
 *   scheme is not compared, so a proxy that terminates TLS in front of us keeps working (it must
 *   pass the `Host` header on unchanged);
 * - neither header (curl, scripts, tests, old browsers on a same-origin form): allowed.
 *
 * Refused before anything else runs: 403 csrf_failed, no Set-Cookie, no login attempt used up
 * (a hostile page must not burn a moderator's attempts either), counted as reason="cross_site".
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { recordLoginFailure } from './login.js';

/** True when the request comes from a page of another site (see the header). */
export function isCrossSiteRequest(c: Context): boolean {
  if (c.req.header('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') return true;
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  return !isOwnOrigin(c, origin);
}

/** True when `origin` names this server: the request's Host, a default port either way (see the header). */
export function isOwnOrigin(c: Context, origin: string): boolean {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  let url: URL;
  try {
    url = new URL(origin.trim());
  } catch {
    return false; // "null" and anything else that is not an origin
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // new URL() drops a default port, as browsers do in Host; compare the rest as written.
  const ownHost = host.trim().toLowerCase();
  return url.host === ownHost || url.host === ownHost.replace(url.protocol === 'https:' ? /:443$/ : /:80$/, '');
}

export interface RefuseCrossSiteOptions {
  /** The answer to a refused request; default: throw 403 csrf_failed (JSON). */
  onRefused?: (c: Context) => Response | Promise<Response>;
}

/** Middleware for the login routes: refuses requests from other sites before they count. */
export function refuseCrossSiteLogin(deps: { logger: Logger }, options: RefuseCrossSiteOptions = {}): MiddlewareHandler {
  return async function refuseCrossSiteLoginMiddleware(c, next) {
    if (isCrossSiteRequest(c)) {
      recordLoginFailure(deps, 'cross_site', { clientIp: c.get('clientIp'), origin: c.req.header('origin')?.slice(0, 200) });
      if (options.onRefused) return options.onRefused(c);
      throw new AppError('csrf_failed');
    }
    await next();
  };
}
