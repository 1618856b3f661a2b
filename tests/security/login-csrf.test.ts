/**
 * Login CSRF: a page on another site must not be able to log the moderator's browser in (as
 * the attacker's account, say) through the login form or the JSON login. A request whose
 * Origin is foreign or whose Sec-Fetch-Site is cross-site is refused with 403 csrf_failed and
 * no Set-Cookie; requests without either header (curl, scripts) keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, adminEnv } from '../support/moderators.js';
import { startTestService, type TestService } from '../support/service.js';

describe('login CSRF (postgres)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres', workers: false, env: { ...adminEnv, TRUST_PROXY: '1' } });
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
  }, 60_000);

  let n = 0;
  /** Each request from its own address, so the login limits never play a part here. */
  const address = () => `10.50.${Math.floor(++n / 250)}.${(n % 250) + 1}`;

  const jsonLogin = (headers: Record<string, string>, path = '/admin/api/login') =>
    svc.post(path, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { 'x-forwarded-for': address(), ...headers });
  const formLogin = (headers: Record<string, string>, path = '/admin/login') =>
    svc.fetch(path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address(), ...headers },
      body: new URLSearchParams({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, next: '/admin/queue' }),
    });

  const FOREIGN: Array<[string, Record<string, string>]> = [
    ['a foreign Origin', { origin: 'https://trang-doc-hai.example' }],
    ['an Origin of "null" (sandboxed frame, data: URL)', { origin: 'null' }],
    ['the same host on another port', { origin: 'http://127.0.0.1:1' }],
    ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: cross-site with our own Origin', { 'sec-fetch-site': 'cross-site', origin: 'SELF' }],
  ];
  const withSelf = (headers: Record<string, string>) =>
    Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'SELF' ? svc.baseUrl : v]));

  it.each(FOREIGN)('JSON login with %s: 403 csrf_failed and no cookie', async (_, headers) => {
    const res = await jsonLogin(withSelf(headers));
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
    const body = await res.json();
    expect(body.error.code).toBe('csrf_failed');
    expect(body).not.toHaveProperty('csrfToken');
  });

  it.each(FOREIGN)('form login with %s: 403, no cookie (not even the language one), no redirect', async (_, headers) => {
    const res = await formLogin(withSelf(headers), '/admin/login?lang=en');
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('<form class="login"');
  });

  it('logs in from our own pages (same Origin, Sec-Fetch-Site same-origin)', async () => {
    const json = await jsonLogin({ origin: svc.baseUrl, 'sec-fetch-site': 'same-origin' });
    expect(json.status).toBe(200);
    expect(json.headers.getSetCookie().some((c) => c.startsWith('cm_session='))).toBe(true);
    const form = await formLogin({ origin: svc.baseUrl, 'sec-fetch-site': 'same-origin' });
    expect(form.status).toBe(303);
    expect(form.headers.getSetCookie().some((c) => c.startsWith('cm_session='))).toBe(true);
  });

  it('keeps working without Origin and Sec-Fetch-Site (curl, scripts) and with Sec-Fetch-Site: none (typed by the user)', async () => {
    expect((await jsonLogin({})).status).toBe(200);
    expect((await formLogin({})).status).toBe(303);
    expect((await formLogin({ 'sec-fetch-site': 'none' })).status).toBe(303);
  });

  it("a refused cross-site login does not spend the moderator's login attempts", async () => {
    const ip = '10.60.0.1';
    for (let i = 0; i < 15; i++) {
      const res = await svc.post(
        '/admin/api/login',
        { email: ADMIN_EMAIL, password: 'sai' },
        { 'x-forwarded-for': ip, origin: 'https://trang-doc-hai.example' },
      );
      expect(res.status).toBe(403);
    }
    const res = await svc.post('/admin/api/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { 'x-forwarded-for': ip });
    expect(res.status).toBe(200);
  });
});
