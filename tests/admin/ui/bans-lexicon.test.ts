/**
 * Bans and word lists through their JSON endpoints and the real worker: a banned email's next
 * comment is rejected with rule `ban`; a word added by an admin reaches the worker's filter
 * through the lexicon channel; every change is audited; moderators cannot change word lists.
 */
import { describe, expect, it } from 'vitest';
import { newCommentId } from '../../../src/comments/ids.js';
import { ENGINES } from '../../support/database.js';
import { login, MODERATOR_PASSWORD, useAdminService } from '../../support/moderators.js';
import { waitFor } from '../../support/wait.js';

describe.each(ENGINES)('bans and word lists (%s)', (engine) => {
  const app = useAdminService({ engine, workers: true });

  async function enqueue(authorEmail: string, content: string, ip = '198.51.100.9'): Promise<string> {
    const id = newCommentId();
    await app.svc.services.queues.moderation.add(
      'moderate',
      {
        comment: {
          id,
          articleId: 'bai-1',
          parentId: null,
          authorName: 'Độc giả',
          authorEmail,
          content,
          ip,
          userAgent: null,
          createdAt: new Date().toISOString(),
        },
      },
      { jobId: id },
    );
    return id;
  }
  const stored = (id: string) => waitFor(() => app.svc.services.comments.findById(id), 10_000);

  it('rejects a banned email or IP with rule ban until the ban is lifted', async () => {
    const res = await app.admin.post('/admin/api/bans', { email: 'Spam@Example.vn', ip: '', reason: 'spam', durationDays: 7 });
    expect(res.status).toBe(201);
    const { ban } = (await res.json()) as { ban: { id: number; email: string } };
    expect(ban.email).toBe('spam@example.vn');

    const banned = await stored(await enqueue('SPAM@example.vn', 'Chào mọi người'));
    expect(banned.status).toBe('rejected');
    expect(banned.decidedBy).toBe('filter');
    expect(banned.verdict?.reasons[0]).toEqual({ rule: 'ban', tier: 'block', match: '', start: 0, end: 0 });

    const byIp = await app.admin.post('/admin/api/bans', { ip: '203.0.113.50', durationDays: null });
    expect(byIp.status).toBe(201);
    expect((await stored(await enqueue('khac@example.vn', 'Xin chào', '203.0.113.50'))).status).toBe('rejected');

    expect((await app.admin.post(`/admin/api/bans/${ban.id}/lift`)).status).toBe(200);
    expect((await app.admin.post(`/admin/api/bans/${ban.id}/lift`)).status).toBe(404);
    expect((await stored(await enqueue('spam@example.vn', 'Tôi đã sửa sai'))).status).toBe('pending');

    const audit = await app.svc.services.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE target_type = 'ban' ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['ban.create', 'ban.create', 'ban.lift']);
  });

  it('refuses a ban without email and IP, a bad IP, and a request without the CSRF token', async () => {
    expect((await app.admin.post('/admin/api/bans', { durationDays: 1 })).status).toBe(400);
    expect((await app.admin.post('/admin/api/bans', { ip: 'not-an-ip', durationDays: 1 })).status).toBe(400);
    expect((await app.admin.post('/admin/api/bans', { email: 'x@example.vn', durationDays: 1 }, { csrf: false })).status).toBe(403);
    expect((await app.svc.post('/admin/api/bans', { email: 'x@example.vn', durationDays: 1 })).status).toBe(401);
  });

  it('applies an added word within seconds and forgets a removed one', async () => {
    const add = await app.admin.post('/admin/api/lexicon', { kind: 'term', lang: 'vi', term: 'Đồ Lươn Lẹo', tier: 'block' });
    expect(add.status).toBe(201);
    const { entry } = (await add.json()) as { entry: { id: number; term: string } };
    expect(entry.term).toBe('đồ lươn lẹo');
    expect((await app.admin.post('/admin/api/lexicon', { kind: 'term', lang: 'vi', term: 'đồ lươn lẹo', tier: 'block' })).status).toBe(409);

    await waitFor(() => app.svc.services.filter.evaluate('Anh ta là đồ lươn lẹo').reasons.some((r) => r.match === 'đồ lươn lẹo'), 5_000);
    const flagged = await stored(await enqueue('a@example.vn', 'Anh ta là đồ lươn lẹo'));
    expect(flagged.verdict?.reasons.map((r) => r.rule)).toContain('profanity.vi');

    expect((await app.admin.post(`/admin/api/lexicon/${entry.id}/delete`)).status).toBe(200);
    await waitFor(() => !app.svc.services.filter.evaluate('Anh ta là đồ lươn lẹo').reasons.some((r) => r.match === 'đồ lươn lẹo'), 5_000);
    const audit = await app.svc.services.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'lexicon' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['lexicon.add', 'lexicon.remove']);
  });

  it('lets only admins change word lists and accounts', async () => {
    const created = await app.admin.post('/admin/api/users', { email: 'mod@example.vn', role: 'moderator', password: MODERATOR_PASSWORD });
    expect(created.status).toBe(201);
    const mod = await login(app.svc, 'mod@example.vn', MODERATOR_PASSWORD);
    expect((await mod.post('/admin/api/lexicon', { kind: 'allow', lang: 'vi', term: 'con cá' })).status).toBe(403);
    expect((await mod.fetch('/admin/api/lexicon')).status).toBe(200);
    expect((await mod.fetch('/admin/api/users')).status).toBe(403);
    // Disabling the account ends its session at once.
    const { user } = (await created.json()) as { user: { id: string } };
    expect((await app.admin.post(`/admin/api/users/${user.id}/disable`)).status).toBe(200);
    expect((await mod.fetch('/admin/api/stats/queue')).status).toBe(401);
  });
});
