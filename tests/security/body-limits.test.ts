/**
 * Request bodies are limited before anything else runs, the session check included: a body
 * that announces more than its route's limit is answered 413 payload_too_large at once,
 * without the server reading it, and a chunked body is cut off as soon as it passes the limit.
 * Every route that takes a body is checked, from the app's own route list.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { adminEnv, login } from '../support/moderators.js';
import { type RawAnswer, rawRequest } from '../support/raw-http.js';
import { fillPath, listRoutes } from '../support/routes.js';
import { useTestService } from '../support/hooks.js';

const FIFTY_MB = 50 * 1024 * 1024;

const errorCode = (answer: RawAnswer) => (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code;

describe('request body limits', () => {
  const app = useTestService({ engine: 'postgres', workers: false, env: adminEnv });

  /** A POST whose Content-Length announces 50 MB, of which it sends only `chunks`. */
  const postAnnouncingFiftyMb = (path: string, contentType: string, chunks: string[], timeoutMs = 3_000) =>
    rawRequest(app.svc.baseUrl, {
      method: 'POST',
      path,
      headers: { 'Content-Type': contentType, 'Content-Length': String(FIFTY_MB) },
      chunks,
      timeoutMs,
    });

  it('POST /admin/api/login announcing 50 MB: 413 payload_too_large at once, the body never read', async () => {
    const answer = await postAnnouncingFiftyMb('/admin/api/login', 'application/json', ['{"email":"admin@example.vn","password":"']);
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(errorCode(answer)).toBe('payload_too_large');
    expect(answer.ms).toBeLessThan(2_000);
  });

  it('POST /admin/login (the form) announcing 50 MB: 413 at once', async () => {
    const answer = await postAnnouncingFiftyMb('/admin/login', 'application/x-www-form-urlencoded', ['email=admin%40example.vn&password=']);
    expect(answer.status).toBe(413);
    expect(errorCode(answer)).toBe('payload_too_large');
    expect(answer.ms).toBeLessThan(2_000);
  });

  it('eight 50 MB logins at once are all refused quickly, and the server keeps serving', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2
          ? postAnnouncingFiftyMb('/admin/login', 'application/x-www-form-urlencoded', ['x'.repeat(64 * 1024)], 5_000)
          : postAnnouncingFiftyMb('/admin/api/login', 'application/json', ['x'.repeat(64 * 1024)], 5_000),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(413));
    expect((await app.svc.fetch('/healthz')).status).toBe(200);
  });

  it('a chunked login body over the limit is cut off with 413 (JSON API and form)', async () => {
    for (const [path, type, start] of [
      ['/admin/api/login', 'application/json', '{"email":"admin@example.vn","password":"'],
      ['/admin/login', 'application/x-www-form-urlencoded', 'email=admin%40example.vn&password='],
    ] as const) {
      const answer = await rawRequest(app.svc.baseUrl, {
        method: 'POST',
        path,
        headers: { 'Content-Type': type },
        chunked: true,
        chunks: [start, ...Array.from({ length: 64 }, () => 'a'.repeat(4 * 1024))],
        timeoutMs: 5_000,
      });
      expect(answer.status, path).toBe(413);
      expect(errorCode(answer), path).toBe('payload_too_large');
    }
  });

  it('a chunked login body within the limit still logs in', async () => {
    const body = JSON.stringify({ email: adminEnv.ADMIN_EMAIL, password: adminEnv.ADMIN_PASSWORD });
    const answer = await rawRequest(app.svc.baseUrl, {
      method: 'POST',
      path: '/admin/api/login',
      headers: { 'Content-Type': 'application/json' },
      chunked: true,
      chunks: [body.slice(0, 10), body.slice(10)],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('csrfToken');
  });

  it('every route that takes a body refuses 10 MB announced, before any session check', async () => {
    const routes = listRoutes(createApp(app.svc.services)).filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE', 'ALL'].includes(r.method));
    expect(routes.length).toBeGreaterThan(10);
    const admitted: string[] = [];
    for (const route of routes) {
      const method = route.method === 'ALL' ? 'POST' : route.method;
      const answer = await rawRequest(app.svc.baseUrl, {
        method,
        path: fillPath(route.path, () => 'x'),
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) },
        timeoutMs: 3_000,
      }).catch((error: Error) => ({ status: 0, body: error.message, headers: {}, ms: 0 }));
      if (answer.status !== 413) admitted.push(`${method} ${route.path} → ${answer.status} ${answer.body.slice(0, 80)}`);
    }
    expect(admitted).toEqual([]);
  });

  it('bodies a route legitimately takes are not refused: the longest password, a bulk of 200 ids', async () => {
    const login1024 = await app.svc.post('/admin/api/login', { email: 'khong-co@example.vn', password: 'p'.repeat(1024) });
    expect(login1024.status).toBe(401);
    const admin = await login(app.svc);
    const ids = Array.from({ length: 200 }, (_, i) => `${i}`.padStart(100, 'x'));
    const bulk = await admin.post('/admin/api/comments/bulk', {
      ids,
      action: 'reject',
      reason: 'Nội dung vi phạm quy định. '.repeat(18).slice(0, 500),
    });
    expect(bulk.status).toBe(200);
  });
});
