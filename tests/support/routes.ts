/**
 * The app's own route list (Hono's `app.routes`), so security and fuzz tests cover every
 * route that exists, including ones added after the tests were written.
 */
import type { Hono } from 'hono';

export interface AppRoute {
  method: string;
  path: string;
}

/** Distinct method+path pairs of real handlers (middleware registrations use method ALL). */
export function listRoutes(app: Hono): AppRoute[] {
  const seen = new Map<string, AppRoute>();
  for (const r of app.routes) {
    if (r.method === 'ALL' && r.path.endsWith('*')) continue; // middleware
    const key = `${r.method} ${r.path}`;
    if (!seen.has(key)) seen.set(key, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** Fills `:param` segments (with optional regex `{…}`) and trailing wildcards. */
export function fillPath(path: string, value: (name: string) => string): string {
  return path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?\??/g, (_, name: string) => encodePart(value(name))).replace(/\/\*$/, '/x');
}

/** encodeURIComponent, with lone surrogates (which it refuses) replaced by U+FFFD. */
export function encodePart(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}
