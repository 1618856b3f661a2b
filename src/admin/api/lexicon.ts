/**
 * JSON endpoints for word lists under /admin/api/lexicon. Everyone logged in may read;
 * only admins change (403 forbidden otherwise).
 *   GET  /            → {entries: [...]}
 *   POST /            {kind, lang, term, tier?} → 201 {entry}   (409 conflict when present)
 *   POST /:id/delete  → {entry}
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../../services.js';
import type { LexiconEntryRecord } from '../../store/lexicon.js';
import { validate } from '../../http/validation.js';
import { requireCsrf, requireRole, requireSession } from '../auth/index.js';

const addBody = z
  .object({
    kind: z.enum(['term', 'allow']),
    lang: z.enum(['vi', 'en']),
    term: z.string().trim().min(2).max(100),
    tier: z.enum(['review', 'block']).optional().nullable(),
  })
  .transform((b) => ({ ...b, tier: b.kind === 'term' ? (b.tier ?? 'review') : null }));

const idParam = z.object({ id: z.coerce.number().int().positive() });

export const lexiconJson = (e: LexiconEntryRecord) => ({
  id: e.id,
  kind: e.kind,
  lang: e.lang,
  term: e.term,
  tier: e.tier,
  createdBy: e.createdBy,
  createdAt: e.createdAt.toISOString(),
});

export function lexiconRoutes(services: Services): Hono {
  const routes = new Hono();
  const lexicon = services.lexiconService;
  routes.use('*', requireSession(services), requireCsrf());

  routes.get('/', async (c) => c.json({ entries: (await lexicon.list()).map(lexiconJson) }));

  routes.post('/', requireRole('admin'), validate('json', addBody), async (c) => {
    const entry = await lexicon.add(c.get('moderator').id, c.req.valid('json'));
    return c.json({ entry: lexiconJson(entry) }, 201);
  });

  routes.post('/:id/delete', requireRole('admin'), validate('param', idParam), async (c) => {
    const entry = await lexicon.remove(c.get('moderator').id, c.req.valid('param').id);
    return c.json({ entry: lexiconJson(entry) });
  });

  return routes;
}
