/**
 * Session, CSRF and role middleware for everything under /admin (the JSON API here, the
 * server-rendered pages and the queue dashboard elsewhere).
 *
 *   routes.use('*', requireSession(services));            // 401 unauthenticated, sets c.get('moderator')
 *   routes.use('*', requireCsrf());                       // 403 csrf_failed on POST/PUT/PATCH/DELETE
 *   routes.use('*', requireRole('admin'));                 // 403 forbidden for other roles
 *
 * Order matters: the session is checked before the CSRF token, so a request without a
 * session is always 401. Pages that prefer a redirect to a login form pass `onMissing`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Config } from '../../config.js';
import type { ModeratorRole, ModeratorStore } from '../../store/moderators.js';
import { toSessionUser, type SessionStoreDeps, type SessionUser } from './login.js';
import { loadSession, sessionDeps, type Session } from '../../moderation/accounts/sessions.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The logged-in moderator, set by requireSession(). */
    moderator: SessionUser;
    /** The session behind it (id and CSRF token), set by requireSession(). */
    session: Session;
  }
}

/** Name of the session cookie. */
export const SESSION_COOKIE = 'cm_session';
/** Header carrying the CSRF token on state-changing requests. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** Form field accepted instead of the header, for plain HTML forms of the moderator pages. */
export const CSRF_FORM_FIELD = '_csrf';

/** What checking a session uses: the session store, and the accounts (disabled ones end at once). */
export interface SessionDepsOf extends SessionStoreDeps {
  moderators: Pick<ModeratorStore, 'findById'>;
}

export interface RequireSessionOptions {
  /** Answer for a request without a valid session; default 401 unauthenticated (JSON). */
  onMissing?: (c: Context) => Response | Promise<Response>;
}

/**
 * Loads the session from the cookie and the moderator from the database (so a disabled
 * account or a changed role takes effect on the next request), then sets `moderator` and
 * `session` on the context.
 */
export function requireSession(deps: SessionDepsOf, options: RequireSessionOptions = {}): MiddlewareHandler {
  return async function requireSessionMiddleware(c, next) {
    const found = await currentSession(deps, c);
    if (!found) {
      if (options.onMissing) return options.onMissing(c);
      throw new AppError('unauthenticated');
    }
    c.set('session', found.session);
    c.set('moderator', found.user);
    await next();
  };
}

/** The session and moderator of this request, or null; for pages that work both ways. */
export async function currentSession(deps: SessionDepsOf, c: Context): Promise<{ session: Session; user: SessionUser } | null> {
  const session = await loadSession(sessionDeps(deps), getCookie(c, SESSION_COOKIE));
  if (!session) return null;
  const moderator = await deps.moderators.findById(session.moderatorId);
  if (!moderator || moderator.disabledAt !== null) return null;
  return { session, user: toSessionUser(moderator) };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * On POST/PUT/PATCH/DELETE, the X-CSRF-Token header (or the `_csrf` field of a urlencoded or
 * multipart form) must equal the session's token. Needs requireSession() before it.
 */
export function requireCsrf(): MiddlewareHandler {
  return async function requireCsrfMiddleware(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      const session = c.get('session');
      if (!session) throw new AppError('unauthenticated');
      const sent = c.req.header(CSRF_HEADER) ?? (await formToken(c));
      if (!sent || !sameToken(sent, session.csrfToken)) throw new AppError('csrf_failed');
    }
    await next();
  };
}

/** 403 forbidden unless the moderator has one of the roles. Needs requireSession() before it. */
export function requireRole(...roles: ModeratorRole[]): MiddlewareHandler {
  return async function requireRoleMiddleware(c, next) {
    const moderator = c.get('moderator');
    if (!moderator) throw new AppError('unauthenticated');
    if (!roles.includes(moderator.role)) throw new AppError('forbidden');
    await next();
  };
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure in production. */
export function setSessionCookie(c: Context, session: Session, config: Pick<Config, 'isProduction' | 'sessionTtlSeconds'>) {
  setCookie(c, SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: config.isProduction,
    path: '/',
    maxAge: config.sessionTtlSeconds,
  });
}

export function clearSessionCookie(c: Context, config: Pick<Config, 'isProduction'>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: config.isProduction, httpOnly: true, sameSite: 'Strict' });
}

async function formToken(c: Context): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  try {
    // parseBody caches the parsed body, so the handler can still read the form after us.
    const value = (await c.req.parseBody())[CSRF_FORM_FIELD];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
