/** GET /admin/api/audit?before=<id>&kind=comment.|ban.|lexicon.|moderator. → {entries, nextBefore} (session). */
import { z } from '@hono/zod-openapi';
import type { Services } from '../../services.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import { jsonAnswer, moderatorRoute, SESSION } from '../../http/openapi/schemas.js';
import { requireSession } from '../auth/index.js';
import { AUDIT_KINDS } from '../../moderation/audit.js';

const query = z.object({
  before: z.coerce.number().int().positive().optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const auditEntry = z.object({
  id: z.number().int(),
  actor: z.string(),
  actorEmail: z.string().nullable(),
  action: z.string().openapi({ example: 'comment.approve' }),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

const listRoute = moderatorRoute({
  method: 'get',
  path: '/',
  summary: 'The audit log, newest first (keyset pages by `before`)',
  security: SESSION,
  request: { query },
  errors: ['validation_failed'],
  responses: { 200: jsonAnswer('a page', z.object({ entries: z.array(auditEntry), nextBefore: z.number().int().nullable() })) },
});

export function auditRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();
  routes.use('*', requireSession(services));
  declareRoute(routes, listRoute, async (c) => {
    const q = c.req.valid('query');
    const { entries, nextBeforeId } = await services.auditService.list({ beforeId: q.before, kind: q.kind, limit: q.limit });
    return c.json({
      entries: entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
      nextBefore: nextBeforeId,
    });
  });
  return routes;
}
