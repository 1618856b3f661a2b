/**
 * Editing before publishing, reopening, and the context of every admin Comment (API.md
 * "Newsroom additions"), through the HTTP API on both engines, with a real webhook receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComment } from '../../support/comments.js';
import { ENGINES } from '../../support/database.js';
import { adminEnv, login, type Moderator } from '../../support/moderators.js';
import { startTestService, type TestService } from '../../support/service.js';
import { openEvents } from '../../support/sse-client.js';
import { waitFor } from '../../support/wait.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

const SECRET = 'bi-mat-cua-trang-tin';

describe.each(ENGINES)('editing and reopening comments (%s)', (engine) => {
  let svc: TestService;
  let admin: Moderator;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret: SECRET });
    svc = await startTestService({ engine, env: { ...adminEnv, SITE_WEBHOOK_URL: receiver.url, SITE_WEBHOOK_SECRET: SECRET } });
    admin = await login(svc);
  });
  afterAll(async () => {
    await svc?.stop();
    await receiver?.close();
  });

  const patch = (id: string, body: unknown) =>
    admin.fetch(`/admin/api/comments/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const approve = (id: string, body: unknown = {}) => admin.post(`/admin/api/comments/${id}/approve`, body);
  const publicList = async (articleId: string) =>
    (await (await svc.fetch(`/v1/articles/${articleId}/comments`)).json()) as {
      count: number;
      comments: Array<{ id: string; content: string }>;
    };
  const countOf = async (articleId: string) =>
    ((await (await svc.fetch(`/v1/counts?articles=${articleId}`)).json()) as { counts: Record<string, number> }).counts[articleId];

  it('edits a pending comment: the new text, the original kept, the edit audited with both texts', async () => {
    const c = await insertComment(svc.services, { articleId: `sua-${engine}`, content: 'Bài viết ngu quá' });
    const res = await patch(c.id, { content: '  Bài viết chưa hay lắm  ' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      id: c.id,
      status: 'pending',
      content: 'Bài viết chưa hay lắm',
      originalContent: 'Bài viết ngu quá',
      editedBy: admin.id,
    });
    // A second edit keeps the reader's own text, not the first edit.
    const again = await (await patch(c.id, { content: 'Bài viết chưa hay.' })).json();
    expect(again.originalContent).toBe('Bài viết ngu quá');
    const history = await svc.services.commentEditService.history(c.id);
    const edits = history.filter((e) => e.action === 'comment.edited');
    expect(edits.map((e) => [e.details.before, e.details.after])).toEqual([
      ['Bài viết ngu quá', 'Bài viết chưa hay lắm'],
      ['Bài viết chưa hay lắm', 'Bài viết chưa hay.'],
    ]);
    expect(edits.every((e) => e.actor === admin.id)).toBe(true);
    // The verdict is of the new text: its spans index what is stored.
    for (const reason of again.verdict.reasons) expect(again.content.slice(reason.start, reason.end)).toBe(reason.match);
  });

  it('refuses bad edits with a clear 4xx and stores nothing', async () => {
    const c = await insertComment(svc.services, { articleId: `sua-sai-${engine}`, content: 'Nội dung gốc' });
    for (const [body, field, reason] of [
      [{}, 'content', 'required'],
      [{ content: '   ' }, 'content', 'required'],
      [{ content: 'x'.repeat(5001) }, 'content', 'too_long'],
      [{ content: 42 }, 'content', 'invalid'],
    ] as const) {
      const res = await patch(c.id, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'validation_failed', details: { fields: { [field]: reason } } });
    }
    expect((await patch('khong-co-that', { content: 'abc' })).status).toBe(404);
    const noCsrf = await admin.fetch(`/admin/api/comments/${c.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'abc' }),
      csrf: false,
    });
    expect(noCsrf.status).toBe(403);
    const stored = await svc.services.comments.findById(c.id);
    expect(stored).toMatchObject({ content: 'Nội dung gốc', originalContent: null, editedBy: null });
    expect((await svc.services.commentEditService.history(c.id)).filter((e) => e.action === 'comment.edited')).toEqual([]);
  });

  it('answers 409 already_decided to an edit of a rejected comment', async () => {
    const c = await insertComment(svc.services, { articleId: `sua-tu-choi-${engine}`, status: 'rejected' });
    const res = await patch(c.id, { content: 'Sửa lại' });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'already_decided', details: { status: 'rejected' } });
    expect((await svc.services.comments.findById(c.id))!.content).toBe(c.content);
  });

  it('editing an approved comment changes what readers see; approve can edit in the same step', async () => {
    const articleId = `sua-da-duyet-${engine}`;
    const c = await insertComment(svc.services, { articleId, content: 'Câu gốc của bạn đọc' });
    const approved = await approve(c.id, { content: 'Câu đã biên tập' });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', content: 'Câu đã biên tập', originalContent: 'Câu gốc của bạn đọc' });
    expect((await publicList(articleId)).comments.map((x) => x.content)).toEqual(['Câu đã biên tập']);
    expect((await patch(c.id, { content: 'Câu biên tập lần hai' })).status).toBe(200);
    expect((await publicList(articleId)).comments.map((x) => x.content)).toEqual(['Câu biên tập lần hai']);
    expect(await countOf(articleId)).toBe(1);
    // A bad text in approve decides nothing.
    const other = await insertComment(svc.services, { articleId });
    expect((await approve(other.id, { content: '' })).status).toBe(400);
    expect((await svc.services.comments.findById(other.id))!.status).toBe('pending');
  });

  it('reopens an approved comment: unpublished, counted down, webhook comment.unpublished, audited', async () => {
    const articleId = `mo-lai-${engine}`;
    const c = await insertComment(svc.services, { articleId });
    expect((await approve(c.id)).status).toBe(200);
    await waitFor(() => receiver.deliveries.some((d) => d.body.commentId === c.id && d.body.event === 'comment.published'), 20_000);
    const res = await admin.post(`/admin/api/comments/${c.id}/reopen`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: c.id, status: 'pending', decidedBy: null, decidedAt: null, publishedAt: null });
    expect(await countOf(articleId)).toBe(0);
    expect((await publicList(articleId)).comments).toEqual([]);
    await waitFor(() => receiver.deliveries.some((d) => d.body.commentId === c.id && d.body.event === 'comment.unpublished'), 20_000);
    const unpublished = receiver.deliveries.find((d) => d.body.commentId === c.id && d.body.event === 'comment.unpublished')!;
    expect(unpublished).toMatchObject({ signatureOk: true, body: { articleId, count: 0 } });
    const history = await svc.services.commentEditService.history(c.id);
    expect(history.map((e) => e.action)).toEqual(['comment.approve', 'comment.reopened']);
    expect(history[1].details).toMatchObject({ previousStatus: 'approved', status: 'pending' });
    // Back in the queue, it can be decided again.
    expect((await approve(c.id)).status).toBe(200);
    expect(await countOf(articleId)).toBe(1);
  });

  it('reopens a rejected comment without touching the count; a pending one is 409', async () => {
    const articleId = `mo-lai-tu-choi-${engine}`;
    const c = await insertComment(svc.services, { articleId, status: 'rejected' });
    const res = await admin.post(`/admin/api/comments/${c.id}/reopen`);
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('pending');
    expect(await countOf(articleId)).toBe(0);
    const again = await admin.post(`/admin/api/comments/${c.id}/reopen`);
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: 'already_decided', details: { status: 'pending' } });
    expect((await admin.post('/admin/api/comments/khong-co/reopen')).status).toBe(404);
    expect((await admin.post(`/admin/api/comments/${c.id}/reopen`, {}, { csrf: false })).status).toBe(403);
  });

  it('tells live screens of an edit and a reopening (ids and states only)', async () => {
    const stream = await openEvents(svc, admin.cookie);
    await waitFor(() => stream.comments.includes('connected'), 2_000);
    const c = await insertComment(svc.services, { articleId: `song-${engine}` });
    await patch(c.id, { content: 'Văn bản đã sửa' });
    await approve(c.id);
    await admin.post(`/admin/api/comments/${c.id}/reopen`);
    const edited = await waitFor(() => stream.events.find((e) => e.type === 'comment.edited' && e.id === c.id), 3_000);
    expect(edited).toMatchObject({ articleId: `song-${engine}`, status: 'pending', editedBy: admin.id });
    const reopened = await waitFor(() => stream.events.find((e) => e.type === 'comment.reopened' && e.id === c.id), 3_000);
    expect(reopened).toMatchObject({ status: 'pending', previousStatus: 'approved', by: admin.id });
    expect(JSON.stringify(stream.events)).not.toMatch(/Văn bản đã sửa/);
    await stream.close();
  });

  it('gives every admin Comment its article and parent, for a whole page', async () => {
    const articleId = `ngu-canh-${engine}`;
    await svc.services.articleService.update(articleId, { title: 'Giá xăng tăng mạnh' }, admin.id);
    const parent = await insertComment(svc.services, { articleId, authorName: 'Lê Thị Hoa', content: 'Câu hỏi gốc' });
    await approve(parent.id);
    const reply = await insertComment(svc.services, { articleId, parentId: parent.id, content: 'Trả lời' });
    const list = await (await admin.fetch(`/admin/api/comments?status=pending&articleId=${articleId}`)).json();
    expect(list.comments).toHaveLength(1);
    expect(list.comments[0]).toMatchObject({
      id: reply.id,
      article: { id: articleId, title: 'Giá xăng tăng mạnh', url: null },
      parent: { id: parent.id, authorName: 'Lê Thị Hoa', content: 'Câu hỏi gốc' },
      originalContent: null,
      editedBy: null,
    });
    const one = await (await admin.fetch(`/admin/api/comments/${parent.id}`)).json();
    expect(one).toMatchObject({ parent: null, article: { id: articleId, title: 'Giá xăng tăng mạnh' } });
    const unknownArticle = await insertComment(svc.services, { articleId: `chua-biet-${engine}` });
    const bare = await (await admin.fetch(`/admin/api/comments/${unknownArticle.id}`)).json();
    expect(bare.article).toEqual({ id: `chua-biet-${engine}`, title: null, url: null });
  });
});
