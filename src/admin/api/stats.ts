/**
 * JSON endpoints under /admin/api/stats (session):
 *   GET /        → the statistics page's figures
 *   GET /queue   → {counts: {pending, filtered, approved, rejected}} for the live tab counts
 */
import { Hono } from 'hono';
import type { Services } from '../../services.js';
import { requireSession } from '../auth/index.js';

export function statsRoutes(services: Services): Hono {
  const routes = new Hono();
  const stats = services.statsService;
  routes.use('*', requireSession(services));
  routes.get('/', async (c) => {
    const s = await stats.load();
    c.header('Cache-Control', 'no-store');
    return c.json({
      queue: { pending: s.queue.pending, oldestPendingAt: s.queue.oldestPendingAt?.toISOString() ?? null, oldestPendingSeconds: s.queue.oldestPendingSeconds },
      today: s.today,
      rules: s.rules,
    });
  });
  routes.get('/queue', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ counts: await stats.tabCounts() });
  });
  return routes;
}
