/**
 * JSON endpoints for bans, under /admin/api/bans (session + CSRF; any moderator may ban).
 *   GET  /            → {bans: [...]}
 *   POST /            {email?, ip?, reason?, durationDays: number|null} → 201 {ban}
 *   POST /:id/lift    → {ban}
 */
import { z } from '@hono/zod-openapi';
import type { Services } from '../../services.js';
import type { DocumentedRoutes } from '../../http/openapi/declare.js';
import { collectionRoutes } from './collection.js';
import { jsonBody, moderatorJsonRoute, numericIdParam } from '../../http/openapi/schemas.js';
import type { Ban } from '../../moderation/bans.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

const createBody = z.object({
  email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, 'invalid email'),
  ip: optionalText(45).refine((v) => v === null || z.union([z.ipv4(), z.ipv6()]).safeParse(v).success, 'invalid IP'),
  reason: optionalText(200),
  durationDays: z.union([z.coerce.number().int().min(1).max(3650), z.literal('').transform(() => null), z.null()]),
});

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

const ban = z
  .object({
    id: z.number().int(),
    email: z.string().nullable(),
    ip: z.string().nullable(),
    reason: z.string().nullable(),
    expiresAt: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    liftedAt: z.string().nullable(),
  })
  .openapi('Ban');

const listRoute = moderatorJsonRoute('get', '/', 'Active bans', ['the bans', z.object({ bans: z.array(ban) })]);

const createBanRoute = moderatorJsonRoute(
  'post',
  '/',
  'Ban an email and/or an IP for some days (null: for good); their new comments are rejected automatically',
  ['the ban', z.object({ ban }), 201],
  { request: { body: jsonBody(createBody) }, errors: ['validation_failed', 'invalid_json'] },
);

const liftRoute = moderatorJsonRoute('post', '/{id}/lift', 'Lift a ban', ['the lifted ban', z.object({ ban })], {
  request: { params: numericIdParam },
  errors: ['validation_failed', 'not_found'],
});

export function banRoutes(services: Services): DocumentedRoutes {
  const { listActive, create, lift } = services.banService;
  const bans = { names: ['bans', 'ban'], toJson: banJson, list: listActive, add: create, changeOne: lift } as const;
  return collectionRoutes(services, { list: listRoute, add: createBanRoute, changeOne: liftRoute }, bans);
}
