/**
 * JSON endpoints for moderator accounts under /admin/api/users (admins only).
 *   GET  /                 → {users: [...]}
 *   POST /                 {email, displayName?, role, password} → 201 {user}
 *   POST /:id/disable      → {user}        POST /:id/enable → {user}
 *   POST /:id/password     {password} → {user}
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { pickLang } from '../../http/messages.js';
import { validate } from '../../http/validation.js';
import { requireCsrf, requireRole, requireSession } from '../auth/index.js';
import type { AccountSummary } from '../../moderation/accounts/moderators.js';

/** A new password, wherever one is set (also POST /admin/api/me/password). */
export const password = z.string().min(1).max(200);
const createBody = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().max(80).optional().nullable().transform((v) => v || null),
  role: z.enum(['admin', 'moderator']),
  password,
});
// No control characters: PostgreSQL refuses a NUL in text (SQLSTATE 22021), which was a 500.
const idParam = z.object({ id: z.string().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]+$/, 'invalid') });

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

export function userRoutes(services: Services): Hono {
  const routes = new Hono();
  const users = services.moderatorService;
  routes.use('*', requireSession(services), requireCsrf(), requireRole('admin'));

  routes.get('/', async (c) => c.json({ users: (await users.list()).map(userJson) }));
  routes.post('/', validate('json', createBody), async (c) =>
    c.json({ user: userJson(await users.create(c.get('moderator').id, c.req.valid('json'), lang(c))) }, 201),
  );
  routes.post('/:id/disable', validate('param', idParam), async (c) =>
    c.json({ user: userJson(await users.setDisabled(c.get('moderator').id, c.req.valid('param').id, true)) }),
  );
  routes.post('/:id/enable', validate('param', idParam), async (c) =>
    c.json({ user: userJson(await users.setDisabled(c.get('moderator').id, c.req.valid('param').id, false)) }),
  );
  routes.post('/:id/password', validate('param', idParam), validate('json', z.object({ password })), async (c) => {
    const user = await users.resetPassword(c.get('moderator').id, c.req.valid('param').id, c.req.valid('json').password, {
      actorSessionId: c.get('session').id,
      lang: lang(c),
    });
    return c.json({ user: userJson(user) });
  });
  return routes;
}
