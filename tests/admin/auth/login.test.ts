import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ensureBootstrapAdmin } from '../../../src/moderation/accounts/bootstrap.js';
import { hashPassword } from '../../../src/moderation/accounts/password.js';
import { ENGINES } from '../../support/database.js';
import { useTestService } from '../../support/hooks.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, adminEnv, login, MODERATOR_PASSWORD, sessionCookie } from '../../support/moderators.js';

describe.each(ENGINES)('moderator login, sessions and CSRF (%s)', (engine) => {
  const app = useTestService({
    engine,
    workers: false,
    env: { ...adminEnv, RATE_LIMIT_LOGIN: '3/900', RATE_LIMIT_LOGIN_IP: '3/900', TRUST_PROXY: '1' },
  });

  it('logs the bootstrap admin in with a strict, HttpOnly session cookie and a CSRF token', async () => {
    const res = await app.svc.post('/admin/api/login', { email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toEqual({ id: expect.any(String), email: ADMIN_EMAIL, role: 'admin' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cm_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // not production
  });

  it('answers 401 invalid_credentials for a wrong password, an unknown email and a disabled account', async () => {
    // Failures here come from their own client IPs, so the per-IP limit of 3 is not reached.
    const wrong = await app.svc.post(
      '/admin/api/login',
      { email: ADMIN_EMAIL, password: 'sai-mat-khau' },
      { 'x-forwarded-for': '10.0.0.1' },
    );
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('invalid_credentials');
    const unknown = await app.svc.post(
      '/admin/api/login',
      { email: 'ai-do@example.vn', password: ADMIN_PASSWORD },
      { 'x-forwarded-for': '10.0.0.2' },
    );
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.code).toBe('invalid_credentials');

    const email = `tat-${randomUUID()}@example.vn`;
    await app.svc.services.moderators.createIfAbsent({
      id: randomUUID(),
      email,
      role: 'moderator',
      passwordHash: await hashPassword(MODERATOR_PASSWORD),
    });
    const mod = await login(app.svc, email, MODERATOR_PASSWORD);
    await app.svc.services.db.query('UPDATE moderators SET disabled_at = now() WHERE lower(email) = lower($1)', [email]);
    const disabled = await app.svc.post('/admin/api/login', { email, password: MODERATOR_PASSWORD }, { 'x-forwarded-for': '10.0.0.3' });
    expect(disabled.status).toBe(401);
    // ...and the session it already had stops working at once.
    expect((await mod.fetch('/admin/api/me')).status).toBe(401);
  });

  it('answers 400 validation_failed for a missing field and 400 invalid_json for a broken body', async () => {
    const missing = await app.svc.post('/admin/api/login', { email: ADMIN_EMAIL });
    expect(missing.status).toBe(400);
    const body = await missing.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.fields).toHaveProperty('password');
    const broken = await app.svc.post('/admin/api/login', '{"email":');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');
  });

  it('answers 429 rate_limited with Retry-After after repeated failures for one email from one IP, but never locks the email for other IPs', async () => {
    const email = `brute-${randomUUID()}@example.vn`;
    for (let i = 0; i < 3; i++) {
      const res = await app.svc.post('/admin/api/login', { email, password: 'x' }, { 'x-forwarded-for': '10.1.0.1' });
      expect(res.status).toBe(401);
    }
    const limited = await app.svc.post('/admin/api/login', { email, password: 'x' }, { 'x-forwarded-for': '10.1.0.1' });
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is only slowed down (tests/security/login-limits.test.ts), not refused.
    const elsewhere = await app.svc.post('/admin/api/login', { email, password: 'x' }, { 'x-forwarded-for': '10.1.0.9' });
    expect(elsewhere.status).toBe(401);
  });

  it('answers 429 to one IP after repeated failures, even with the right password, while other IPs log in', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await app.svc.post('/admin/api/login', { email: `x${i}@example.vn`, password: 'x' }, { 'x-forwarded-for': '10.2.0.1' });
      expect(res.status).toBe(401);
    }
    const limited = await app.svc.post(
      '/admin/api/login',
      { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      { 'x-forwarded-for': '10.2.0.1' },
    );
    expect(limited.status).toBe(429);
    const elsewhere = await app.svc.post(
      '/admin/api/login',
      { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      { 'x-forwarded-for': '10.2.0.2' },
    );
    expect(elsewhere.status).toBe(200);
  });

  it('answers /me with the user and the session CSRF token, and 401 without a session', async () => {
    const mod = await login(app.svc);
    const me = await mod.fetch('/admin/api/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: ADMIN_EMAIL, role: 'admin' }, csrfToken: mod.csrfToken });
    const anonymous = await app.svc.fetch('/admin/api/me');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');
    const forged = await app.svc.fetch('/admin/api/me', { headers: { cookie: 'cm_session=' + 'A'.repeat(43) } });
    expect(forged.status).toBe(401);
  });

  it('logout needs the session (401 first) and its own CSRF token (403), then ends the session', async () => {
    const mod = await login(app.svc);
    const other = await login(app.svc);
    expect(other.cookie).not.toBe(mod.cookie);

    const noSession = await app.svc.post('/admin/api/logout', {}, { 'x-csrf-token': mod.csrfToken });
    expect(noSession.status).toBe(401);
    expect((await noSession.json()).error.code).toBe('unauthenticated');

    for (const csrf of [false, 'wrong-token', other.csrfToken] as const) {
      const res = await mod.post('/admin/api/logout', {}, { csrf });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('csrf_failed');
    }
    expect((await mod.fetch('/admin/api/me')).status).toBe(200);

    const out = await mod.post('/admin/api/logout');
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join(';')).toMatch(/cm_session=;/);
    expect((await mod.fetch('/admin/api/me')).status).toBe(401);
    expect((await other.fetch('/admin/api/me')).status).toBe(200);
  });

  it('a new login replaces the session the browser sent', async () => {
    const first = await login(app.svc);
    const res = await app.svc.fetch('/admin/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first.cookie },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).not.toBe(first.cookie);
    expect((await first.fetch('/admin/api/me')).status).toBe(401);
  });

  it('creates the bootstrap admin once, even when several starts race', async () => {
    const { services } = app.svc;
    await Promise.all([1, 2, 3].map(() => ensureBootstrapAdmin(services)));
    const { rows } = await services.db.query<{ n: number }>('SELECT count(*)::int AS n FROM moderators WHERE lower(email) = lower($1)', [
      ADMIN_EMAIL,
    ]);
    expect(rows[0].n).toBe(1);
  });
});
