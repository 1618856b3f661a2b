import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComment } from '../../support/comments.js';
import { ENGINES } from '../../support/database.js';
import { addModerator, adminEnv, login, type Moderator } from '../../support/moderators.js';
import { startTestService, type TestService } from '../../support/service.js';
import { waitFor } from '../../support/wait.js';
import { registry } from '../../../src/metrics.js';

const decisionsMetric = async (decision: string) =>
  (await registry.getSingleMetric('comments_decisions_total')!.get()).values.find(
    (v) => v.labels.decision === decision && v.labels.by === 'moderator',
  )?.value ?? 0;

describe.each(ENGINES)('moderator comment API (%s)', (engine) => {
  let svc: TestService;
  let admin: Moderator;
  let other: Moderator;
  beforeAll(async () => {
    svc = await startTestService({ engine, env: adminEnv });
    admin = await login(svc);
    other = await addModerator(svc);
  });
  afterAll(() => svc?.stop());

  const countOf = async (articleId: string) => {
    const res = await svc.fetch(`/v1/counts?articles=${encodeURIComponent(articleId)}`);
    return ((await res.json()) as { counts: Record<string, number> }).counts[articleId];
  };

  describe('access', () => {
    it('answers 401 without a session, before looking at the CSRF token', async () => {
      const list = await svc.fetch('/admin/api/comments');
      expect(list.status).toBe(401);
      expect((await list.json()).error.code).toBe('unauthenticated');
      const c = await insertComment(svc.services);
      const approve = await svc.post(`/admin/api/comments/${c.id}/approve`, {});
      expect(approve.status).toBe(401);
      expect((await svc.post('/admin/api/comments/bulk', { ids: [c.id], action: 'approve' })).status).toBe(401);
      expect((await svc.fetch('/admin/api/events')).status).toBe(401);
    });

    it("answers 403 csrf_failed to a decision without the token, with a wrong one and with another session's", async () => {
      const c = await insertComment(svc.services);
      for (const csrf of [false, 'nope', other.csrfToken] as const) {
        const res = await admin.post(`/admin/api/comments/${c.id}/approve`, {}, { csrf });
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe('csrf_failed');
      }
      const bulk = await admin.post('/admin/api/comments/bulk', { ids: [c.id], action: 'reject' }, { csrf: false });
      expect(bulk.status).toBe(403);
      expect((await svc.services.comments.findById(c.id))!.status).toBe('pending');
      // Reads need no token.
      expect((await admin.fetch(`/admin/api/comments/${c.id}`, { csrf: false })).status).toBe(200);
    });
  });

  describe('GET /admin/api/comments', () => {
    it('lists pending comments oldest first with every Comment field, in keyset pages', async () => {
      const articleId = `list-${engine}`;
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await insertComment(svc.services, { articleId, content: `nội dung ${i}` }));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await admin.fetch(
          `/admin/api/comments?status=pending&articleId=${articleId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        const body = await res.json();
        seen.push(...body.comments.map((c: { id: string }) => c.id));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(seen).toEqual(made.map((c) => c.id));
      expect(pages).toBe(3);

      const one = (await (await admin.fetch(`/admin/api/comments?articleId=${articleId}&limit=1`)).json()).comments[0];
      expect(one).toMatchObject({
        id: made[0].id,
        articleId,
        parentId: null,
        authorName: 'Nguyễn Văn A',
        authorEmail: 'a@example.vn',
        content: 'nội dung 0',
        status: 'pending',
        createdAt: made[0].createdAt.toISOString(),
        decidedBy: null,
        decidedAt: null,
        verdict: { action: 'review', score: 0.5, reasons: [{ rule: 'profanity.vi', tier: 'review', match: 'abc', start: 0, end: 3 }] },
      });
    });

    it('lists decided comments newest first and searches name and content with literal wildcards', async () => {
      const articleId = `search-${engine}`;
      const a = await insertComment(svc.services, { articleId, content: 'giảm 100% giá', status: 'rejected' });
      const b = await insertComment(svc.services, { articleId, content: 'giảm 100 giá', status: 'rejected' });
      const c = await insertComment(svc.services, { articleId, authorName: 'Trần Thị 100%', content: 'xin chào', status: 'rejected' });
      const all = await (await admin.fetch(`/admin/api/comments?status=rejected&articleId=${articleId}`)).json();
      expect(all.comments.map((x: { id: string }) => x.id)).toEqual([c.id, b.id, a.id]);
      expect(all.comments[0].decidedBy).toBe('filter');
      const found = await (
        await admin.fetch(`/admin/api/comments?status=rejected&articleId=${articleId}&q=${encodeURIComponent('100%')}`)
      ).json();
      expect(found.comments.map((x: { id: string }) => x.id).sort()).toEqual([a.id, c.id].sort());
    });

    it('answers 400 validation_failed for a bad status, limit, articleId or cursor', async () => {
      for (const query of [
        'status=queued',
        'limit=0',
        'limit=201',
        'limit=abc',
        'articleId=' + encodeURIComponent('bad id!'),
        'cursor=zzz',
        'cursor=' + 'a'.repeat(500),
      ]) {
        const res = await admin.fetch(`/admin/api/comments?${query}`);
        expect(res.status, query).toBe(400);
        expect((await res.json()).error.code).toBe('validation_failed');
      }
    });
  });

  describe('GET /admin/api/comments/:id', () => {
    it('answers the comment, 404 not_found for an unknown id, and "queued" for an accepted one not yet moderated', async () => {
      const c = await insertComment(svc.services);
      const res = await admin.fetch(`/admin/api/comments/${c.id}`);
      expect(res.status).toBe(200);
      expect((await res.json()).id).toBe(c.id);
      const missing = await admin.fetch('/admin/api/comments/0190a0a0-0000-7000-8000-000000000000');
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe('not_found');

      // A job parked in the delayed state stands for a comment the worker has not written yet.
      const id = '0190a0a0-0000-7000-8000-00000000abcd';
      await svc.services.queues.moderation.add(
        'moderate',
        {
          comment: {
            id,
            articleId: 'x',
            parentId: null,
            authorName: 'B',
            authorEmail: null,
            content: 'chờ',
            ip: null,
            userAgent: null,
            createdAt: new Date().toISOString(),
          },
        },
        { jobId: id, delay: 60_000 },
      );
      const queued = await admin.fetch(`/admin/api/comments/${id}`);
      expect(queued.status).toBe(200);
      expect(await queued.json()).toMatchObject({ id, status: 'queued', verdict: null, decidedBy: null });
    });
  });

  describe('approve and reject', () => {
    it('approves a pending comment: 200 Comment, decision and audit rows, count right within 2 s', async () => {
      const articleId = `approve-${engine}`;
      expect(await countOf(articleId)).toBe(0);
      const c = await insertComment(svc.services, { articleId });
      const approvalsBefore = await decisionsMetric('approve');
      const res = await admin.post(`/admin/api/comments/${c.id}/approve`, { reason: 'ổn' });
      expect(res.status).toBe(200);
      expect(await decisionsMetric('approve')).toBe(approvalsBefore + 1);
      const body = await res.json();
      expect(body).toMatchObject({ id: c.id, status: 'approved', decidedBy: admin.id, decisionReason: 'ổn' });
      expect(Date.parse(body.decidedAt)).toBeGreaterThan(0);
      expect(body.publishedAt).not.toBeNull();
      await waitFor(async () => (await countOf(articleId)) === 1, 2_000);

      const decisions = await svc.services.decisions.listForComment(c.id);
      expect(decisions).toEqual([
        expect.objectContaining({ decision: 'approve', decidedBy: admin.id, previousStatus: 'pending', reason: 'ổn', overturn: false }),
      ]);
      const audit = await svc.services.audit.listForTarget('comment', c.id);
      expect(audit).toEqual([
        expect.objectContaining({
          actor: admin.id,
          action: 'comment.approve',
          details: expect.objectContaining({ previousStatus: 'pending', overturn: false, reason: 'ổn' }),
        }),
      ]);
    });

    it('accepts an empty body, answers 409 already_decided on a second decision, and audits a forced overturn', async () => {
      const articleId = `overturn-${engine}`;
      const c = await insertComment(svc.services, { articleId });
      const approve = await admin.fetch(`/admin/api/comments/${c.id}/approve`, { method: 'POST' });
      expect(approve.status).toBe(200);
      await waitFor(async () => (await countOf(articleId)) === 1, 2_000);

      const again = await other.post(`/admin/api/comments/${c.id}/reject`, {});
      expect(again.status).toBe(409);
      const conflict = await again.json();
      expect(conflict.error.code).toBe('already_decided');
      expect(conflict.error.details).toEqual({ status: 'approved', decidedBy: admin.id });
      const same = await other.post(`/admin/api/comments/${c.id}/approve`, {});
      expect(same.status).toBe(409);

      const forced = await other.post(`/admin/api/comments/${c.id}/reject`, { force: true, reason: 'spam' });
      expect(forced.status).toBe(200);
      expect(await forced.json()).toMatchObject({ status: 'rejected', decidedBy: other.id, publishedAt: null });
      await waitFor(async () => (await countOf(articleId)) === 0, 2_000);

      // Forcing what it already is changes nothing and writes nothing.
      const noop = await other.post(`/admin/api/comments/${c.id}/reject`, { force: true });
      expect(noop.status).toBe(200);
      const audit = await svc.services.audit.listForTarget('comment', c.id);
      expect(audit.map((a) => [a.actor, a.action, a.details.overturn])).toEqual([
        [admin.id, 'comment.approve', false],
        [other.id, 'comment.reject', true],
      ]);
    });

    it('needs force to rescue a comment the filter rejected', async () => {
      const c = await insertComment(svc.services, { status: 'rejected' });
      const res = await admin.post(`/admin/api/comments/${c.id}/approve`, {});
      expect(res.status).toBe(409);
      const forced = await admin.post(`/admin/api/comments/${c.id}/approve`, { force: true });
      expect(forced.status).toBe(200);
      const decisions = await svc.services.decisions.listForComment(c.id);
      expect(decisions.map((d) => [d.decidedBy, d.decision, d.overturn])).toEqual([
        ['filter', 'reject', false],
        [admin.id, 'approve', true],
      ]);
    });

    it('answers 404, 400 validation_failed and 400 invalid_json to bad decisions', async () => {
      const missing = await admin.post('/admin/api/comments/0190a0a0-0000-7000-8000-000000000001/approve', {});
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.code).toBe('not_found');
      const c = await insertComment(svc.services);
      for (const body of [{ force: 'yes' }, { reason: 'x'.repeat(501) }, ['x']]) {
        const res = await admin.post(`/admin/api/comments/${c.id}/reject`, body);
        expect(res.status).toBe(400);
        expect((await res.json()).error.code).toBe('validation_failed');
      }
      const broken = await admin.fetch(`/admin/api/comments/${c.id}/reject`, {
        method: 'POST',
        body: '{"reason":',
        headers: { 'content-type': 'application/json' },
      });
      expect(broken.status).toBe(400);
      expect((await broken.json()).error.code).toBe('invalid_json');
      const badId = await admin.post('/admin/api/comments/bad%20id/approve', {});
      expect(badId.status).toBe(400);
      expect((await svc.services.comments.findById(c.id))!.status).toBe('pending');
    });

    it('two moderators deciding the same comment at once: exactly one 200 and one 409, audited once', async () => {
      const articleId = `race-${engine}`;
      for (let round = 0; round < 5; round++) {
        const c = await insertComment(svc.services, { articleId });
        const [a, b] = await Promise.all([
          admin.post(`/admin/api/comments/${c.id}/approve`, {}),
          other.post(`/admin/api/comments/${c.id}/reject`, {}),
        ]);
        const statuses = [a.status, b.status].sort();
        expect(statuses).toEqual([200, 409]);
        const winner = a.status === 200 ? { by: admin.id, action: 'comment.approve' } : { by: other.id, action: 'comment.reject' };
        const audit = await svc.services.audit.listForTarget('comment', c.id);
        expect(audit.map((x) => [x.actor, x.action])).toEqual([[winner.by, winner.action]]);
        expect(await svc.services.decisions.listForComment(c.id)).toHaveLength(1);
      }
      const approved = (
        await svc.services.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM comments WHERE article_id = $1 AND status = 'approved'`,
          [articleId],
        )
      ).rows[0].n;
      const stored =
        (await svc.services.db.query<{ n: number }>('SELECT approved_count AS n FROM article_counts WHERE article_id = $1', [articleId]))
          .rows[0]?.n ?? 0;
      expect(stored).toBe(approved);
      await waitFor(async () => (await countOf(articleId)) === approved, 2_000);
    });
  });

  describe('POST /admin/api/comments/bulk', () => {
    it('answers a result per id: status, not_found or already_decided; counts follow within 2 s', async () => {
      const articleId = `bulk-${engine}`;
      const a = await insertComment(svc.services, { articleId });
      const b = await insertComment(svc.services, { articleId });
      const decided = await insertComment(svc.services, { articleId, status: 'rejected' });
      const missing = '0190a0a0-0000-7000-8000-000000000002';
      const res = await admin.post('/admin/api/comments/bulk', { ids: [a.id, missing, b.id, decided.id, a.id], action: 'approve' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        results: [
          { id: a.id, status: 'approved' },
          { id: missing, error: 'not_found' },
          { id: b.id, status: 'approved' },
          { id: decided.id, error: 'already_decided' },
          { id: a.id, error: 'already_decided' }, // a repeated id: the first occurrence won
        ],
      });
      await waitFor(async () => (await countOf(articleId)) === 2, 2_000);
    });

    it('answers 400 validation_failed for no ids, too many ids or an unknown action', async () => {
      const ids = Array.from({ length: 201 }, (_, i) => `id-${i}`);
      for (const body of [
        { ids: [], action: 'approve' },
        { ids, action: 'approve' },
        { ids: ['a'], action: 'delete' },
        { action: 'approve' },
      ]) {
        const res = await admin.post('/admin/api/comments/bulk', body);
        expect(res.status).toBe(400);
        expect((await res.json()).error.code).toBe('validation_failed');
      }
    });
  });
});
