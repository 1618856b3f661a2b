/**
 * Privacy requests, admins only: GET /admin/api/privacy/export?email=… answers everything
 * stored about that address (comments with their IP and user agent if still kept, the
 * decisions on them, bans naming the address) as one JSON document to hand to the person.
 * Every export is written to the audit log (who asked, not the address): src/retention/privacy.ts.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole, requireSession } from '../auth/index.js';
import { validate } from '../../http/validation.js';
import type { Services } from '../../services.js';

const exportQuery = z.object({ email: z.string().trim().min(3).max(254).email() });

export function privacyRoutes(services: Services): Hono {
  const routes = new Hono();
  routes.use('*', requireSession(services));
  routes.use('*', requireRole('admin'));

  routes.get('/export', validate('query', exportQuery), async (c) => {
    const { email } = c.req.valid('query');
    const moderatorId = c.get('moderator').id;
    const data = await services.privacyService.exportPersonalData(moderatorId, email);
    // The address itself stays out of the log, as out of the audit log.
    services.logger.info(
      { requestId: c.get('requestId'), moderatorId, comments: data.comments.length },
      'privacy export',
    );
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', 'attachment; filename="privacy-export.json"');
    return c.json(data);
  });

  return routes;
}
