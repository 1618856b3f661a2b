/**
 * JSON endpoints for bans, under /admin/api/bans (session + CSRF; any moderator may ban).
 *   GET  /            → {bans: [...]}
 *   POST /            {email?, ip?, reason?, durationDays: number|null} → 201 {ban}
 *   POST /:id/lift    → {ban}
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { validate } from '../../http/validation.js';
import { requireCsrf, requireSession } from '../auth/index.js';
import type { Ban } from '../../moderation/bans.js';

const optionalText = (max: number) =>
  z.string().trim().max(max).optional().nullable().transform((v) => (v ? v : null));

const createBody = z.object({
  email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, 'invalid email'),
  ip: optionalText(45).refine((v) => v === null || z.union([z.ipv4(), z.ipv6()]).safeParse(v).success, 'invalid IP'),
  reason: optionalText(200),
  durationDays: z.union([z.coerce.number().int().min(1).max(3650), z.literal('').transform(() => null), z.null()]),
});

const idParam = z.object({ id: z.coerce.number().int().positive() });

export const banJson = (b: Ban) => ({
  id: b.id,
  email: b.email,
  ip: b.ip,
  reason: b.reason,
  expiresAt: b.expiresAt?.toISOString() ?? null,
  createdBy: b.createdBy,
  createdAt: b.createdAt.toISOString(),
  liftedAt: b.liftedAt?.toISOString() ?? null,
});

export function banRoutes(services: Services): Hono {
  const routes = new Hono();
  const bans = services.banService;
  routes.use('*', requireSession(services), requireCsrf());

  routes.get('/', async (c) => c.json({ bans: (await bans.listActive()).map(banJson) }));

  routes.post('/', validate('json', createBody), async (c) => {
    const ban = await bans.create(c.get('moderator').id, c.req.valid('json'));
    return c.json({ ban: banJson(ban) }, 201);
  });

  routes.post('/:id/lift', validate('param', idParam), async (c) => {
    const ban = await bans.lift(c.get('moderator').id, c.req.valid('param').id);
    return c.json({ ban: banJson(ban) });
  });

  return routes;
}
