/**
 * The reader-facing browser assets: /widget.js and /count.js (cacheable for five minutes,
 * revalidated by ETag), and the demo pages /demo and /demo/list (off with DEMO=0).
 */
import { Hono, type Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ARTICLE_ID_PATTERN } from '../comments/id-patterns.js';
import { serveStaticAsset } from '../http/static-asset.js';
import type { Services } from '../services.js';
import { loadAssets, type Assets } from './assets.js';
import { demoArticlePage, demoListPage } from './demo/pages.js';

/** The demo's policy: everything from this origin, captcha images as data: URLs, no framing. */
const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Scripts are cached for five minutes, then revalidated by ETag. */
const SCRIPT_CACHE_CONTROL = 'public, max-age=300';

function servePage(c: Context, html: HtmlEscapedString | Promise<HtmlEscapedString>): Response | Promise<Response> {
  c.header('Content-Security-Policy', DEMO_CSP);
  c.header('Cache-Control', 'no-cache');
  return c.html(html);
}

export function widgetRoutes(services: Pick<Services, 'config' | 'logger'>): Hono {
  const routes = new Hono();
  // Start bundling now, so the first reader does not wait; every request shares the result.
  // A failed build is logged and tried again on the next request instead of being cached.
  let pending: Promise<Assets> | null = null;
  const assets = (): Promise<Assets> => {
    if (!pending) {
      pending = loadAssets();
      pending.catch((error) => {
        services.logger.error({ err: error }, 'widget scripts could not be built');
        pending = null;
      });
    }
    return pending;
  };
  void assets().catch(() => {});

  routes.get('/widget.js', ...serveStaticAsset(async () => (await assets()).widget, SCRIPT_CACHE_CONTROL));
  routes.get('/count.js', ...serveStaticAsset(async () => (await assets()).count, SCRIPT_CACHE_CONTROL));

  if (services.config.demo) {
    routes.get('/demo', (c) => {
      // ?article=ID previews another article's comments; ?lang=en shows the English widget.
      const article = c.req.query('article');
      const articleId = article && ARTICLE_ID_PATTERN.test(article) ? article : undefined;
      const lang = c.req.query('lang') === 'en' ? 'en' : 'vi';
      return servePage(c, demoArticlePage(new Date(), { articleId, lang }));
    });
    routes.get('/demo/list', (c) => servePage(c, demoListPage(new Date())));
  }
  return routes;
}
