/**
 * What else a commenter wrote: the comments with the same email (case-insensitive) or the same
 * IP. The queue page shows a summary of their outcomes on every card; the commenter page and
 * GET /admin/api/commenters list them.
 */
import type { Comment } from '../comments/types.js';
import { commentFromRow, type CommentRow } from './comment-row.js';
import type { Queryable } from './db.js';

export interface HistorySummary {
  approved: number;
  rejected: number;
  pending: number;
}

export interface HistoryEntry {
  id: string;
  articleId: string;
  content: string;
  status: Comment['status'];
  decidedBy: string | null;
  createdAt: Date;
}

export class CommenterHistory {
  constructor(private readonly db: Queryable) {}

  /**
   * For each comment id: how the same commenter's other comments (same email, or same IP)
   * ended. One statement for a whole page; each probe uses the email or IP index.
   */
  async summaries(ids: string[]): Promise<Map<string, HistorySummary>> {
    const result = new Map<string, HistorySummary>();
    if (ids.length === 0) return result;
    const { rows } = await this.db.query<{ for_id: string; status: Comment['status']; n: number }>(
      `SELECT p.id AS for_id, h.status, count(*)::int AS n
       FROM comments p
       CROSS JOIN LATERAL (
         SELECT x.status FROM (
           SELECT id, status FROM comments
            WHERE p.author_email IS NOT NULL AND lower(author_email) = lower(p.author_email)
           UNION
           SELECT id, status FROM comments WHERE p.ip IS NOT NULL AND ip = p.ip
         ) x WHERE x.id <> p.id LIMIT 500
       ) h
       WHERE p.id = ANY($1::text[])
       GROUP BY p.id, h.status`,
      [ids],
    );
    for (const row of rows) {
      const summary = result.get(row.for_id) ?? { approved: 0, rejected: 0, pending: 0 };
      summary[row.status] = row.n;
      result.set(row.for_id, summary);
    }
    return result;
  }

  /** Comments by this email or IP, newest first. */
  async entries(query: { email?: string; ip?: string; limit: number }): Promise<HistoryEntry[]> {
    if (!query.email && !query.ip) return [];
    const { rows } = await this.db.query<CommentRow>(
      `SELECT * FROM (
         SELECT * FROM comments WHERE $1::text IS NOT NULL AND lower(author_email) = lower($1::text)
         UNION
         SELECT * FROM comments WHERE $2::text IS NOT NULL AND ip = $2::text
       ) c ORDER BY created_at DESC, id DESC LIMIT $3`,
      [query.email ?? null, query.ip ?? null, query.limit],
    );
    return rows.map((row) => {
      const c = commentFromRow(row);
      return { id: c.id, articleId: c.articleId, content: c.content, status: c.status, decidedBy: c.decidedBy, createdAt: c.createdAt };
    });
  }
}
