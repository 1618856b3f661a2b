/**
 * Every admin route, taken from the app's own route list (so a route added later is covered
 * without editing this file): without a session it is refused (401, or a redirect to the
 * login page for pages), and a state-changing one with a session but without the CSRF
 * token answers 403 csrf_failed. Login (page and API) and static assets are the only
 * routes open without a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { adminEnv, login, type Moderator } from '../support/moderators.js';
import { type AppRoute, fillPath, listRoutes } from '../support/routes.js';
import { startTestService, type TestService } from '../support/service.js';

const OPEN = [/^\/admin\/login$/, /^\/admin\/api\/login$/, /^\/admin\/assets\//, /^\/admin\/queues\/static\//];
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('admin routes enumerated from the app', () => {
  let svc: TestService;
  let admin: Moderator;
  let routes: AppRoute[];

  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false, env: adminEnv });
    admin = await login(svc);
    routes = listRoutes(createApp(svc.services)).filter((r) => r.path.startsWith('/admin') && !OPEN.some((re) => re.test(r.path)));
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
  }, 60_000);

  const methodsOf = (r: AppRoute) => (r.method === 'ALL' ? ['GET', 'POST'] : [r.method]);
  const pathOf = (r: AppRoute) => fillPath(r.path, () => '0190a7b2-0000-7000-8000-000000000000');

  it('finds the routes (the list is not empty and holds the known ones)', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(15);
    expect(keys).toContain('POST /admin/api/comments/:id/approve');
    expect(keys).toContain('POST /admin/api/comments/bulk');
    expect(keys).toContain('GET /admin/queue');
    expect(keys.some((k) => k.includes('/admin/queues'))).toBe(true);
  });

  /** A redirect to the login page, directly or through another admin page (GET /admin → /admin/queue → login). */
  async function redirectsToLogin(res: Response, hops = 3): Promise<boolean> {
    const location = res.headers.get('location') ?? '';
    if (res.status < 300 || res.status >= 400 || !location.startsWith('/admin')) return false;
    if (location.startsWith('/admin/login')) return true;
    if (hops === 0) return false;
    const next = await svc.fetch(location, { redirect: 'manual' });
    await next.body?.cancel();
    return next.status === 401 || redirectsToLogin(next, hops - 1);
  }

  it('refuses every admin route without a session', async () => {
    const admitted: string[] = [];
    for (const route of routes) {
      for (const method of methodsOf(route)) {
        const path = pathOf(route);
        const res = await svc.fetch(path, {
          method,
          redirect: 'manual',
          headers: { 'content-type': 'application/json', 'x-csrf-token': 'khong-co-phien' },
          body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
          signal: AbortSignal.timeout(10_000),
        });
        await res.body?.cancel();
        if (!(res.status === 401 || (await redirectsToLogin(res)))) admitted.push(`${method} ${route.path} → ${res.status}`);
      }
    }
    expect(admitted).toEqual([]);
  });

  it('refuses every state-changing admin route without the CSRF token, even with a session', async () => {
    const admitted: string[] = [];
    for (const route of routes) {
      for (const method of methodsOf(route).filter((m) => STATE_CHANGING.has(m))) {
        const path = pathOf(route);
        // No X-CSRF-Token and no _csrf form field; no Origin header either (as a non-browser client would send).
        for (const [type, body] of [
          ['application/json', '{}'],
          ['application/x-www-form-urlencoded', 'reason=x'],
        ] as const) {
          const res = await admin.fetch(path, {
            method,
            csrf: false,
            redirect: 'manual',
            headers: { 'content-type': type },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          const text = await res.text();
          const code = res.headers.get('content-type')?.includes('json')
            ? (JSON.parse(text) as { error?: { code?: string } }).error?.code
            : undefined;
          if (res.status !== 403 || (code !== undefined && code !== 'csrf_failed'))
            admitted.push(`${method} ${route.path} (${type}) → ${res.status} ${code ?? ''}`);
        }
        // A wrong token is no better than none.
        const wrong = await svc.fetch(path, {
          method,
          redirect: 'manual',
          headers: { cookie: admin.cookie, 'x-csrf-token': 'sai-token', 'content-type': 'application/json' },
          body: '{}',
        });
        await wrong.body?.cancel();
        if (wrong.status !== 403) admitted.push(`${method} ${route.path} (wrong token) → ${wrong.status}`);
      }
    }
    expect(admitted).toEqual([]);
  });
});
