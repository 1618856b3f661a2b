/**
 * GET /admin/api/articles and PATCH /admin/api/articles/:articleId (API.md "Articles: title,
 * link, closing comments") on both engines: the list, its order, search and pages, changes
 * with their audit, and bad input refused with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComment, submittedComment } from '../../support/comments.js';
import { ENGINES } from '../../support/database.js';
import { adminEnv, login, type Moderator } from '../../support/moderators.js';
import { startTestService, type TestService } from '../../support/service.js';
import { REVIEW_VERDICT } from '../../support/comments.js';

describe.each(ENGINES)('moderator article API (%s)', (engine) => {
  let svc: TestService;
  let admin: Moderator;
  beforeAll(async () => {
    svc = await startTestService({ engine, workers: false, env: adminEnv });
    admin = await login(svc);
  });
  afterAll(() => svc?.stop());

  const patch = (articleId: string, body: unknown, init: { csrf?: boolean } = {}) =>
    admin.fetch(`/admin/api/articles/${articleId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
    });
  const list = async (query: string) => {
    const res = await admin.fetch(`/admin/api/articles?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { articles: Array<Record<string, unknown> & { id: string }>; nextCursor: string | null };
  };

  /** A comment written as the worker does, with the page's title and URL from its job. */
  const commentWithPage = async (articleId: string, minutesAgo: number, title: string | null, url: string | null) => {
    const comment = submittedComment({ articleId, createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() });
    await svc.services.comments.saveModerated({
      comment,
      verdict: REVIEW_VERDICT,
      status: 'pending',
      decidedBy: null,
      decisionReason: null,
      article: { title, url },
    });
    return comment;
  };

  it('lists articles most recently commented first, with counts, the latest title and URL, in keyset pages', async () => {
    const tag = `ds-${engine}-${Date.now()}`;
    await commentWithPage(`${tag}/cu`, 30, 'Bài cũ', 'https://bao.example.vn/cu');
    await commentWithPage(`${tag}/moi`, 5, 'Tiêu đề đầu', 'https://bao.example.vn/moi');
    await commentWithPage(`${tag}/moi`, 2, 'Tiêu đề sau', null);
    // Sent late (a slow job): older than what the article holds, so its title is not taken.
    await commentWithPage(`${tag}/moi`, 20, 'Tiêu đề rất cũ', null);
    await commentWithPage(`${tag}/giua`, 10, null, null);
    const approved = await insertComment(svc.services, { articleId: `${tag}/giua` });
    await svc.services.decisionService.decide({ commentId: approved.id, decision: 'approve', moderatorId: admin.id });
    await insertComment(svc.services, { articleId: `${tag}/giua`, status: 'rejected' });

    const first = await list(`q=${tag}&limit=2`);
    expect(first.articles.map((a) => a.id)).toEqual([`${tag}/moi`, `${tag}/giua`]);
    expect(first.articles[0]).toMatchObject({ title: 'Tiêu đề sau', url: 'https://bao.example.vn/moi', closed: false, notice: null });
    expect(first.articles[0].counts).toEqual({ pending: 3, approved: 0, rejected: 0 });
    expect(first.articles[1].counts).toEqual({ pending: 1, approved: 1, rejected: 1 });
    expect(typeof first.articles[0].lastCommentAt).toBe('string');
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`q=${tag}&limit=2&cursor=${first.nextCursor}`);
    expect(second.articles.map((a) => a.id)).toEqual([`${tag}/cu`]);
    expect(second.nextCursor).toBeNull();
    // q searches titles too, case-insensitively; % is a plain character.
    expect((await list('q=TIÊU ĐỀ SAU')).articles.map((a) => a.id)).toContain(`${tag}/moi`);
    expect((await list(`q=${tag}%25`)).articles).toEqual([]);
  });

  it('closes an article with no comments yet, audited, and reopens it', async () => {
    const articleId = `chua-dang/${engine}-${Date.now()}`;
    const closed = await patch(articleId, { closed: true, notice: 'Tòa soạn tạm đóng bình luận.', title: 'Vụ án đặc biệt' });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toEqual({
      id: articleId,
      title: 'Vụ án đặc biệt',
      url: null,
      closed: true,
      notice: 'Tòa soạn tạm đóng bình luận.',
      counts: { pending: 0, approved: 0, rejected: 0 },
      lastCommentAt: null,
    });
    const publicView = await (await svc.fetch(`/v1/articles/${articleId}/comments`)).json();
    expect(publicView.article).toEqual({ id: articleId, title: 'Vụ án đặc biệt', closed: true, notice: 'Tòa soạn tạm đóng bình luận.' });
    const reopened = await (await patch(articleId, { closed: false, notice: null })).json();
    expect(reopened).toMatchObject({ closed: false, notice: null, title: 'Vụ án đặc biệt' });
    const audit = await svc.services.audit.listForTarget('article', articleId);
    expect(audit.map((e) => e.action)).toEqual(['article.closed', 'article.reopened']);
    expect(audit[0]).toMatchObject({ actor: admin.id, details: { before: { closed: false }, after: { closed: true } } });
    expect((await patch(articleId, { notice: 'Mời bạn đọc góp ý' })).status).toBe(200);
    expect((await svc.services.audit.listForTarget('article', articleId)).at(-1)!.action).toBe('article.updated');
    // A title set by a moderator is not replaced by the next page title a reader's page sends.
    await commentWithPage(articleId, 0, 'Tiêu đề từ trang', 'https://bao.example.vn/x');
    expect(await svc.services.articleService.get(articleId)).toMatchObject({ title: 'Vụ án đặc biệt', url: 'https://bao.example.vn/x' });
    // Cleared, the page's title comes back with the next comment.
    expect(await (await patch(articleId, { title: '' })).json()).toMatchObject({ title: null });
    await commentWithPage(articleId, -1, 'Tiêu đề mới từ trang', null);
    expect(await svc.services.articleService.get(articleId)).toMatchObject({ title: 'Tiêu đề mới từ trang' });
  });

  it('refuses bad input with a clear 400 and stores nothing', async () => {
    const articleId = `sai/${engine}-${Date.now()}`;
    for (const [body, field] of [
      [{}, '_'],
      [{ closed: 'yes' }, 'closed'],
      [{ close: true }, '_'],
      [{ notice: 'x'.repeat(501) }, 'notice'],
      [{ title: 'x'.repeat(301) }, 'title'],
      [{ title: 'a\u0000b' }, 'title'],
      [[true], '_'],
    ] as const) {
      const res = await patch(articleId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await res.json()).error;
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.details.fields)).toContain(field);
    }
    const broken = await patch(articleId, '{"closed": tru');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');
    expect((await patch('bad id with spaces', { closed: true })).status).toBe(400);
    expect((await patch(articleId, { closed: true }, { csrf: false })).status).toBe(403);
    expect(await svc.services.articleService.get(articleId)).toBeNull();
    expect(await svc.services.audit.listForTarget('article', articleId)).toEqual([]);
    for (const query of ['limit=0', 'limit=201', 'cursor=khong-phai', 'q=a%00b']) {
      const res = await admin.fetch(`/admin/api/articles?${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code).toBe('validation_failed');
    }
    expect((await svc.fetch('/admin/api/articles')).status).toBe(401);
  });
});
