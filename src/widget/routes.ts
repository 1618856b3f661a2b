/**
 * The reader-facing browser assets: /widget.js and /count.js (cacheable for five minutes,
 * revalidated by ETag), and the demo pages /demo and /demo/list (off with DEMO=0).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ARTICLE_ID_PATTERN } from '../comments/id-patterns.js';
import { serveStaticAsset } from '../http/static-asset.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../http/openapi/declare.js';
import { textAnswer } from '../http/openapi/schemas.js';
import type { Services } from '../services.js';
import { loadAssets, PREBUILT_DIR, widgetSettingsOf, type Assets } from './assets.js';
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

const script = (path: '/widget.js' | '/count.js', summary: string) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Browser assets'],
    summary,
    description: `Cache-Control: ${SCRIPT_CACHE_CONTROL}; ETag, 304 on If-None-Match.`,
    responses: { 200: textAnswer('the script', 'text/javascript'), 304: { description: 'not modified' } },
  });
const widgetScript = script('/widget.js', 'The comment box and list, mounted into <div data-comment-article="ID">');
const countScript = script('/count.js', 'Fills every [data-comment-count="ID"] of a page with one batched request');

const page = (path: '/demo' | '/demo/list', summary: string) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Browser assets'],
    summary,
    description: 'On unless DEMO=0; with NODE_ENV=production, off unless DEMO=1.',
    responses: { 200: textAnswer('the page', 'text/html') },
  });
const demoArticle = page('/demo', 'A sample article page with the widget embedded');
// Read by its handler leniently (an unknown value falls back), so documented but not validated.
const demoArticleQuery = z.object({ article: z.string().optional(), lang: z.enum(['vi', 'en']).optional() });
const demoList = page('/demo/list', 'Thirty articles whose counts come from one request');

function servePage(c: Context, html: HtmlEscapedString | Promise<HtmlEscapedString>): Response | Promise<Response> {
  c.header('Content-Security-Policy', DEMO_CSP);
  c.header('Cache-Control', 'no-cache');
  return c.html(html);
}

export function widgetRoutes(services: Pick<Services, 'config' | 'logger'>): DocumentedRoutes {
  const routes = documentedRoutes();
  // Start bundling now, so the first reader does not wait; every request shares the result.
  // A failed build is logged and tried again on the next request instead of being cached.
  let pending: Promise<Assets> | null = null;
  const assets = (): Promise<Assets> => {
    if (!pending) {
      pending = loadAssets(PREBUILT_DIR, widgetSettingsOf(services.config));
      pending.catch((error) => {
        services.logger.error({ err: error }, 'widget scripts could not be built');
        pending = null;
      });
    }
    return pending;
  };
  void assets().catch(() => {});

  routes.openAPIRegistry.registerPath(widgetScript);
  routes.openAPIRegistry.registerPath(countScript);
  routes.get('/widget.js', ...serveStaticAsset(async () => (await assets()).widget, SCRIPT_CACHE_CONTROL));
  routes.get('/count.js', ...serveStaticAsset(async () => (await assets()).count, SCRIPT_CACHE_CONTROL));

  if (services.config.demo) {
    routes.openAPIRegistry.registerPath({ ...demoArticle, request: { query: demoArticleQuery } });
    routes.get('/demo', (c) => {
      // ?article=ID previews another article's comments; ?lang=en shows the English widget.
      const article = c.req.query('article');
      const articleId = article && ARTICLE_ID_PATTERN.test(article) ? article : undefined;
      const lang = c.req.query('lang') === 'en' ? 'en' : 'vi';
      return servePage(c, demoArticlePage(new Date(), { articleId, lang }));
    });
    declareRoute(routes, demoList, (c) => servePage(c, demoListPage(new Date())));
  }
  return routes;
}
