/**
 * Login rate limits against real Redis and PostgreSQL:
 * - the limit is consumed before the password is checked, atomically, so a burst of
 *   concurrent guesses cannot all be checked (JSON API and the login form);
 * - failures from one address never lock the account for everyone else: limits are strict per
 *   (address, account) and per address, while the account itself is only slowed down;
 * - failures are logged and counted in admin_login_failures_total.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/moderation/accounts/password.js';
import { ACCOUNT_DELAY_MAX_MS, accountDelayMs } from '../../src/admin/auth/login.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, adminEnv } from '../support/moderators.js';
import { useTestService } from '../support/hooks.js';

const LIMIT = 5;

describe('moderator login limits (postgres)', () => {
  const app = useTestService({
    engine: 'postgres',
    workers: false,
    env: { ...adminEnv, RATE_LIMIT_LOGIN: `${LIMIT}/900`, RATE_LIMIT_LOGIN_IP: '20/900', TRUST_PROXY: '1' },
  });

  const jsonLogin = (email: string, password: string, ip: string) =>
    app.svc.post('/admin/api/login', { email, password }, { 'x-forwarded-for': ip });
  const formLogin = (email: string, password: string, ip: string) =>
    app.svc.fetch('/admin/login', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      body: new URLSearchParams({ email, password, next: '/admin/queue' }),
    });

  /** A fresh moderator per test, so one test's failures do not slow the next one down. */
  async function newAccount(): Promise<{ email: string; password: string }> {
    const account = { email: `bien-tap-${randomUUID()}@example.vn`, password: 'mot-cau-mat-khau-rat-dai-2026' };
    await app.svc.services.moderators.createIfAbsent({
      id: randomUUID(),
      email: account.email,
      role: 'moderator',
      displayName: null,
      passwordHash: await hashPassword(account.password),
    });
    return account;
  }

  async function burst(send: (i: number) => Promise<Response>, n = 40) {
    const answers = await Promise.all(Array.from({ length: n }, (_, i) => send(i)));
    return Promise.all(
      answers.map(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() })),
    );
  }

  /** Every answer of a burst is 401 (checked) or 429 (limited), at most LIMIT are checked, and each 429 says when to retry; returns the 429s. */
  function expectAtMostLimitChecked(answers: Awaited<ReturnType<typeof burst>>) {
    const unauthorized = answers.filter((a) => a.status === 401);
    const limited = answers.filter((a) => a.status === 429);
    expect(unauthorized.length + limited.length).toBe(40);
    expect(unauthorized.length).toBeLessThanOrEqual(LIMIT);
    for (const a of limited) expect(Number(a.retryAfter)).toBeGreaterThan(0);
    return limited;
  }

  it('40 concurrent wrong passwords on the JSON API: at most the limit are checked (401), the rest are 429 with Retry-After', async () => {
    const { email } = await newAccount();
    const limited = expectAtMostLimitChecked(await burst((i) => jsonLogin(email, `sai-mat-khau-dong-thoi-${i}`, '10.10.0.1')));
    expect(limited.length).toBeGreaterThanOrEqual(40 - LIMIT);
    for (const a of limited) expect(JSON.parse(a.body).error.code).toBe('rate_limited');
  });

  it('40 concurrent wrong passwords on the login form: the same limit holds', async () => {
    const { email } = await newAccount();
    const limited = expectAtMostLimitChecked(await burst((i) => formLogin(email, `sai-mat-khau-bieu-mau-${i}`, '10.10.0.2')));
    // The form answers in Vietnamese with the login page, not JSON.
    expect(limited[0].body).toContain('Bạn thao tác quá nhanh');
  });

  it('failures from address A do not stop the right password from address B (no lockout of the account)', async () => {
    const { email, password } = await newAccount();
    for (let i = 0; i < LIMIT + 3; i++) {
      const res = await jsonLogin(email, `sai-tu-dia-chi-a-${i}`, '10.20.0.1');
      expect(res.status).toBe(i < LIMIT ? 401 : 429);
      await res.arrayBuffer();
    }
    // A itself stays limited for this account, even with the right password...
    const fromA = await jsonLogin(email, password, '10.20.0.1');
    expect(fromA.status).toBe(429);
    expect(Number(fromA.headers.get('retry-after'))).toBeGreaterThan(0);
    // ...while the moderator at address B logs in.
    const fromB = await jsonLogin(email, password, '10.20.0.2');
    expect(fromB.status).toBe(200);
    expect(fromB.headers.getSetCookie().some((c) => c.startsWith('cm_session='))).toBe(true);
  });

  it('failures spread over many addresses only slow the account down (capped), they never lock it', async () => {
    const { email, password } = await newAccount();
    // 3 addresses × 3 failures = 9 failures for one account: more than one address may try.
    for (let a = 0; a < 3; a++) {
      for (let i = 0; i < 3; i++) {
        const res = await jsonLogin(email, `doan-mo-${a}-${i}`, `10.30.0.${a + 1}`);
        expect(res.status).toBe(401);
        await res.arrayBuffer();
      }
    }
    const started = Date.now();
    const right = await jsonLogin(email, password, '10.30.1.1');
    const tookMs = Date.now() - started;
    expect(right.status).toBe(200);
    // Slowed down (the account has many recent failures), but by seconds at most.
    expect(tookMs).toBeGreaterThanOrEqual(1_000);
    expect(tookMs).toBeLessThan(10_000);
  });

  it('each address is limited strictly over all accounts (guesses spread over many emails)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await jsonLogin(`khong-ton-tai-${i}@example.vn`, 'mat-khau-doan-bua', '10.40.0.1');
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    expect((await jsonLogin(ADMIN_EMAIL, ADMIN_PASSWORD, '10.40.0.2')).status).toBe(200);
  });

  it('counts failures in admin_login_failures_total on /metrics, by reason', async () => {
    const metrics = await (await app.svc.fetch('/metrics')).text();
    const value = (reason: string) => {
      const line = metrics.split('\n').find((l) => l.startsWith(`admin_login_failures_total{reason="${reason}"}`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    expect(metrics).toContain('# TYPE admin_login_failures_total counter');
    expect(value('bad_password')).toBeGreaterThan(0);
    expect(value('unknown_account')).toBeGreaterThan(0);
    expect(value('rate_limited')).toBeGreaterThan(0);
  });
});

describe('the account delay', () => {
  it('is nothing for the first failures, then doubles from 100 ms, and never exceeds a few seconds', () => {
    expect(accountDelayMs(0, 10)).toBe(0);
    expect(accountDelayMs(9, 10)).toBe(0);
    expect(accountDelayMs(10, 10)).toBe(100);
    expect(accountDelayMs(11, 10)).toBe(200);
    expect(accountDelayMs(1_000_000, 10)).toBe(ACCOUNT_DELAY_MAX_MS);
    expect(ACCOUNT_DELAY_MAX_MS).toBeLessThanOrEqual(5_000);
  });
});
