/**
 * A browser's session, started and ended the same way by the JSON API and the moderator pages:
 * the cookie is set or cleared alongside the session in Redis.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Config } from '../../config.js';
import { loginUser, logout, type AuthDeps, type LoginRequest, type LoginResult } from './login.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './middleware.js';

type BrowserSessionDeps = AuthDeps & { config: Pick<Config, 'isProduction' | 'sessionTtlSeconds' | 'rateLimits'> };

/** Logs in with a fresh session id every time (no fixation); the session the browser still held ends. */
export async function startBrowserSession(c: Context, deps: BrowserSessionDeps, request: LoginRequest): Promise<LoginResult> {
  const previous = getCookie(c, SESSION_COOKIE);
  const result = await loginUser(deps, request);
  if (previous) await logout(deps, previous).catch(() => {});
  setSessionCookie(c, result.session, deps.config);
  return result;
}

/** Ends the session of the request (set by requireSession) and clears its cookie. */
export async function endBrowserSession(c: Context, deps: BrowserSessionDeps): Promise<void> {
  await logout(deps, c.get('session').id);
  clearSessionCookie(c, deps.config);
}
