/** POST /admin/api/login, POST /admin/api/logout, GET /admin/api/me. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../../services.js';
import {
  clearSessionCookie,
  loginUser,
  logout,
  requireCsrf,
  requireSession,
  setSessionCookie,
  SESSION_COOKIE,
} from '../auth/index.js';
import { getCookie } from 'hono/cookie';
import { validate } from './validate.js';

const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export function authRoutes(services: Services): Hono {
  const routes = new Hono();

  routes.post('/login', validate('json', loginBody), async (c) => {
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
