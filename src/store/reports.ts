/**
 * SQL of readers' reports (migration 003). A report is one row per (comment, reader); the
 * comment's open_reports moves in the same statement as the row that was inserted, and a
 * moderator's dismissal marks the open rows and takes exactly that many off, under the
 * comment's row lock, so a report arriving meanwhile is neither lost nor counted twice.
 */
import type { Comment } from '../comments/types.js';
import { commentFromRow, type CommentRow } from './comment-row.js';
import type { Queryable } from './db.js';

export const REPORT_REASONS = ['spam', 'offensive', 'illegal', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface NewReport {
  commentId: string;
  readerId: string;
  reason: ReportReason;
  note: string | null;
}

/** What a report did: nothing (not an approved comment, or a repeat), or a new open report. */
export type ReportResult =
  | { outcome: 'not_found' }
  | { outcome: 'repeated' }
  | { outcome: 'received'; articleId: string; openReports: number };

/** The open reports of one comment: how many, and how many per reason (reasons with none left out). */
export interface ReportSummary {
  open: number;
  reasons: Partial<Record<ReportReason, number>>;
}

/** One reader's report, as the comment page lists it (the reader id is not shown). */
export interface ReportRecord {
  reason: ReportReason;
  note: string | null;
  createdAt: Date;
  dismissedAt: Date | null;
}

export interface Dismissal {
  comment: Comment;
  /** The reports just dismissed, per reason. */
  dismissed: Partial<Record<ReportReason, number>>;
}

const REPORT = `
WITH target AS (SELECT id, article_id FROM comments WHERE id = $1 AND status = 'approved'),
inserted AS (
  INSERT INTO comment_reports (comment_id, reader_id, reason, note) SELECT id, $2, $3, $4 FROM target
  ON CONFLICT (comment_id, reader_id) DO NOTHING RETURNING comment_id
),
changed AS (UPDATE comments SET open_reports = open_reports + 1 WHERE id IN (SELECT comment_id FROM inserted) RETURNING open_reports)
SELECT (SELECT article_id FROM target) AS article_id, (SELECT open_reports FROM changed) AS open_reports`;

export class ReportStore {
  constructor(private readonly db: Queryable) {}

  async report(req: NewReport): Promise<ReportResult> {
    const { rows } = await this.db.query<{ article_id: string | null; open_reports: number | null }>(REPORT, [
      req.commentId,
      req.readerId,
      req.reason,
      req.note,
    ]);
    const row = rows[0];
    if (!row || row.article_id === null) return { outcome: 'not_found' };
    if (row.open_reports === null) return { outcome: 'repeated' };
    return { outcome: 'received', articleId: row.article_id, openReports: row.open_reports };
  }

  /** Open reports of these comments, in one query; a comment without any gets `{open: 0, reasons: {}}`. */
  async summaries(commentIds: readonly string[]): Promise<Map<string, ReportSummary>> {
    const summaries = new Map<string, ReportSummary>(commentIds.map((id) => [id, { open: 0, reasons: {} }]));
    if (commentIds.length === 0) return summaries;
    const { rows } = await this.db.query<{ comment_id: string; reason: ReportReason; n: number }>(
      `SELECT comment_id, reason, count(*)::int AS n FROM comment_reports
        WHERE comment_id = ANY($1::text[]) AND dismissed_at IS NULL GROUP BY comment_id, reason`,
      [commentIds],
    );
    for (const row of rows) {
      const summary = summaries.get(row.comment_id);
      if (!summary) continue;
      summary.open += row.n;
      summary.reasons[row.reason] = row.n;
    }
    return summaries;
  }

  /** Every report of one comment, oldest first (the comment page's history). */
  async ofComment(commentId: string): Promise<ReportRecord[]> {
    const { rows } = await this.db.query<{ reason: ReportReason; note: string | null; created_at: Date; dismissed_at: Date | null }>(
      'SELECT reason, note, created_at, dismissed_at FROM comment_reports WHERE comment_id = $1 ORDER BY created_at, id',
      [commentId],
    );
    return rows.map((r) => ({
      reason: r.reason,
      note: r.note,
      createdAt: new Date(r.created_at),
      dismissedAt: r.dismissed_at && new Date(r.dismissed_at),
    }));
  }

  /** Dismisses every open report of a comment inside `tx`; null when there is no such comment. */
  async dismissIn(tx: Queryable, commentId: string, moderatorId: string): Promise<Dismissal | null> {
    const locked = await tx.query<CommentRow>('SELECT * FROM comments WHERE id = $1 FOR UPDATE', [commentId]);
    if (!locked.rows[0]) return null;
    const { rows } = await tx.query<{ reason: ReportReason; n: number }>(
      `WITH dismissed AS (
         UPDATE comment_reports SET dismissed_at = now(), dismissed_by = $2
          WHERE comment_id = $1 AND dismissed_at IS NULL RETURNING reason
       ) SELECT reason, count(*)::int AS n FROM dismissed GROUP BY reason`,
      [commentId, moderatorId],
    );
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    const updated = await tx.query<CommentRow>('UPDATE comments SET open_reports = open_reports - $2 WHERE id = $1 RETURNING *', [
      commentId,
      total,
    ]);
    return { comment: commentFromRow(updated.rows[0]), dismissed: Object.fromEntries(rows.map((row) => [row.reason, row.n])) };
  }
}
