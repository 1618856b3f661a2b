/**
 * A password reset or a disabled account ends every session of that moderator at once (on
 * every api copy: sessions live in Redis), and a moderator who changes their own password
 * keeps only the session they did it from. Re-enabling an account does not bring its old
 * sessions back.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/moderation/accounts/password.js';
import { login, type Moderator, useAdminService } from '../support/moderators.js';

const OLD_PASSWORD = 'Den-long-Hoi-An-ba-mau-7';
const NEW_PASSWORD = 'Cau-Truong-Tien-sau-nhip-2026';

describe('sessions end with a password change or a disabled account (postgres)', () => {
  const app = useAdminService();

  async function newModerator(): Promise<{ id: string; email: string }> {
    const email = `bien-tap-${randomUUID()}@baotinh.vn`;
    const id = randomUUID();
    await app.svc.services.moderators.createIfAbsent({ id, email, role: 'moderator', passwordHash: await hashPassword(OLD_PASSWORD) });
    return { id, email };
  }

  const me = async (who: Moderator) => (await who.fetch('/admin/api/me')).status;
  /** A state-changing request with the session's CSRF token (a bulk decision of an unknown id changes nothing). */
  const write = async (who: Moderator) => (await who.post('/admin/api/comments/bulk', { ids: ['khong-co'], action: 'approve' })).status;

  it("an admin resets a moderator's password: both of their sessions get 401, the new password logs in", async () => {
    const mod = await newModerator();
    const first = await login(app.svc, mod.email, OLD_PASSWORD);
    const second = await login(app.svc, mod.email, OLD_PASSWORD);
    expect([await me(first), await me(second)]).toEqual([200, 200]);

    const reset = await app.admin.post(`/admin/api/users/${mod.id}/password`, { password: NEW_PASSWORD });
    expect(reset.status).toBe(200);

    expect([await me(first), await me(second)]).toEqual([401, 401]);
    expect((await first.fetch('/admin/queue', { redirect: 'manual' })).status).toBe(303); // the pages send it to the login form
    expect((await app.svc.post('/admin/api/login', { email: mod.email, password: OLD_PASSWORD })).status).toBe(401);
    expect(await me(await login(app.svc, mod.email, NEW_PASSWORD))).toBe(200);
    expect(await me(app.admin)).toBe(200); // the admin who did it is not affected
  });

  it('an admin disables an account: its sessions get 401, and re-enabling it does not revive them', async () => {
    const mod = await newModerator();
    const first = await login(app.svc, mod.email, OLD_PASSWORD);
    const second = await login(app.svc, mod.email, OLD_PASSWORD);

    expect((await app.admin.post(`/admin/api/users/${mod.id}/disable`)).status).toBe(200);
    expect([await me(first), await me(second)]).toEqual([401, 401]);

    expect((await app.admin.post(`/admin/api/users/${mod.id}/enable`)).status).toBe(200);
    expect([await me(first), await me(second)]).toEqual([401, 401]);
    expect(await me(await login(app.svc, mod.email, OLD_PASSWORD))).toBe(200);
  });

  it('a moderator changes their own password: the other session gets 401, the current one keeps working', async () => {
    const mod = await newModerator();
    const current = await login(app.svc, mod.email, OLD_PASSWORD);
    const other = await login(app.svc, mod.email, OLD_PASSWORD);

    const wrong = await current.post('/admin/api/me/password', { currentPassword: 'khong-phai-mat-khau', password: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(
      ((await wrong.json()) as { error: { code: string; details: { fields: Record<string, string> } } }).error.details.fields,
    ).toHaveProperty('currentPassword');
    expect(await me(other)).toBe(200); // a refused change ends nothing

    const changed = await current.post('/admin/api/me/password', { currentPassword: OLD_PASSWORD, password: NEW_PASSWORD });
    expect(changed.status).toBe(200);

    expect(await me(other)).toBe(401);
    expect(await me(current)).toBe(200);
    expect(await write(current)).toBe(200); // same cookie, same CSRF token
    expect((await app.svc.post('/admin/api/login', { email: mod.email, password: OLD_PASSWORD })).status).toBe(401);
    expect(await me(await login(app.svc, mod.email, NEW_PASSWORD))).toBe(200);
  });

  it('a session created before sessions were indexed (older version) is ended too', async () => {
    const mod = await newModerator();
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    // Exactly what the previous version stored: no index, no flag.
    await app.svc.services.redis.set(
      app.svc.services.keys.session(id),
      JSON.stringify({ moderatorId: mod.id, csrfToken, createdAt: new Date().toISOString() }),
      'EX',
      600,
    );
    const cookie = `cm_session=${id}`;
    expect((await app.svc.fetch('/admin/api/me', { headers: { cookie } })).status).toBe(200);
    expect((await app.admin.post(`/admin/api/users/${mod.id}/password`, { password: NEW_PASSWORD })).status).toBe(200);
    expect((await app.svc.fetch('/admin/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it("changing one's own password needs the session's CSRF token", async () => {
    const mod = await newModerator();
    const current = await login(app.svc, mod.email, OLD_PASSWORD);
    const res = await current.post('/admin/api/me/password', { currentPassword: OLD_PASSWORD, password: NEW_PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
    expect((await app.svc.post('/admin/api/login', { email: mod.email, password: OLD_PASSWORD })).status).toBe(200);
  });

  it('an admin who resets their own password through the accounts API keeps the session they did it from', async () => {
    const email = `quan-tri-${randomUUID()}@baotinh.vn`;
    const id = randomUUID();
    await app.svc.services.moderators.createIfAbsent({ id, email, role: 'admin', passwordHash: await hashPassword(OLD_PASSWORD) });
    const current = await login(app.svc, email, OLD_PASSWORD);
    const other = await login(app.svc, email, OLD_PASSWORD);
    expect((await current.post(`/admin/api/users/${id}/password`, { password: NEW_PASSWORD })).status).toBe(200);
    expect(await me(current)).toBe(200);
    expect(await me(other)).toBe(401);
  });
});
