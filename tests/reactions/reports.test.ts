/**
 * Readers' reports (API.md "Reports by readers"): POST /v1/comments/:id/reports, the
 * moderators' reported list with its order, cursor and tab count, every admin Comment's
 * `reports`, dismissing (audited, live event, stays published) and rejecting a reported comment
 * (unpublished: count, webhook job, off the list). Real Redis and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import { insertComment } from '../support/comments.js';
import { useAdminService } from '../support/moderators.js';
import { openEvents } from '../support/sse-client.js';
import { waitFor } from '../support/wait.js';
import { approvedComment, newReaderId, report, reportRows } from './helpers.js';

interface Listed {
  comments: Array<{ id: string; status: string; reports: { open: number; reasons: Record<string, number> } }>;
  nextCursor: string | null;
}

const WEBHOOK = { SITE_WEBHOOK_URL: 'http://127.0.0.1:9/webhook', SITE_WEBHOOK_SECRET: 'bi-mat-thu' };

describe('reports by readers (postgres)', () => {
  const app = useAdminService({ env: { RATE_LIMIT_REPORTS: '100000/60', ...WEBHOOK } });

  const reportBy = async (id: string, reason: string, readerId = newReaderId()) =>
    expect((await report(app.svc, id, { readerId, reason })).status).toBe(202);

  async function reportedPages(articleId: string): Promise<Listed['comments']> {
    const seen: Listed['comments'] = [];
    let cursor: string | null = null;
    do {
      const res = await app.admin.fetch(
        `/admin/api/comments?status=reported&articleId=${articleId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      const page = (await res.json()) as Listed;
      seen.push(...page.comments);
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    return seen;
  }

  it('receives a report with 202, once per reader, and keeps the comment published', async () => {
    const id = await approvedComment(app.svc, 'bao-cao/mot');
    const readerId = newReaderId();
    const first = await report(app.svc, id, { readerId, reason: 'spam', note: '  Quảng cáo trá hình  ' });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ status: 'received' });
    const again = await report(app.svc, id, { readerId, reason: 'offensive' });
    expect(again.status).toBe(202);
    expect(await reportRows(app.svc, id)).toBe(1);
    const { rows } = await app.svc.services.db.query('SELECT reason, note FROM comment_reports WHERE comment_id = $1', [id]);
    expect(rows).toEqual([{ reason: 'spam', note: 'Quảng cáo trá hình' }]);
    expect((await app.svc.services.comments.findById(id))?.status).toBe('approved');
    const one = await (await app.admin.fetch(`/admin/api/comments/${id}`)).json();
    expect(one.reports).toEqual({ open: 1, reasons: { spam: 1 } });
  });

  it('refuses a bad body with 400 validation_failed naming the field, and stores nothing', async () => {
    const id = await approvedComment(app.svc, 'bao-cao/sai');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ reason: 'spam' }, 'readerId'],
      [{ readerId: 'ngan', reason: 'spam' }, 'readerId'],
      [{ readerId: newReaderId() }, 'reason'],
      [{ readerId: newReaderId(), reason: 'boring' }, 'reason'],
      [{ readerId: newReaderId(), reason: 'other', note: 'x'.repeat(501) }, 'note'],
      [{ readerId: newReaderId(), reason: 'other', note: 'a\u0000b' }, 'note'],
      [{ readerId: newReaderId(), reason: 'other', note: 5 }, 'note'],
    ];
    for (const [body, field] of cases) {
      const res = await report(app.svc, id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await res.json()).error;
      expect(error.code).toBe('validation_failed');
      expect(error.details.fields).toHaveProperty(field);
    }
    expect((await report(app.svc, id, { readerId: newReaderId(), reason: 'other', note: 'x'.repeat(500) })).status).toBe(202);
    expect(await reportRows(app.svc, id)).toBe(1);
  });

  it('answers 404 not_found for pending, rejected, unknown and malformed ids', async () => {
    const pending = await insertComment(app.svc.services, { articleId: 'bao-cao/404' });
    const rejected = await insertComment(app.svc.services, { articleId: 'bao-cao/404', status: 'rejected' });
    for (const id of [pending.id, rejected.id, newCommentId(), 'khong-phai-id']) {
      const res = await report(app.svc, id, { readerId: newReaderId(), reason: 'spam' });
      expect(res.status, id).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
    expect(await reportRows(app.svc, pending.id)).toBe(0);
  });

  it('lists reported comments most reported first, then oldest, with reasons, page by page; counts the tab', async () => {
    const articleId = 'bao-cao/danh-sach';
    const [one, three, twoOld, twoNew, none] = [
      await approvedComment(app.svc, articleId),
      await approvedComment(app.svc, articleId),
      await approvedComment(app.svc, articleId),
      await approvedComment(app.svc, articleId),
      await approvedComment(app.svc, articleId),
    ];
    const before = (await (await app.admin.fetch('/admin/api/stats/queue')).json()).counts.reported;
    await reportBy(one, 'other');
    for (const reason of ['spam', 'spam', 'illegal']) await reportBy(three, reason);
    for (const id of [twoNew, twoOld]) for (const reason of ['offensive', 'off_topic']) await reportBy(id, reason);

    const listed = await reportedPages(articleId);
    expect(listed.map((c) => c.id)).toEqual([three, twoOld, twoNew, one]);
    expect(listed.map((c) => c.id)).not.toContain(none);
    expect(listed[0].reports).toEqual({ open: 3, reasons: { spam: 2, illegal: 1 } });
    expect(listed[1].reports).toEqual({ open: 2, reasons: { offensive: 1, off_topic: 1 } });
    // Every admin Comment carries its reports, those of other lists too.
    const approved = (await (await app.admin.fetch(`/admin/api/comments?status=approved&articleId=${articleId}`)).json()) as Listed;
    expect(approved.comments.find((c) => c.id === none)?.reports).toEqual({ open: 0, reasons: {} });
    expect(approved.comments.find((c) => c.id === three)?.reports.open).toBe(3);
    expect((await (await app.admin.fetch('/admin/api/stats/queue')).json()).counts.reported).toBe(before + 4);

    const wrongCursor = await app.admin.fetch('/admin/api/comments?status=reported&cursor=WyIyMDI2LTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJhIl0');
    expect(wrongCursor.status).toBe(400);
  });

  it('dismisses the open reports: audited, announced live, still published, off the list', async () => {
    const articleId = 'bao-cao/bo-qua';
    const id = await approvedComment(app.svc, articleId);
    const events = await openEvents(app.svc, app.admin.cookie);
    try {
      await reportBy(id, 'spam');
      await waitFor(() => events.events.some((e) => e.type === 'comment.reported' && e.id === id && e.openReports === 1), 3_000);
      await reportBy(id, 'offensive');

      const res = await app.admin.post(`/admin/api/comments/${id}/reports/dismiss`);
      expect(res.status).toBe(200);
      const comment = await res.json();
      expect(comment).toMatchObject({ id, status: 'approved', reports: { open: 0, reasons: {} } });
      await waitFor(() => events.events.some((e) => e.type === 'comment.reports_dismissed' && e.id === id), 3_000);
    } finally {
      await events.close();
    }
    expect(await reportedPages(articleId)).toEqual([]);
    const audit = await app.svc.services.audit.listForTarget('comment', id);
    expect(audit.find((a) => a.action === 'comment.reports_dismiss')?.details).toMatchObject({ dismissed: { spam: 1, offensive: 1 } });
    // The same reader again changes nothing; a new reader opens a new report.
    expect(await reportRows(app.svc, id)).toBe(2);
    await reportBy(id, 'illegal');
    expect((await reportedPages(articleId)).map((c) => c.reports)).toEqual([{ open: 1, reasons: { illegal: 1 } }]);

    expect((await app.admin.post(`/admin/api/comments/${newCommentId()}/reports/dismiss`)).status).toBe(404);
    expect((await app.admin.post(`/admin/api/comments/${id}/reports/dismiss`, {}, { csrf: false })).status).toBe(403);
  });

  it('rejecting a reported comment unpublishes it: the count drops, comment.unpublished goes out, it leaves the list', async () => {
    const articleId = 'bao-cao/tu-choi';
    const id = await approvedComment(app.svc, articleId);
    await approvedComment(app.svc, articleId);
    await reportBy(id, 'illegal');
    expect((await reportedPages(articleId)).map((c) => c.id)).toEqual([id]);
    const countOf = async () => (await app.svc.services.counts.read([articleId])).get(articleId)?.count;
    expect(await countOf()).toBe(2);

    const res = await app.admin.post(`/admin/api/comments/${id}/reject`, { force: true, reason: 'vi phạm pháp luật' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: 'rejected', reports: { open: 1 } });
    expect(await countOf()).toBe(1);
    const { rows } = await app.svc.services.db.query<{ payload: { event: string; commentId: string; count: number } }>(
      `SELECT payload FROM publish_outbox WHERE kind = 'webhook' AND payload->>'commentId' = $1 ORDER BY created_at`,
      [id],
    );
    expect(rows.map((r) => r.payload.event)).toEqual(['comment.published', 'comment.unpublished']);
    expect(rows[1].payload.count).toBe(1);
    expect(await reportedPages(articleId)).toEqual([]);
    const publicList = await (await app.svc.fetch(`/v1/articles/${articleId}/comments`)).json();
    expect(publicList.comments.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});

describe('reports are rate limited per client IP (postgres)', () => {
  const app = useAdminService({ env: { RATE_LIMIT_REPORTS: '2/60' } });

  it('answers 429 rate_limited with Retry-After past RATE_LIMIT_REPORTS', async () => {
    const id = await approvedComment(app.svc, 'bao-cao/gioi-han');
    for (let i = 0; i < 2; i++) expect((await report(app.svc, id, { readerId: newReaderId(), reason: 'spam' })).status).toBe(202);
    const refused = await report(app.svc, id, { readerId: newReaderId(), reason: 'spam' });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await reportRows(app.svc, id)).toBe(2);
  });
});
