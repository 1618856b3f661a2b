/**
 * GET /openapi.json (the document) and GET /docs (the reference page, rendered here from the
 * document: no script, no CDN; its one stylesheet comes from this server), with a CSP of
 * 'self' of its own. Both hold nothing secret (paths and shapes, no data), so they are served
 * in production too unless API_DOCS=0. The document and the page are built once, on first
 * request, when every route is mounted.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { etagOf, ifNoneMatchHits } from '../etag.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from './declare.js';
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
  middleware: [referenceSecureHeaders],
  responses: { 200: textAnswer('the page', 'text/html'), 304: { description: 'not modified' } },
});

interface Built {
  body: string;
  etag: string;
  contentType: string;
}

const built = (body: string, contentType: string): Built => ({ body, etag: etagOf(body), contentType });

function serve(c: Context, asset: Built): Response {
  c.header('Cache-Control', 'no-cache');
  c.header('ETag', asset.etag);
  if (ifNoneMatchHits(c.req.header('if-none-match'), asset.etag)) return c.body(null, 304);
  c.header('Content-Type', asset.contentType);
  return c.body(asset.body);
}

export function apiReferenceRoutes(app: DocumentedRoutes): DocumentedRoutes {
  const routes = documentedRoutes();
  const css = built(REFERENCE_CSS, 'text/css; charset=utf-8');
  let answers: { json: Built; page: Built } | undefined;
  const reference = () => {
    if (!answers) {
      const document = buildOpenApiDocument(app);
      answers = {
        json: built(JSON.stringify(document), 'application/json'),
        page: built(`<!doctype html>${(<ReferencePage document={document} />).toString()}`, 'text/html; charset=utf-8'),
      };
    }
    return answers;
  };
  // Declared here, before the first request builds the document, so it lists these two as well.
  declareRoute(routes, documentRoute, (c) => serve(c, reference().json));
  declareRoute(routes, pageRoute, (c) => serve(c, reference().page));
  routes.get(REFERENCE_CSS_PATH, referenceSecureHeaders, (c) => serve(c, css));
  return routes;
}
