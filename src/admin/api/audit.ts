/** GET /admin/api/audit?before=<id>&kind=comment.|ban.|lexicon.|moderator. → {entries, nextBefore} (session). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { validate } from '../../http/validation.js';
import { requireSession } from '../auth/index.js';
import { AUDIT_KINDS } from '../../moderation/audit.js';

const query = z.object({
  before: z.coerce.number().int().positive().optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export function auditRoutes(services: Services): Hono {
  const routes = new Hono();
  routes.use('*', requireSession(services));
  routes.get('/', validate('query', query), async (c) => {
    const q = c.req.valid('query');
    const { entries, nextBeforeId } = await services.auditService.list({ beforeId: q.before, kind: q.kind, limit: q.limit });
    return c.json({
      entries: entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
      nextBefore: nextBeforeId,
    });
  });
  return routes;
}
