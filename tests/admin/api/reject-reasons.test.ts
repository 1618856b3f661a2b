/**
 * Preset rejection reasons (/admin/api/reject-reasons): every moderator reads them in key
 * order, only admins add and remove, bad input is a clear 4xx that stores nothing, and every
 * change is audited. On PostgreSQL and on PGlite (migration 201 seeds the newsroom's set).
 */
import { describe, expect, it } from 'vitest';
import { addModerator, useAdminService } from '../../support/moderators.js';

type Preset = { id: number; text: string };
const LEGAL = 'Vi phạm pháp luật / nhạy cảm chính trị';

describe.each(['postgres', 'pglite'] as const)('preset rejection reasons on %s', { timeout: 60_000 }, (engine) => {
  const ctx = useAdminService({ engine });
  const texts = async () =>
    ((await (await ctx.admin.fetch('/admin/api/reject-reasons')).json()) as { reasons: Preset[] }).reasons.map((r) => r.text);

  it('starts with the newsroom set, the legal/political reason among the first nine', async () => {
    const list = await texts();
    expect(list.slice(0, 9)).toContain(LEGAL);
    expect(list[0]).toBe('Ngôn từ thô tục');
  });

  it('lets an admin add one (it takes the next key) and remove it, both audited', async () => {
    const added = await ctx.admin.post('/admin/api/reject-reasons', { text: '  Lộ   thông tin cá nhân ' });
    expect(added.status).toBe(201);
    const { reason } = (await added.json()) as { reason: Preset };
    expect(reason.text).toBe('Lộ thông tin cá nhân');
    expect((await texts()).at(-1)).toBe('Lộ thông tin cá nhân');

    const again = await ctx.admin.post('/admin/api/reject-reasons', { text: 'Lộ thông tin cá nhân' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');

    expect((await ctx.admin.post(`/admin/api/reject-reasons/${reason.id}/delete`)).status).toBe(200);
    expect(await texts()).not.toContain('Lộ thông tin cá nhân');
    expect((await ctx.admin.post(`/admin/api/reject-reasons/${reason.id}/delete`)).status).toBe(404);

    const { rows } = await ctx.svc.services.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'reject_reason' AND target_id = $1 ORDER BY id`,
      [String(reason.id)],
    );
    expect(rows.map((r) => r.action)).toEqual(['reject_reason.add', 'reject_reason.remove']);
  });

  it('refuses bad input with a 4xx and stores nothing', async () => {
    const before = await texts();
    for (const body of [{}, { text: 'x' }, { text: 'a'.repeat(201) }, { text: 42 }]) {
      const res = await ctx.admin.post('/admin/api/reject-reasons', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    }
    const notJson = await ctx.admin.fetch('/admin/api/reject-reasons', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect((await ctx.admin.post('/admin/api/reject-reasons/abc/delete')).status).toBe(400);
    expect(await texts()).toEqual(before);
  });

  it('lets a moderator read but not change the list; no session, no list', async () => {
    const moderator = await addModerator(ctx.svc);
    expect((await moderator.fetch('/admin/api/reject-reasons')).status).toBe(200);
    expect((await moderator.post('/admin/api/reject-reasons', { text: 'Của người kiểm duyệt' })).status).toBe(403);
    const first = ((await (await moderator.fetch('/admin/api/reject-reasons')).json()) as { reasons: Preset[] }).reasons[0];
    expect((await moderator.post(`/admin/api/reject-reasons/${first.id}/delete`)).status).toBe(403);
    expect((await ctx.svc.fetch('/admin/api/reject-reasons')).status).toBe(401);
    expect((await ctx.admin.post('/admin/api/reject-reasons', { text: 'Không có mã CSRF' }, { csrf: false })).status).toBe(403);
    expect(await texts()).not.toContain('Của người kiểm duyệt');
  });
});
