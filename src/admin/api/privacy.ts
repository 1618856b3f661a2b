/**
 * Privacy requests, admins only: GET /admin/api/privacy/export?email=… answers everything
 * stored about that address (comments with their IP and user agent if still kept, the
 * decisions on them, bans naming the address) as one JSON document to hand to the person.
 * Every export is written to the audit log (who asked, not the address): src/retention/privacy.ts.
 */
import { z } from '@hono/zod-openapi';
import { requireRole, requireSession } from '../auth/index.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import { jsonAnswer, moderatorRoute, SESSION } from '../../http/openapi/schemas.js';
import type { Services } from '../../services.js';

const exportQuery = z.object({ email: z.string().trim().min(3).max(254).email() });

const exportRoute = moderatorRoute({
  method: 'get',
  path: '/export',
  summary: 'Everything stored about one email address, as one JSON attachment (admins; audited)',
  security: SESSION,
  request: { query: exportQuery },
  errors: ['validation_failed', 'forbidden'],
  responses: {
    200: jsonAnswer(
      'the export (Content-Disposition: attachment)',
      z.object({
        email: z.string(),
        exportedAt: z.string(),
        comments: z.array(z.record(z.string(), z.unknown())),
        decisions: z.array(z.record(z.string(), z.unknown())),
        bans: z.array(z.record(z.string(), z.unknown())),
      }),
    ),
  },
});

export function privacyRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();
  routes.use('*', requireSession(services));
  routes.use('*', requireRole('admin'));

  declareRoute(routes, exportRoute, async (c) => {
    const { email } = c.req.valid('query');
    const moderatorId = c.get('moderator').id;
    const data = await services.privacyService.exportPersonalData(moderatorId, email);
    // The address itself stays out of the log, as out of the audit log.
    services.logger.info({ requestId: c.get('requestId'), moderatorId, comments: data.comments.length }, 'privacy export');
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', 'attachment; filename="privacy-export.json"');
    return c.json(data);
  });

  return routes;
}
