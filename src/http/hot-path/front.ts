/**
 * Everything the app's global and `/v1/*` middleware do for a request, done for the hot routes
 * in one middleware: request id, request log, duration metric, client IP, CORS and security
 * headers (the body limit does not apply: GETs have no body, POST /v1/comments checks its own).
 * Each of those is its own middleware elsewhere, and every middleware is an async frame Hono
 * awaits on the way in and out: for GET /v1/counts, seven of them were about a third of the
 * request's CPU time (./README.md has the figures). The work itself is shared, not copied:
 * each concern's function comes from its own folder.
 *
 *   app.use(onHotPath(hotPathFront({ config, logger, histogram }), requestId()));   // then offHotPath(…) for the rest
 */
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { clientIpOf } from '../middleware/client-ip/index.js';
import { type HttpMetricsOptions, requestObserver } from '../middleware/http-metrics/index.js';
import { logRequest } from '../middleware/request-log/index.js';
import { corsHeaderSetter } from './cors.js';
import { setRequestId } from './request-id.js';
import { setSecurityHeaders } from './security-headers.js';

export interface HotPathFrontOptions {
  config: Pick<Config, 'allowedOrigins' | 'isProduction' | 'trustProxy'>;
  logger: Logger;
  histogram: HttpMetricsOptions['histogram'];
}

export function hotPathFront(options: HotPathFrontOptions): MiddlewareHandler {
  const { config, logger } = options;
  const observe = requestObserver(options.histogram);
  const setCorsHeaders = corsHeaderSetter(config);
  return async function hotPathFrontMiddleware(c, next) {
    const started = performance.now();
    setRequestId(c);
    c.set('clientIp', clientIpOf(c, config.trustProxy));
    setCorsHeaders(c);
    setSecurityHeaders(c);
    try {
      await next();
    } finally {
      observe(c, started);
      logRequest(logger, c, started);
    }
  };
}
