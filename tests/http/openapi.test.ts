/**
 * The OpenAPI document is the contract as the code declares it: every route of the app is in
 * it, docs/API.md and it name the same endpoints, and /docs shows it from this server alone.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { adminEnv, login } from '../support/moderators.js';
import { listRoutes } from '../support/routes.js';
import { startTestService, type TestService } from '../support/service.js';

interface Document {
  openapi: string;
  info: { title: string; version: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, unknown>>;
}

/** Routes of the app that are not the API, so not in the document. */
const NOT_IN_DOCUMENT = [
  // The moderator pages (HTML forms for a browser, docs/moderator-ui.md) and the queue dashboard (bull-board's own UI and API).
  (route: string) => /^[A-Z]+ \/admin(\/|$)/.test(route) && !/^[A-Z]+ \/admin\/api\//.test(route),
  // The stylesheet of /docs.
  (route: string) => route === 'GET /docs/reference.css',
];

/** Named in docs/API.md, deliberately not routes of the app. */
const IN_API_MD_ONLY = new Set([
  'POST /admin/login', // the login page's form (a moderator page), named for its login-CSRF rule
]);

/** In the document, and in docs/API.md in a short form the heading scan does not read. */
const IN_API_MD_SHORT = new Set([
  'POST /admin/api/comments/{id}/reject', // "`POST /admin/api/comments/:id/approve` and `…/reject`"
]);

/** `GET /v1/articles/:articleId{.+}/comments` → `GET /v1/articles/{articleId}/comments`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');

function documentedOperations(document: Document): Set<string> {
  const operations = new Set<string>();
  for (const [path, item] of Object.entries(document.paths))
    for (const method of Object.keys(item)) operations.add(`${method.toUpperCase()} ${path}`);
  return operations;
}

/** Every `METHOD /path` in backticks in docs/API.md (query strings dropped). */
function apiMdOperations(): Set<string> {
  const text = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
  const operations = new Set<string>();
  for (const match of text.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`\s?]*)/g)) operations.add(`${match[1]} ${openApiPath(match[2])}`);
  return operations;
}

describe('the OpenAPI document (postgres)', () => {
  let svc: TestService;
  let document: Document;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres', workers: false, env: adminEnv });
    const res = await svc.fetch('/openapi.json');
    expect(res.status).toBe(200);
    document = (await res.json()) as Document;
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('is OpenAPI 3.1 titled and versioned from package.json, with a relative server', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: pkg.name, version: pkg.version });
    expect(document.servers).toEqual([{ url: '/' }]);
  });

  it('holds every route of the app with its method, and nothing else', () => {
    const routes = listRoutes(createApp(svc.services))
      .map((r) => `${r.method} ${openApiPath(r.path)}`)
      .filter((route) => !NOT_IN_DOCUMENT.some((excluded) => excluded(route)));
    const documented = documentedOperations(document);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((operation) => !routes.includes(operation))).toEqual([]);
    expect(documented.size).toBeGreaterThan(30);
  });

  it('names the same endpoints as docs/API.md', () => {
    const documented = documentedOperations(document);
    const inApiMd = apiMdOperations();
    expect([...inApiMd].filter((op) => !documented.has(op) && !IN_API_MD_ONLY.has(op))).toEqual([]);
    expect([...documented].filter((op) => !inApiMd.has(op) && !IN_API_MD_SHORT.has(op))).toEqual([]);
  });

  it('/docs is HTML from this server alone, under a CSP of its own, and its stylesheet loads', async () => {
    const res = await svc.fetch('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/https?:|\*/);
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).toContain('POST</span> <code>/v1/comments</code>');
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"#]*)"/g)].map((m) => m[1]);
    expect(assets).toContain('/docs/reference.css');
    for (const asset of assets) {
      const answer = await svc.fetch(asset);
      expect(answer.status, asset).toBe(200);
      await answer.body?.cancel();
    }
    const css = await svc.fetch('/docs/reference.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).not.toMatch(/url\(|@import/);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await svc.fetch('/openapi.json');
    await first.body?.cancel();
    const again = await svc.fetch('/openapi.json', { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('a declared route keeps the contract: a body without Content-Type: application/json is validated as {} (400, not 415)', async () => {
    const admin = await login(svc);
    const res = await admin.fetch('/admin/api/bans', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"durationDays": 1}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { fields: Record<string, string> } } };
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.details.fields)).toEqual(['durationDays']);
  });
});

describe('API_DOCS=0', () => {
  it('turns /openapi.json and /docs off', async () => {
    const svc = await startTestService({ engine: 'postgres', workers: false, env: { API_DOCS: '0' } });
    try {
      for (const path of ['/openapi.json', '/docs', '/docs/reference.css']) {
        const res = await svc.fetch(path);
        expect(res.status, path).toBe(404);
        await res.body?.cancel();
      }
    } finally {
      await svc.stop();
    }
  });
});
