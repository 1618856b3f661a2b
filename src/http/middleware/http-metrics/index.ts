/**
 * Observes every request in `http_request_duration_seconds{route,method,status}`. The route
 * label is the matched pattern (`/v1/articles/:articleId/comments`), never the raw path, so
 * ids do not blow up the number of series; requests that matched no route share `unmatched`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Histogram } from 'prom-client';

export interface HttpMetricsOptions {
  histogram: Histogram<'route' | 'method' | 'status'>;
}

/** The matched route pattern; catch-all middleware patterns mean nothing matched. */
export function routeLabel(c: Context): string {
  const pattern = c.req.routePath;
  if (!pattern || pattern === '*' || pattern === '/*') return 'unmatched';
  // `/v1/articles/:articleId{.+}/comments` reads better without the parameter's regex.
  return pattern.replace(/(:[A-Za-z0-9_]+)\{.*?\}(?=\/|$)/g, '$1');
}

export function httpMetrics(options: HttpMetricsOptions): MiddlewareHandler {
  return async function httpMetricsMiddleware(c, next) {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      options.histogram.observe({ route: routeLabel(c), method: c.req.method, status: String(c.res.status) }, seconds);
    }
  };
}
