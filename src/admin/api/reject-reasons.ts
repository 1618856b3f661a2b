/**
 * JSON endpoints for the preset rejection reasons under /admin/api/reject-reasons. Everyone
 * logged in may read (the queue's keys 1–9 use them); only admins change (403 forbidden).
 *   GET  /            → {reasons: [...]}, in key order
 *   POST /            {text} → 201 {reason}   (409 conflict when present)
 *   POST /:id/delete  → {reason}
 */
import { z } from '@hono/zod-openapi';
import type { Services } from '../../services.js';
import type { RejectReasonRecord } from '../../store/reject-reasons.js';
import type { DocumentedRoutes } from '../../http/openapi/declare.js';
import { collectionRoutes } from './collection.js';
import { jsonBody, moderatorJsonRoute, numericIdParam } from '../../http/openapi/schemas.js';
import { requireRole } from '../auth/index.js';

const addBody = z.object({ text: z.string().trim().min(2).max(200) });

export const rejectReasonJson = (r: RejectReasonRecord) => ({
  id: r.id,
  text: r.text,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

const reason = z.object({ id: z.number().int(), text: z.string(), createdBy: z.string(), createdAt: z.string() }).openapi('RejectReason');

const listRoute = moderatorJsonRoute('get', '/', 'Preset rejection reasons, in the order number keys 1–9 pick them', [
  'the presets',
  z.object({ reasons: z.array(reason) }),
]);

const addRoute = moderatorJsonRoute(
  'post',
  '/',
  'Add a preset rejection reason (admins); it takes the next number key',
  ['the preset', z.object({ reason }), 201],
  {
    middleware: [requireRole('admin')],
    request: { body: jsonBody(addBody) },
    errors: ['validation_failed', 'invalid_json', 'forbidden', 'conflict'],
  },
);

const removeRoute = moderatorJsonRoute(
  'post',
  '/{id}/delete',
  'Remove a preset rejection reason (admins)',
  ['the removed preset', z.object({ reason })],
  {
    middleware: [requireRole('admin')],
    request: { params: numericIdParam },
    errors: ['validation_failed', 'forbidden', 'not_found'],
  },
);

export function rejectReasonRoutes(services: Services): DocumentedRoutes {
  const { list, add, remove } = services.rejectReasonService;
  const presets = { names: ['reasons', 'reason'], toJson: rejectReasonJson, list, add, changeOne: remove } as const;
  return collectionRoutes(services, { list: listRoute, add: addRoute, changeOne: removeRoute }, presets);
}
