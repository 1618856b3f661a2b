/**
 * POST /v1/comments and articles (API.md "Articles: title, link, closing comments"): the page's
 * title and URL kept by the worker, bad values refused, a closed article refusing with
 * 403 comments_closed while its approved comments stay listed, on every api copy at once and
 * after Redis lost everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComment, moderationJobCount, validComment } from '../support/comments.js';
import { useServiceOnPrivateRedis } from '../support/hooks.js';
import { adminEnv, login, type Moderator } from '../support/moderators.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

const SITE = 'https://baodanang.example.vn';

describe('articles on POST /v1/comments (postgres, two api copies)', () => {
  let svc: TestService;
  let second: TestService;
  let admin: Moderator;
  beforeAll(async () => {
    const env = { ...adminEnv, ALLOWED_ORIGINS: SITE, RATE_LIMIT_COMMENTS: '1000/60' };
    svc = await startTestService({ engine: 'postgres', env });
    second = await startTestService({ engine: 'postgres', workers: false, env, shareWith: svc.config });
    admin = await login(svc);
  });
  afterAll(async () => {
    await second?.stop();
    await svc?.stop();
  });

  const submit = async (target: TestService, overrides: Record<string, unknown>) =>
    target.post('/v1/comments', await validComment(target, overrides), { origin: SITE });

  it('keeps the latest title and an allowed URL per article; a URL of another origin is ignored', async () => {
    const articleId = `trang/${Date.now()}`;
    const first = await submit(svc, { articleId, articleTitle: '  Giá vàng hôm nay  ', articleUrl: `${SITE}/gia-vang` });
    expect(first.status).toBe(202);
    await waitFor(async () => (await svc.services.articleService.get(articleId))?.title === 'Giá vàng hôm nay', 10_000);
    expect((await svc.services.articleService.get(articleId))!.url).toBe(`${SITE}/gia-vang`);
    const later = await submit(svc, { articleId, articleTitle: 'Giá vàng chiều nay', articleUrl: 'https://ke-gian.example.com/gia-vang' });
    expect(later.status).toBe(202);
    await waitFor(async () => (await svc.services.articleService.get(articleId))?.title === 'Giá vàng chiều nay', 10_000);
    expect((await svc.services.articleService.get(articleId))!.url).toBe(`${SITE}/gia-vang`);
  });

  it('refuses a malformed title or URL with 400 validation_failed naming it, and queues nothing', async () => {
    const before = await moderationJobCount(svc);
    for (const [fields, field, reason] of [
      [{ articleTitle: 'x'.repeat(301) }, 'articleTitle', 'too_long'],
      [{ articleTitle: 42 }, 'articleTitle', 'invalid'],
      [{ articleUrl: 'khong-phai-url' }, 'articleUrl', 'invalid'],
      [{ articleUrl: 'javascript:alert(1)' }, 'articleUrl', 'invalid'],
      [{ articleUrl: 'ftp://baodanang.example.vn/a' }, 'articleUrl', 'invalid'],
      [{ articleUrl: `${SITE}/${'a'.repeat(2000)}` }, 'articleUrl', 'too_long'],
    ] as const) {
      const res = await submit(svc, { articleId: 'sai-truong', ...fields });
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'validation_failed', details: { fields: { [field]: reason } } });
    }
    expect(await moderationJobCount(svc)).toBe(before);
  });

  it('a closed article answers 403 comments_closed on every copy, lists its approved comments, and opens again', async () => {
    const articleId = `dong/${Date.now()}`;
    const shown = await insertComment(svc.services, { articleId, content: 'Bình luận đã duyệt' });
    await svc.services.decisionService.decide({ commentId: shown.id, decision: 'approve', moderatorId: admin.id });
    // Both copies have the open state cached before the closing.
    expect((await submit(svc, { articleId })).status).toBe(202);
    expect((await submit(second, { articleId })).status).toBe(202);

    const closing = await admin.fetch(`/admin/api/articles/${articleId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ closed: true }),
    });
    expect(closing.status).toBe(200);
    const before = await moderationJobCount(svc);
    for (const copy of [svc, second]) {
      const res = await copy.post('/v1/comments', await validComment(copy, { articleId }), { origin: SITE, 'accept-language': 'vi' });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: 'comments_closed', message: 'Bài viết đã đóng bình luận.' });
    }
    const english = await svc.post('/v1/comments', await validComment(svc, { articleId }), { 'accept-language': 'en' });
    expect((await english.json()).error.message).toBe('Comments on this article are closed.');
    expect(await moderationJobCount(svc)).toBe(before);
    const list = await (await second.fetch(`/v1/articles/${articleId}/comments`)).json();
    expect(list).toMatchObject({ count: 1, article: { id: articleId, closed: true, notice: null } });
    expect(list.comments.map((c: { id: string }) => c.id)).toEqual([shown.id]);

    await admin.fetch(`/admin/api/articles/${articleId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ closed: false }),
    });
    expect((await submit(second, { articleId })).status).toBe(202);
  });
});

describe('closing survives Redis losing everything (postgres, private Redis)', () => {
  const app = useServiceOnPrivateRedis({ engine: 'postgres', env: { ...adminEnv, RATE_LIMIT_COMMENTS: '1000/60' } });

  it('still answers 403 comments_closed after FLUSHALL, with no cached value left', async () => {
    const admin = await login(app.svc);
    const articleId = `xa/${Date.now()}`;
    await app.svc.services.articleService.update(articleId, { closed: true }, admin.id);
    expect(await app.svc.services.redis.get(app.svc.services.keys.articleClosed(articleId))).toBe('1');
    await app.svc.services.redis.flushall();
    const res = await app.svc.post('/v1/comments', await validComment(app.svc, { articleId }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('comments_closed');
    // Read once from PostgreSQL, then cached again for the next comments.
    expect(await app.svc.services.redis.get(app.svc.services.keys.articleClosed(articleId))).toBe('1');
    const open = await app.svc.post('/v1/comments', await validComment(app.svc, { articleId: `${articleId}-mo` }));
    expect(open.status).toBe(202);
  });
});
