/**
 * The Hono application: middleware composed in order, then each area's routes. Routes stay
 * thin: parse, call one domain function, map the result. Errors of every route end in one
 * `onError`, which answers the contract's error shape.
 */
import { publicSecurityHeaders } from './middleware/public-security-headers/index.js';
import type { Services } from '../services.js';
import { errorBody, errorResponse, toAppError } from './errors.js';
import { clientIp } from './middleware/client-ip/index.js';
import { requestBodyLimit } from './middleware/body-limit/index.js';
import { bodyLimitFor } from './body-limits.js';
import { publicCors } from './middleware/public-cors/index.js';
import { hotPathFront, offHotPath, onHotPath } from './hot-path/index.js';
import { httpMetrics } from './middleware/http-metrics/index.js';
import { requestId } from 'hono/request-id';
import { requestLog } from './middleware/request-log/index.js';
import { httpRequestDuration } from '../metrics.js';
import { opsRoutes } from './routes/ops.js';
import { adminRoutes } from '../admin/index.js';
import { publicApiRoutes } from './routes/v1.js';
import { widgetRoutes } from '../widget/routes.js';
import { documentedRoutes, type DocumentedRoutes } from './openapi/declare.js';
import { apiReferenceRoutes } from './openapi/reference-routes.js';

export function createApp(services: Services): DocumentedRoutes {
  const { config, logger } = services;
  // Every area's routes are documented (src/http/openapi): app.route() merges their declarations.
  const app = documentedRoutes();

  // The hot routes (counts, comment POST, captcha) get all of the chain below from one
  // middleware, hotPathFront: same headers, log line and metric (figures in src/http/hot-path).
  app.use(onHotPath(hotPathFront({ config, logger, histogram: httpRequestDuration }), requestId()));
  app.use(offHotPath(requestLog({ logger })));
  app.use(offHotPath(httpMetrics({ histogram: httpRequestDuration })));
  app.use(offHotPath(clientIp({ trustProxy: config.trustProxy })));
  // Bodies first: every route's limit (src/http/body-limits.ts) before a session is looked up.
  app.use(offHotPath(requestBodyLimit(bodyLimitFor)));
  // Public API: CORS for the news sites' pages; resources readable cross-origin (the widget).
  app.use('/v1/*', offHotPath(publicCors(config)));
  app.use('/v1/*', offHotPath(publicSecurityHeaders()));

  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === 'internal_error') {
      logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    } else if (appError.code === 'unavailable') {
      logger.warn({ err: error.message, requestId: c.get('requestId'), path: c.req.path }, 'dependency unavailable');
    }
    return errorResponse(c, appError);
  });
  app.notFound((c) => c.json(errorBody(c, 'not_found'), 404));

  // Areas mount their routes below, one line each.
  app.route('/', opsRoutes(services));
  app.route('/v1', publicApiRoutes(services));
  app.route('/admin', adminRoutes(services));
  app.route('/', widgetRoutes(services));
  // Last: the document describes every route mounted above.
  if (config.apiDocs) app.route('/', apiReferenceRoutes(app));

  return app;
}
