/**
 * Operations endpoints: liveness, readiness and Prometheus metrics. Mounted on the api and,
 * alone, on the worker role's small ops server (src/http/ops-app.ts), so both roles can be
 * probed and scraped the same way.
 */
import { Hono } from 'hono';
import { registry } from '../../metrics.js';
import { bearerMatches } from '../../ops/bearer.js';
import { checkReadiness } from '../../ops/readiness.js';
import { refreshScrapeGauges } from '../../ops/scrape.js';
import type { Services } from '../../services.js';
import { errorBody } from '../errors.js';

export function opsRoutes(services: Services): Hono {
  const routes = new Hono();

  // Liveness: the process runs and its event loop answers. Never checks dependencies, so a
  // Redis outage does not make the orchestrator kill every copy at once.
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));

  routes.get('/readyz', async (c) => {
    const { ready, checks, failed } = await checkReadiness({
      redis: services.redis,
      db: services.db,
      keys: services.keys,
      lifecycle: services.lifecycle,
      workerHeartbeatMaxAgeSeconds: services.config.workerHeartbeatMaxAgeSeconds,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ready ? 'ok' : 'unavailable', checks, failed }, ready ? 200 : 503);
  });

  // Behind METRICS_TOKEN when set; in production without it, closed unless METRICS_PUBLIC=1 says
  // the port is on a private network (queue sizes and error rates are not for the internet).
  routes.get('/metrics', async (c) => {
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
