/** POST /admin/api/login, POST /admin/api/logout, GET /admin/api/me, POST /admin/api/me/password. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../../services.js';
import {
  clearSessionCookie,
  loginUser,
  logout,
  refuseCrossSiteLogin,
  requireCsrf,
  requireSession,
  setSessionCookie,
  SESSION_COOKIE,
} from '../auth/index.js';
import { getCookie } from 'hono/cookie';
import { validate } from '../../http/validation.js';
import { lang, password as newPassword, userJson } from './users.js';

const ownPasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  password: newPassword,
});

const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export function authRoutes(services: Services): Hono {
  const routes = new Hono();

  // Another site's page may not log the browser in (login CSRF): see src/admin/auth/origin.ts.
  routes.post('/login', refuseCrossSiteLogin(services), validate('json', loginBody), async (c) => {
    const { email, password } = c.req.valid('json');
    // A fresh session id on every login (no fixation); drop the one the browser still holds.
    const previous = getCookie(c, SESSION_COOKIE);
    const { user, session } = await loginUser(services, { email, password, clientIp: c.get('clientIp') });
    if (previous) await logout(services, previous).catch(() => {});
    setSessionCookie(c, session, services.config);
    c.header('Cache-Control', 'no-store');
    return c.json({ user: { id: user.id, email: user.email, role: user.role }, csrfToken: session.csrfToken });
  });

  routes.post('/logout', requireSession(services), requireCsrf(), async (c) => {
    await logout(services, c.get('session').id);
    clearSessionCookie(c, services.config);
    return c.json({ ok: true });
  });

  // A moderator's own password: the current one proves it is them; every other session of theirs ends.
  const users = services.moderatorService;
  routes.post('/me/password', requireSession(services), requireCsrf(), validate('json', ownPasswordBody), async (c) => {
    const { currentPassword, password } = c.req.valid('json');
    const user = await users.changeOwnPassword(c.get('moderator').id, c.get('session').id, currentPassword, password, lang(c));
    c.header('Cache-Control', 'no-store');
    return c.json({ user: userJson(user) });
  });

  routes.get('/me', requireSession(services), (c) => {
    const user = c.get('moderator');
    c.header('Cache-Control', 'no-store');
    return c.json({
      user: { id: user.id, email: user.email, role: user.role, displayName: user.displayName },
      csrfToken: c.get('session').csrfToken,
    });
  });

  return routes;
}
