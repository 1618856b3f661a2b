/**
 * JSON endpoints under /admin/api/stats (session):
 *   GET /        → the statistics page's figures
 *   GET /queue   → {counts: {pending, filtered, approved, rejected, reported}} for the live tab counts
 */
import { z } from '@hono/zod-openapi';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import { jsonAnswer, moderatorRoute, SESSION } from '../../http/openapi/schemas.js';
import type { Services } from '../../services.js';
import { requireSession } from '../auth/index.js';

const tabCounts = z.object({
  pending: z.number().int(),
  filtered: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  reported: z.number().int().openapi({ description: 'approved comments with open reports by readers (all of them)' }),
});

const statsRoute = moderatorRoute({
  method: 'get',
  path: '/',
  summary: "The statistics page's figures: the queue, today's decisions by moderator, how often each filter rule is overruled",
  security: SESSION,
  responses: {
    200: jsonAnswer(
      'the figures',
      z.object({
        queue: z.object({ pending: z.number().int(), oldestPendingAt: z.string().nullable(), oldestPendingSeconds: z.number().nullable() }),
        today: z.array(z.record(z.string(), z.unknown())),
        rules: z.array(z.record(z.string(), z.unknown())),
      }),
    ),
  },
});

const queueRoute = moderatorRoute({
  method: 'get',
  path: '/queue',
  summary: 'Tab counts for the live queue page (filtered, approved, rejected: the last 24 hours)',
  security: SESSION,
  responses: { 200: jsonAnswer('the counts', z.object({ counts: tabCounts })) },
});

export function statsRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();
  const stats = services.statsService;
  routes.use('*', requireSession(services));
  declareRoute(routes, statsRoute, async (c) => {
    const s = await stats.load();
    c.header('Cache-Control', 'no-store');
    return c.json({
      queue: {
        pending: s.queue.pending,
        oldestPendingAt: s.queue.oldestPendingAt?.toISOString() ?? null,
        oldestPendingSeconds: s.queue.oldestPendingSeconds,
      },
      today: s.today,
      rules: s.rules,
    });
  });
  declareRoute(routes, queueRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ counts: await stats.tabCounts() });
  });
  return routes;
}
