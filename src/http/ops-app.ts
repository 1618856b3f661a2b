/**
 * The worker role's small HTTP server: only /healthz, /readyz and /metrics. Workers count
 * verdicts and webhook deliveries in their own process, so Prometheus must scrape them too,
 * and the image's HEALTHCHECK probes both roles the same way.
 */
import { Hono } from 'hono';
import { httpRequestDuration } from '../metrics.js';
import type { Services } from '../services.js';
import { errorBody, errorResponse, toAppError } from './errors.js';
import { httpMetrics } from './middleware/http-metrics/index.js';
import { requestId } from 'hono/request-id';
import { requestLog } from './middleware/request-log/index.js';
import { opsRoutes } from './routes/ops.js';

export function createOpsApp(services: Services): Hono {
  const app = new Hono();
  app.use(requestId());
  app.use(requestLog({ logger: services.logger }));
  app.use(httpMetrics({ histogram: httpRequestDuration }));
  app.onError((error, c) => {
    services.logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return errorResponse(c, toAppError(error));
  });
  app.notFound((c) => c.json(errorBody(c, 'not_found'), 404));
  app.route('/', opsRoutes(services));
  return app;
}
