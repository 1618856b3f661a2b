/**
 * Moderator passwords: at least 12 characters, not one of the common passwords of the shipped
 * list (case-insensitive, also with digits or symbols around it), not a keyboard walk or a
 * repeat, not the email's local part plus digits. Enforced wherever a password is set: an
 * admin creating an account, a password reset, a moderator changing their own, and
 * ADMIN_PASSWORD at start (refused in production, a warning elsewhere). The API answers
 * 400 validation_failed naming the field, in Vietnamese unless English is preferred.
 */
import { describe, expect, it, vi } from 'vitest';
import { ensureBootstrapAdmin } from '../../src/moderation/accounts/bootstrap.js';
import { COMMON_PASSWORDS, MIN_PASSWORD_LENGTH, passwordProblem } from '../../src/util/password-policy.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { login, MODERATOR_PASSWORD, useAdminService } from '../support/moderators.js';
import { runMain } from '../support/processes.js';

const TOO_SHORT_VI = 'Mật khẩu cần ít nhất 12 ký tự';
const TOO_COMMON_VI = 'Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác';

describe('password policy (unit)', () => {
  it('needs at least 12 characters, counted as characters, not bytes', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem('ngắn-quá-1')).toBe('too_short');
    expect(passwordProblem('Xq7-đường-mòn')).toBeNull(); // 13 characters, some of them Vietnamese
    expect(passwordProblem('')).toBe('too_short');
  });

  it.each([
    [
      'refuses the common passwords of the list, whatever their case',
      [
        '123456789012',
        'matkhau123456',
        'password1234',
        'qwertyuiop12',
        'anhyeuem1234',
        'iloveyou1234',
        'admin1234567',
        'PASSWORD1234',
        'MatKhau123456',
      ],
    ],
    [
      'refuses a listed word with digits or symbols around it, leet and Vietnamese spellings',
      [
        'Password2026!!',
        'P@ssw0rd2026',
        'matkhau@2026',
        'Mật khẩu 2026',
        'mat-khau-123456',
        'anh yeu em 1234',
        '2026iloveyou!!',
        'Vietnam123456',
      ],
    ],
    [
      'refuses keyboard walks, sequences and repeats',
      [
        'qwertyuiopas',
        'asdfghjkl;12',
        '1qaz2wsx3edc',
        'abcdefghijkl',
        'aaaaaaaaaaaa',
        'abcabcabcabc',
        '121212121212',
        '098765432109',
        'zxcvbnm12345',
      ],
    ],
  ])('%s', (_title, weakPasswords) => {
    for (const weak of weakPasswords) expect(passwordProblem(weak), weak).toBe('too_common');
  });

  it("refuses the email's local part plus digits", () => {
    expect(passwordProblem('nguyenvanhung1990', 'nguyenvanhung@baotinh.vn')).toBe('from_email');
    expect(passwordProblem('Nguyen.Van.Hung2026', 'nguyen.van.hung@baotinh.vn')).toBe('from_email');
    expect(passwordProblem('nguyenvanhung1990', 'khac@baotinh.vn')).toBeNull();
  });

  it('accepts long, uncommon passwords and passphrases', () => {
    for (const good of [
      'mat-khau-rat-dai-1',
      MODERATOR_PASSWORD,
      'correct horse battery staple',
      'Sông Hương chiều 7 giờ',
      'x9!Tq#2mLp0v',
    ]) {
      expect(passwordProblem(good, 'bientap@baotinh.vn'), good).toBeNull();
    }
  });

  it('ships a list of a few hundred common passwords, lower case, without duplicates', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase().trim());
  });
});

describe('ADMIN_PASSWORD at start', () => {
  const production = { NODE_ENV: 'production', ADMIN_EMAIL: 'admin@baotinh.vn' };

  it('refuses a weak ADMIN_PASSWORD in production with one clear line', () => {
    for (const [password, words] of [
      ['ngan-qua', 'at least 12 characters'],
      ['matkhau123456', 'too common'],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ ...production, ADMIN_PASSWORD: password });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('ADMIN_PASSWORD');
      expect((error as Error).message).toContain(words);
      expect((error as Error).message).not.toContain(password);
      expect((error as Error).message).not.toContain('\n');
    }
    expect(() => loadConfig({ ...production, ADMIN_PASSWORD: 'mat-khau-rat-dai-1' })).not.toThrow();
  });

  it('the process exits 1 with that line', async () => {
    const env = { ...production, ADMIN_PASSWORD: 'admin1234567', DATABASE_URL: 'postgres://127.0.0.1:1/none' };
    const { code, stdout, stderr } = await runMain(['api'], env);
    expect(code).toBe(1);
    const lines = (stdout + stderr).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: .*ADMIN_PASSWORD is too common/);
  }, 60_000);

  it('only warns outside production', async () => {
    const config = loadConfig({ NODE_ENV: 'development', ADMIN_EMAIL: 'admin@baotinh.vn', ADMIN_PASSWORD: 'admin123' });
    const warn = vi.fn();
    const logger = { info: vi.fn(), warn } as unknown as Parameters<typeof ensureBootstrapAdmin>[0]['logger'];
    const moderators = { findByEmail: async () => ({ id: 'x' }) } as unknown as Parameters<typeof ensureBootstrapAdmin>[0]['moderators'];
    await ensureBootstrapAdmin({ config, moderators, logger });
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0].at(-1))).toMatch(/ADMIN_PASSWORD/);
  });
});

describe('setting a password through the API and the pages (postgres)', () => {
  const app = useAdminService();

  const fieldsOf = async (res: Response) => {
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    return body.error.details.fields as Record<string, string>;
  };

  it('account creation: 400 validation_failed naming password, in Vietnamese', async () => {
    const create = (email: string, password: string) => app.admin.post('/admin/api/users', { email, role: 'moderator', password });
    expect((await fieldsOf(await create('a@baotinh.vn', 'ngan-qua-1'))).password).toContain(TOO_SHORT_VI);
    expect((await fieldsOf(await create('a@baotinh.vn', 'Password1234'))).password).toContain(TOO_COMMON_VI);
    expect((await fieldsOf(await create('tranthimai@baotinh.vn', 'tranthimai1995'))).password).toMatch(/email/);
    expect((await create('a@baotinh.vn', MODERATOR_PASSWORD)).status).toBe(201);
  });

  it('password reset: the same rules, English when preferred', async () => {
    const created = await app.admin.post('/admin/api/users', { email: 'b@baotinh.vn', role: 'moderator', password: MODERATOR_PASSWORD });
    const { user } = (await created.json()) as { user: { id: string } };
    const reset = (password: string, headers: Record<string, string> = {}) =>
      app.admin.fetch(`/admin/api/users/${user.id}/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ password }),
      });
    expect((await fieldsOf(await reset('anhyeuem1234'))).password).toContain(TOO_COMMON_VI);
    expect((await fieldsOf(await reset('short', { 'accept-language': 'en' }))).password).toMatch(/at least 12 characters/);
    expect((await reset('mot-mat-khau-moi-dai-hon')).status).toBe(200);
    // The email rule reads the account being reset, not the admin's.
    const named = await app.admin.post('/admin/api/users', {
      email: 'tranvanbinh@baotinh.vn',
      role: 'moderator',
      password: MODERATOR_PASSWORD,
    });
    const { user: binh } = (await named.json()) as { user: { id: string } };
    const resetBinh = await app.admin.post(`/admin/api/users/${binh.id}/password`, { password: 'tranvanbinh1990' });
    expect((await fieldsOf(resetBinh)).password).toMatch(/email/);
  });

  it("changing one's own password: the same rules, including the email's local part", async () => {
    const email = 'lethuha@baotinh.vn';
    expect((await app.admin.post('/admin/api/users', { email, role: 'moderator', password: MODERATOR_PASSWORD })).status).toBe(201);
    const mod = await login(app.svc, email, MODERATOR_PASSWORD);
    const change = (password: string) => mod.post('/admin/api/me/password', { currentPassword: MODERATOR_PASSWORD, password });
    expect((await fieldsOf(await change('12345678'))).password).toContain(TOO_SHORT_VI);
    expect((await fieldsOf(await change('qwertyuiop12'))).password).toContain(TOO_COMMON_VI);
    expect((await fieldsOf(await change('LeThuHa2026!'))).password).toMatch(/email/);
    expect((await change('Hoa phượng đỏ sân trường')).status).toBe(200);
  });

  it('the accounts page says so in Vietnamese and asks the browser for 12 characters', async () => {
    const page = await app.admin.fetch('/admin/users');
    const html = await page.text();
    expect(html).toContain('ít nhất 12 ký tự');
    expect(html).toContain('quá phổ biến');
    expect(html).not.toContain('minlength="8"');
    expect(html).toContain('minlength="12"');
  });
});
