/**
 * The Hono application: middleware composed in order, then each area's routes. Routes stay
 * thin: parse, call one domain function, map the result. Errors of every route end in one
 * `onError`, which answers the contract's error shape.
 */
import { secureHeaders } from 'hono/secure-headers';
import { publicSecurityHeaders } from './middleware/public-security-headers/index.js';
import type { Services } from '../services.js';
import { errorBody, errorResponse, toAppError } from './errors.js';
import { clientIp } from './middleware/client-ip/index.js';
import { requestBodyLimit } from './middleware/body-limit/index.js';
import { bodyLimitFor } from './body-limits.js';
import { publicCors } from './middleware/public-cors/index.js';
import { commentRoutes } from './routes/comments.js';
import { httpMetrics } from './middleware/http-metrics/index.js';
import { requestId } from './middleware/request-id/index.js';
import { requestLog } from './middleware/request-log/index.js';
import { httpRequestDuration } from '../metrics.js';
import { queueDashboardRoutes } from '../admin/queue-dashboard.js';
import { privacyRoutes } from '../admin/api/privacy.js';
import { captchaRoutes } from './routes/captcha.js';
import { opsRoutes } from './routes/ops.js';
import { adminApiRoutes } from '../admin/api/index.js';
import { publicReadRoutes } from './routes/public-read.js';
import { widgetRoutes } from '../widget/routes.js';
import { adminUiRoutes } from '../admin/ui/routes.js';
import { banRoutes } from '../admin/api/bans.js';
import { lexiconRoutes } from '../admin/api/lexicon.js';
import { userRoutes } from '../admin/api/users.js';
import { commenterRoutes } from '../admin/api/commenters.js';
import { statsRoutes } from '../admin/api/stats.js';
import { auditRoutes } from '../admin/api/audit.js';
import { documentedRoutes, type DocumentedRoutes } from './openapi/declare.js';
import { apiReferenceRoutes } from './openapi/reference-routes.js';

export function createApp(services: Services): DocumentedRoutes {
  const { config, logger } = services;
  // Every area's routes are documented (src/http/openapi): app.route() merges their declarations.
  const app = documentedRoutes();

  app.use(requestId());
  app.use(requestLog({ logger }));
  app.use(httpMetrics({ histogram: httpRequestDuration }));
  app.use(clientIp({ trustProxy: config.trustProxy }));
  // Bodies first: every route's limit (src/http/body-limits.ts) before a session is looked up.
  app.use(requestBodyLimit(bodyLimitFor));
  // Public API: CORS for the news sites' pages; resources readable cross-origin (the widget).
  app.use('/v1/*', publicCors(config));
  app.use('/v1/*', publicSecurityHeaders());
  // Admin JSON: never sniffed as HTML, never framed (the pages set their own CSP in src/admin/ui).
  app.use('/admin/api/*', secureHeaders({ xFrameOptions: 'DENY' }));

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
  app.route('/v1', captchaRoutes(services));
  app.route('/v1', commentRoutes(services));
  app.route('/v1', publicReadRoutes(services));
  app.route('/admin/api', adminApiRoutes(services));
  app.route('/admin/api/privacy', privacyRoutes(services));
  app.route('/admin/queues', queueDashboardRoutes(services));
  app.route('/admin/api/bans', banRoutes(services));
  app.route('/admin/api/lexicon', lexiconRoutes(services));
  app.route('/admin/api/users', userRoutes(services));
  app.route('/admin/api/commenters', commenterRoutes(services));
  app.route('/admin/api/stats', statsRoutes(services));
  app.route('/admin/api/audit', auditRoutes(services));
  app.route('/admin', adminUiRoutes(services));
  app.route('/', widgetRoutes(services));
  // Last: the document describes every route mounted above.
  if (config.apiDocs) app.route('/', apiReferenceRoutes(app));

  return app;
}
