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

/** Labels of the route patterns seen so far: the app has a fixed, small set of them. */
const labelOfPattern = new Map<string, string>();

/** The matched route pattern; catch-all middleware patterns mean nothing matched. */
export function routeLabel(c: Context): string {
  const pattern = c.req.routePath;
  if (!pattern || pattern === '*' || pattern === '/*') return 'unmatched';
  let label = labelOfPattern.get(pattern);
  if (label === undefined) {
    // `/v1/articles/:articleId{.+}/comments` reads better without the parameter's regex.
    label = pattern.replace(/(:[A-Za-z0-9_]+)\{.*?\}(?=\/|$)/g, '$1');
    labelOfPattern.set(pattern, label);
  }
  return label;
}

type Observer = { observe(value: number): void };

export function httpMetrics(options: HttpMetricsOptions): MiddlewareHandler {
  const observe = requestObserver(options.histogram);
  return async function httpMetricsMiddleware(c, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      observe(c, started);
    }
  };
}

/**
 * Observes a finished request `c`, begun at `started` (performance.now()), in `histogram`; the
 * hot path calls it itself (src/http/hot-path).
 */
export function requestObserver(histogram: HttpMetricsOptions['histogram']): (c: Context, started: number) => void {
  // One child per label set, looked up by a plain string: prom-client's observe(labels, v)
  // hashes the label object on every call, a visible cost on the public GETs.
  const children = new Map<string, Observer>();
  const childFor = (route: string, method: string, status: string): Observer => {
    const key = `${route} ${method} ${status}`;
    let child = children.get(key);
    if (!child) {
      child = histogram.labels({ route, method, status });
      children.set(key, child);
    }
    return child;
  };
  return (c, started) => childFor(routeLabel(c), c.req.method, String(c.res.status)).observe((performance.now() - started) / 1000);
}
