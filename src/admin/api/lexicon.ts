/**
 * JSON endpoints for word lists under /admin/api/lexicon. Everyone logged in may read;
 * only admins change (403 forbidden otherwise).
 *   GET  /            → {entries: [...]}
 *   POST /            {kind, lang, term, tier?} → 201 {entry}   (409 conflict when present)
 *   POST /:id/delete  → {entry}
 */
import { z } from '@hono/zod-openapi';
import type { Services } from '../../services.js';
import type { LexiconEntryRecord } from '../../store/lexicon.js';
import type { DocumentedRoutes } from '../../http/openapi/declare.js';
import { collectionRoutes } from './collection.js';
import { jsonBody, moderatorJsonRoute, numericIdParam } from '../../http/openapi/schemas.js';
import { requireRole } from '../auth/index.js';

const addBody = z
  .object({
    kind: z.enum(['term', 'allow']),
    lang: z.enum(['vi', 'en']),
    term: z.string().trim().min(2).max(100),
    tier: z.enum(['review', 'block']).optional().nullable(),
  })
  .transform((b) => ({ ...b, tier: b.kind === 'term' ? (b.tier ?? 'review') : null }));

export const lexiconJson = (e: LexiconEntryRecord) => ({
  id: e.id,
  kind: e.kind,
  lang: e.lang,
  term: e.term,
  tier: e.tier,
  createdBy: e.createdBy,
  createdAt: e.createdAt.toISOString(),
});

const entry = z
  .object({
    id: z.number().int(),
    kind: z.enum(['term', 'allow']),
    lang: z.enum(['vi', 'en']),
    term: z.string(),
    tier: z.enum(['review', 'block']).nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('LexiconEntry');

const listRoute = moderatorJsonRoute('get', '/', 'Words added at run time to the filter (terms) or exempted from it (allow)', [
  'the entries',
  z.object({ entries: z.array(entry) }),
]);

const addRoute = moderatorJsonRoute(
  'post',
  '/',
  'Add a word (admins); the workers apply it within seconds',
  ['the entry', z.object({ entry }), 201],
  {
    middleware: [requireRole('admin')],
    request: { body: jsonBody(addBody) },
    errors: ['validation_failed', 'invalid_json', 'forbidden', 'conflict'],
  },
);

const removeRoute = moderatorJsonRoute('post', '/{id}/delete', 'Remove a word (admins)', ['the removed entry', z.object({ entry })], {
  middleware: [requireRole('admin')],
  request: { params: numericIdParam },
  errors: ['validation_failed', 'forbidden', 'not_found'],
});

export function lexiconRoutes(services: Services): DocumentedRoutes {
  const { list, add, remove } = services.lexiconService;
  const words = { names: ['entries', 'entry'], toJson: lexiconJson, list, add, changeOne: remove } as const;
  return collectionRoutes(services, { list: listRoute, add: addRoute, changeOne: removeRoute }, words);
}
