/**
 * The OpenAPI 3.1 document of the app, generated from the routes declared with createRoute
 * (src/http/openapi/declare.ts) and merged up the router tree by app.route(). Built once, on
 * the first request for it, when every route is mounted. Servers are relative: the document
 * works behind any host name and path prefix of the newsroom's.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DocumentedRoutes } from './declare.js';
import packageJson from '../../../package.json' with { type: 'json' };
import { SESSION_COOKIE } from '../../admin/auth/index.js';

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

const DESCRIPTION = [
  'The HTTP contract of the comment service: the public API read and written by the widget and',
  'the news site, the browser scripts, operations endpoints, and the moderator API under',
  '`/admin/api`. Every error answers `{"error": {"code", "message", "details"?}}`; `message` is',
  'Vietnamese unless Accept-Language prefers English. docs/API.md in the repository tells the',
  'rules behind each answer.',
].join(' ');

export function buildOpenApiDocument(app: DocumentedRoutes): OpenApiDocument {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Set by POST /admin/api/login (HttpOnly, SameSite=Strict).',
  });
  registry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The csrfToken answered by login or GET /admin/api/me; required on every state-changing request.',
  });
  registry.registerComponent('securitySchemes', 'metricsToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'METRICS_TOKEN, when it is set.',
  });
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: packageJson.name, version: packageJson.version, description: DESCRIPTION },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Public API', description: 'For the widget and the site; CORS allows the origins of ALLOWED_ORIGINS.' },
      { name: 'Browser assets', description: 'Scripts a site embeds, and the demo pages.' },
      { name: 'Operations', description: 'Probes and metrics, on the api and the worker role alike.' },
      { name: 'Moderator API', description: 'JSON API of the moderator queue: session cookie, and X-CSRF-Token on every change.' },
      { name: 'API reference', description: 'This document and its page.' },
    ],
  });
}
