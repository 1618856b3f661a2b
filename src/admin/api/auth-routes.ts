/** POST /admin/api/login, POST /admin/api/logout, GET /admin/api/me, POST /admin/api/me/password. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../../services.js';
import { endBrowserSession, refuseCrossSiteLogin, requireCsrf, requireSession, startBrowserSession } from '../auth/index.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import {
  errorAnswers,
  jsonAnswer,
  jsonBody,
  MODERATOR_API,
  moderatorJsonRoute,
  moderatorRoute,
  SESSION,
} from '../../http/openapi/schemas.js';
import { lang, password as newPassword, userJson, userSchema } from './users.js';

const ownPasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  password: newPassword,
});

const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

const sessionUser = z.object({ id: z.string(), email: z.string(), role: z.enum(['admin', 'moderator']) });
const csrfToken = z.string().openapi({ description: 'send it as X-CSRF-Token on every state-changing request' });

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: MODERATOR_API,
  summary: 'Log in: sets the session cookie and answers the CSRF token',
  request: { body: jsonBody(loginBody) },
  responses: {
    200: jsonAnswer('logged in (Set-Cookie: the session)', z.object({ user: sessionUser, csrfToken })),
    ...errorAnswers('validation_failed', 'invalid_json', 'invalid_credentials', 'csrf_failed', 'rate_limited'),
  },
});

const logoutRoute = moderatorJsonRoute('post', '/logout', 'Log out: ends the session', ['logged out', z.object({ ok: z.literal(true) })]);

const ownPasswordRoute = moderatorJsonRoute(
  'post',
  '/me/password',
  "Change one's own password; every other session of theirs ends",
  ['the account', z.object({ user: userSchema })],
  { request: { body: jsonBody(ownPasswordBody) }, errors: ['validation_failed', 'invalid_json'] },
);

const meRoute = moderatorRoute({
  method: 'get',
  path: '/me',
  summary: 'The logged-in moderator and the CSRF token of the session',
  security: SESSION,
  responses: {
    200: jsonAnswer('the moderator', z.object({ user: sessionUser.extend({ displayName: z.string().nullable() }), csrfToken })),
  },
});

export function authRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();

  // Another site's page may not log the browser in (login CSRF): see src/admin/auth/origin.ts.
  declareRoute(routes, { ...loginRoute, middleware: [refuseCrossSiteLogin(services)] }, async (c) => {
    const { email, password } = c.req.valid('json');
    const { user, session } = await startBrowserSession(c, services, { email, password, clientIp: c.get('clientIp') });
    c.header('Cache-Control', 'no-store');
    return c.json({ user: { id: user.id, email: user.email, role: user.role }, csrfToken: session.csrfToken });
  });

  declareRoute(routes, { ...logoutRoute, middleware: [requireSession(services), requireCsrf()] }, async (c) => {
    await endBrowserSession(c, services);
    return c.json({ ok: true });
  });

  // A moderator's own password: the current one proves it is them; every other session of theirs ends.
  const users = services.moderatorService;
  declareRoute(routes, { ...ownPasswordRoute, middleware: [requireSession(services), requireCsrf()] }, async (c) => {
    const { currentPassword, password } = c.req.valid('json');
    const user = await users.changeOwnPassword(c.get('moderator').id, c.get('session').id, currentPassword, password, lang(c));
    c.header('Cache-Control', 'no-store');
    return c.json({ user: userJson(user) });
  });

  declareRoute(routes, { ...meRoute, middleware: [requireSession(services)] }, (c) => {
    const user = c.get('moderator');
    c.header('Cache-Control', 'no-store');
    return c.json({
      user: { id: user.id, email: user.email, role: user.role, displayName: user.displayName },
      csrfToken: c.get('session').csrfToken,
    });
  });

  return routes;
}
