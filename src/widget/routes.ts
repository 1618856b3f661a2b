/**
 * The reader-facing browser assets: /widget.js and /count.js (cacheable for five minutes,
 * revalidated by ETag), and the demo pages /demo and /demo/list (off with DEMO=0).
 */
import { Hono, type Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ARTICLE_ID_PATTERN } from '../comments/id-patterns.js';
import { ifNoneMatchHits } from '../http/etag.js';
import type { Services } from '../services.js';
import { loadAssets, type Asset, type Assets } from './assets.js';
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

function serveScript(c: Context, asset: Asset): Response {
  c.header('Cache-Control', 'public, max-age=300');
  c.header('ETag', asset.etag);
  if (ifNoneMatchHits(c.req.header('if-none-match'), asset.etag)) return c.body(null, 304);
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(asset.body);
}

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

  routes.get('/widget.js', async (c) => serveScript(c, (await assets()).widget));
  routes.get('/count.js', async (c) => serveScript(c, (await assets()).count));

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
