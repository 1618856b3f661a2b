/**
 * One JSON log line per request: method, route pattern, status, duration and request id.
 * Deliberately nothing from the body, the query string or cookies: comment text, email
 * addresses and passwords never reach the log at info level (the privacy export takes an
 * email in its query, and ids in paths are not personal). Probes and scrapes log at debug,
 * so a load balancer polling /readyz every second does not drown the rest.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { routeLabel } from '../http-metrics/index.js';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export interface RequestLogOptions {
  logger: Logger;
}

export function requestLog(options: RequestLogOptions): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    logRequest(options.logger, c, started);
  };
}

/** Logs the finished request `c`, begun at `started` (performance.now()); the hot path calls it itself (src/http/hot-path). */
export function logRequest(logger: Logger, c: Context, started: number): void {
  const status = c.res.status;
  const level = status >= 500 ? 'warn' : QUIET_PATHS.has(c.req.path) ? 'debug' : 'info';
  if (!logger.isLevelEnabled(level)) return; // the common case at LOG_LEVEL=warn: build nothing
  const line = {
    requestId: c.get('requestId'),
    method: c.req.method,
    route: routeLabel(c),
    path: c.req.path,
    status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
  logger[level](line, status >= 500 ? 'request failed' : 'request');
}
