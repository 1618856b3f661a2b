/**
 * The public surface of moderator authentication. The JSON API (src/admin/api), the
 * moderator pages and the queue dashboard import from here only.
 */
export {
  requireSession,
  requireCsrf,
  requireRole,
  currentSession,
  setSessionCookie,
  clearSessionCookie,
  SESSION_COOKIE,
  CSRF_HEADER,
  CSRF_FORM_FIELD,
  type RequireSessionOptions,
} from './middleware.js';
export { loginUser, logout, toSessionUser, type SessionUser, type LoginRequest, type LoginResult } from './login.js';
export { startBrowserSession, endBrowserSession } from './browser-session.js';
export { refuseCrossSiteLogin, isCrossSiteRequest, isOwnOrigin } from './origin.js';
export type { Session } from '../../moderation/accounts/sessions.js';
