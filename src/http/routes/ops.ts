/**
 * Operations endpoints: liveness, readiness and Prometheus metrics. Mounted on the api and,
 * alone, on the worker role's small ops server (src/http/ops-app.ts), so both roles can be
 * probed and scraped the same way.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { registry } from '../../metrics.js';
import { bearerMatches } from '../../ops/bearer.js';
import { checkReadiness } from '../../ops/readiness.js';
import { refreshScrapeGauges } from '../../ops/scrape.js';
import type { Services } from '../../services.js';
import { errorBody } from '../errors.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../openapi/declare.js';
import { errorAnswers, jsonAnswer, textAnswer } from '../openapi/schemas.js';

const readiness = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.string()).openapi({ example: { redis: 'ok', database: 'ok', workers: 'ok' } }),
  failed: z.array(z.string()),
  redisPrimary: z.string().nullable().openapi({
    description: 'host:port of the Redis this copy writes to (the primary, with Sentinel); null while disconnected',
    example: '10.0.0.5:6379',
  }),
});

const liveness = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Liveness: 200 while the process runs (never checks dependencies)',
  responses: { 200: jsonAnswer('alive', z.object({ status: z.literal('ok') })) },
});

const readinessRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Operations'],
  summary: 'Readiness: Redis, the database and a worker heartbeat',
  responses: { 200: jsonAnswer('ready', readiness), 503: jsonAnswer('not ready (or shutting down): `failed` names what', readiness) },
});

const metrics = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['Operations'],
  summary: 'Prometheus metrics (bearer METRICS_TOKEN when set; in production without it closed unless METRICS_PUBLIC=1)',
  security: [{ metricsToken: [] }, {}],
  responses: { 200: textAnswer('Prometheus text format', 'text/plain'), ...errorAnswers('unauthenticated') },
});

export function opsRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();

  // Liveness: the process runs and its event loop answers. Never checks dependencies, so a
  // Redis outage does not make the orchestrator kill every copy at once.
  declareRoute(routes, liveness, (c) => c.json({ status: 'ok' }));

  declareRoute(routes, readinessRoute, async (c) => {
    const { ready, checks, failed, redisPrimary } = await checkReadiness({
      redis: services.redis,
      db: services.db,
      keys: services.keys,
      lifecycle: services.lifecycle,
      workerHeartbeatMaxAgeSeconds: services.config.workerHeartbeatMaxAgeSeconds,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ready ? 'ok' : 'unavailable', checks, failed, redisPrimary }, ready ? 200 : 503);
  });

  // Behind METRICS_TOKEN when set; in production without it, closed unless METRICS_PUBLIC=1 says
  // the port is on a private network (queue sizes and error rates are not for the internet).
  declareRoute(routes, metrics, async (c) => {
    const { metricsToken: token, isProduction, metricsPublic } = services.config;
    const closed = token === undefined && isProduction && !metricsPublic;
    if (closed || (token !== undefined && !bearerMatches(c.req.header('authorization'), token))) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.json(errorBody(c, 'unauthenticated'), 401);
    }
    await refreshScrapeGauges({ queues: services.queues.all(), db: services.db });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', registry.contentType);
    return c.body(await registry.metrics());
  });

  return routes;
}
