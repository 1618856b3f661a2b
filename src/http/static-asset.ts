/**
 * Files the service holds in memory and serves as they are: the widget's /widget.js and
 * /count.js, the admin stylesheet and script. One way for all of them:
 *
 *   const css = staticAsset(ADMIN_CSS, 'text/css; charset=utf-8');
 *   routes.get('/assets/admin.css', ...serveStaticAsset(() => css, 'no-cache'));
 *
 * The body's strong ETag is computed once, when the asset is made; `revalidate` (./etag.ts,
 * hono/etag) answers a matching If-None-Match with 304.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { etagOf, revalidate } from './etag.js';

export interface StaticAsset {
  body: string;
  etag: string;
  contentType: string;
}

export function staticAsset(body: string, contentType: string): StaticAsset {
  return { body, etag: etagOf(body), contentType };
}

/** The handlers of a GET route that serves `load()`'s asset under `cacheControl`. */
export function serveStaticAsset(
  load: () => StaticAsset | Promise<StaticAsset>,
  cacheControl: string,
): [MiddlewareHandler, (c: Context) => Promise<Response>] {
  return [
    revalidate,
    async (c) => {
      const asset = await load();
      c.header('Cache-Control', cacheControl);
      c.header('ETag', asset.etag);
      c.header('Content-Type', asset.contentType);
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(asset.body);
    },
  ];
}
