/**
 * JSON endpoints for moderator accounts under /admin/api/users (admins only).
 *   GET  /                 → {users: [...]}
 *   POST /                 {email, displayName?, role, password} → 201 {user}
 *   POST /:id/disable      → {user}        POST /:id/enable → {user}
 *   POST /:id/password     {password} → {user}
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Services } from '../../services.js';
import { pickLang } from '../../http/messages.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import { jsonBody, moderatorJsonRoute } from '../../http/openapi/schemas.js';
import { requireCsrf, requireRole, requireSession } from '../auth/index.js';
import type { ErrorCode } from '../../errors.js';
import type { AccountSummary } from '../../moderation/accounts/moderators.js';

/** A new password, wherever one is set (also POST /admin/api/me/password). */
export const password = z.string().min(1).max(200);
const createBody = z.object({
  email: z.email().max(254),
  displayName: z
    .string()
    .trim()
    .max(80)
    .optional()
    .nullable()
    .transform((v) => v || null),
  role: z.enum(['admin', 'moderator']),
  password,
});
// No control characters: PostgreSQL refuses a NUL in text (SQLSTATE 22021), which was a 500.
const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'invalid'),
});

/** A refused new password (the policy, in users.*) is worded in the language the client prefers. */
export const lang = (c: Context) => pickLang(c.req.header('accept-language'));

export const userJson = (u: AccountSummary) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  disabledAt: u.disabledAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

/** A moderator account as the API answers it (also POST /admin/api/me/password). */
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string().nullable(),
    role: z.enum(['admin', 'moderator']),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Moderator');

const oneUser: [string, z.ZodType] = ['the account', z.object({ user: userSchema })];
const refusals: ErrorCode[] = ['validation_failed', 'invalid_json', 'forbidden', 'not_found', 'conflict'];

const listRoute = moderatorJsonRoute(
  'get',
  '/',
  'Moderator accounts (admins)',
  ['the accounts', z.object({ users: z.array(userSchema) })],
  {
    errors: ['forbidden'],
  },
);

const createUserRoute = moderatorJsonRoute(
  'post',
  '/',
  'Create a moderator account (admins); the password policy of API.md applies',
  [...oneUser, 201],
  { request: { body: jsonBody(createBody) }, errors: refusals },
);

const setDisabledRoute = (action: 'disable' | 'enable', summary: string) =>
  moderatorJsonRoute('post', `/{id}/${action}`, summary, oneUser, { request: { params: idParam }, errors: refusals });

const resetPasswordRoute = moderatorJsonRoute(
  'post',
  '/{id}/password',
  "Reset a moderator's password (admins); every session of theirs ends",
  oneUser,
  {
    request: { params: idParam, body: jsonBody(z.object({ password })) },
    errors: refusals,
  },
);

export function userRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();
  const users = services.moderatorService;
  routes.use('*', requireSession(services), requireCsrf(), requireRole('admin'));

  declareRoute(routes, listRoute, async (c) => c.json({ users: (await users.list()).map(userJson) }));
  declareRoute(routes, createUserRoute, async (c) =>
    c.json({ user: userJson(await users.create(c.get('moderator').id, c.req.valid('json'), lang(c))) }, 201),
  );
  declareRoute(routes, setDisabledRoute('disable', 'Disable an account (admins); every session of it ends'), async (c) =>
    c.json({ user: userJson(await users.setDisabled(c.get('moderator').id, c.req.valid('param').id, true)) }),
  );
  declareRoute(routes, setDisabledRoute('enable', 'Enable an account again (admins)'), async (c) =>
    c.json({ user: userJson(await users.setDisabled(c.get('moderator').id, c.req.valid('param').id, false)) }),
  );
  declareRoute(routes, resetPasswordRoute, async (c) => {
    const user = await users.resetPassword(c.get('moderator').id, c.req.valid('param').id, c.req.valid('json').password, {
      actorSessionId: c.get('session').id,
      lang: lang(c),
    });
    return c.json({ user: userJson(user) });
  });
  return routes;
}
