/** Security headers on every kind of response, and CORS that names only the allowed origins. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEnv, login } from '../support/moderators.js';
import { startTestService, type TestService } from '../support/service.js';
import { cspDirectives } from '../support/csp.js';

const SITE = 'https://baotinh.vn';

describe('security headers and CORS', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      engine: 'pglite',
      workers: false,
      env: { ...adminEnv, ALLOWED_ORIGINS: `${SITE},https://m.baotinh.vn` },
    });
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
  }, 60_000);

  it('public API: nosniff on JSON, errors included', async () => {
    for (const path of ['/v1/counts?articles=a', '/v1/captcha', '/v1/khong-co']) {
      const res = await svc.fetch(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('public API: the hot routes send the same security headers as the others', async () => {
    const names = [
      'x-content-type-options',
      'content-security-policy',
      'cross-origin-resource-policy',
      'strict-transport-security',
      'referrer-policy',
    ];
    const headersOf = async (path: string) => {
      const res = await svc.fetch(path);
      return Object.fromEntries(names.map((name) => [name, res.headers.get(name)]));
    };
    const elsewhere = await headersOf('/v1/khong-co');
    expect(elsewhere['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(elsewhere['referrer-policy']).toBe('no-referrer');
    for (const hot of ['/v1/counts?articles=a', '/v1/captcha']) expect(await headersOf(hot), hot).toEqual(elsewhere);
  });

  it('admin pages: CSP without inline script, frame-ancestors none, nosniff, no-store', async () => {
    const admin = await login(svc);
    for (const path of ['/admin/login', '/admin/queue']) {
      const res = path === '/admin/login' ? await svc.fetch(path) : await admin.fetch(path);
      expect(res.status, path).toBe(200);
      const csp = cspDirectives(res.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('cache-control') ?? '', path).toContain('no-store');
    }
  });

  it('admin JSON API: nosniff, and a page that cannot be framed', async () => {
    const admin = await login(svc);
    const res = await admin.fetch('/admin/api/comments');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('demo page: CSP without inline script', async () => {
    const res = await svc.fetch('/demo');
    expect(res.status).toBe(200);
    const csp = cspDirectives(res.headers.get('content-security-policy'));
    expect(csp.size).toBeGreaterThan(0);
    expect(csp.get('script-src') ?? csp.get('default-src')).not.toContain("'unsafe-inline'");
  });

  it('an allowed origin gets CORS headers; a disallowed one gets none, preflight included', async () => {
    const allowed = await svc.fetch('/v1/counts?articles=a', { headers: { origin: SITE } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE);
    for (const origin of ['https://evil.example', 'https://baotinh.vn.evil.example', 'null', 'http://baotinh.vn']) {
      const simple = await svc.fetch('/v1/counts?articles=a', { headers: { origin } });
      expect(simple.headers.get('access-control-allow-origin'), origin).toBeNull();
      const preflight = await svc.fetch('/v1/comments', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(preflight.headers.get('access-control-allow-credentials'), origin).toBeNull();
    }
  });

  it('the admin API never answers cross-origin reads with CORS headers', async () => {
    const res = await svc.fetch('/admin/api/me', { headers: { origin: SITE } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
