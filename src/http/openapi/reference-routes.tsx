/**
 * GET /openapi.json (the document) and GET /docs (the reference page, rendered here from the
 * document: no script, no CDN; its one stylesheet comes from this server), with a CSP of
 * 'self' of its own. Both hold nothing secret (paths and shapes, no data), so they are served
 * in production too unless API_DOCS=0. The document and the page are built once, on first
 * request, when every route is mounted.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { serveStaticAsset, staticAsset, type StaticAsset } from '../static-asset.js';
import { documentedRoutes, type DocumentedRoutes } from './declare.js';
import { buildOpenApiDocument } from './document.js';
import { REFERENCE_CSS } from './reference-css.js';
import { REFERENCE_CSS_PATH, ReferencePage } from './reference-page.js';
import { jsonAnswer, textAnswer } from './schemas.js';

const referenceSecureHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
});

const documentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['API reference'],
  summary: 'This OpenAPI 3.1 document',
  responses: { 200: jsonAnswer('the document', z.record(z.string(), z.unknown())), 304: { description: 'not modified' } },
});

const pageRoute = createRoute({
  method: 'get',
  path: '/docs',
  tags: ['API reference'],
  summary: 'This reference as a web page',
  responses: { 200: textAnswer('the page', 'text/html'), 304: { description: 'not modified' } },
});

export function apiReferenceRoutes(app: DocumentedRoutes): DocumentedRoutes {
  const routes = documentedRoutes();
  const css = staticAsset(REFERENCE_CSS, 'text/css; charset=utf-8');
  let answers: { json: StaticAsset; page: StaticAsset } | undefined;
  const reference = () => {
    if (!answers) {
      const document = buildOpenApiDocument(app);
      answers = {
        json: staticAsset(JSON.stringify(document), 'application/json'),
        page: staticAsset(`<!doctype html>${(<ReferencePage document={document} />).toString()}`, 'text/html; charset=utf-8'),
      };
    }
    return answers;
  };
  // Declared here, before the first request builds the document, so it lists these two as well.
  routes.openAPIRegistry.registerPath(documentRoute);
  routes.openAPIRegistry.registerPath(pageRoute);
  routes.get('/openapi.json', ...serveStaticAsset(() => reference().json, 'no-cache'));
  routes.get('/docs', referenceSecureHeaders, ...serveStaticAsset(() => reference().page, 'no-cache'));
  routes.get(REFERENCE_CSS_PATH, referenceSecureHeaders, ...serveStaticAsset(() => css, 'no-cache'));
  return routes;
}
