/**
 * Reads behind the moderator queue pages: one tab of comments with filters and a keyset
 * cursor, the tab counts, and a commenter's history. Writes (decisions) live elsewhere.
 *
 * Every list is ordered on (created_at, id), which the (status, created_at, id) and
 * (article_id, status, created_at, id) indexes of 001 serve directly, so the first page of
 * a 10 000-comment queue reads about `limit` index entries.
 */
import type { Comment } from '../comments/types.js';
import { commentFromRow, type CommentRow } from './comments.js';
import type { Queryable } from './db.js';

/** The four tabs: waiting, rejected by the filter, approved, rejected by a person. */
export type QueueTab = 'pending' | 'filtered' | 'approved' | 'rejected';
export const QUEUE_TABS: readonly QueueTab[] = ['pending', 'filtered', 'approved', 'rejected'];

export interface QueueCursor {
  createdAt: string;
  id: string;
}

export interface ListQueueRequest {
  tab: QueueTab;
  articleId?: string;
  /** A verdict reason rule, e.g. `profanity.vi`. */
  rule?: string;
  /** Words searched in author name, email and content (case-insensitive substring). */
  q?: string;
  limit: number;
  cursor?: QueueCursor;
}

export interface QueuePage {
  comments: Comment[];
  nextCursor: QueueCursor | null;
}

export interface TabCounts {
  pending: number;
  /** The other three count the last 24 hours (decided_at), so they stay cheap on a big table. */
  filtered: number;
  approved: number;
  rejected: number;
}

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

/** `%` and `_` typed by a moderator are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export class ModerationQueueStore {
  constructor(private readonly db: Queryable) {}

  async list(req: ListQueueRequest): Promise<QueuePage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    switch (req.tab) {
      case 'pending':
        where.push(`status = 'pending'`);
        break;
      case 'approved':
        where.push(`status = 'approved'`);
        break;
      case 'filtered':
        where.push(`status = 'rejected'`, `decided_by = 'filter'`);
        break;
      case 'rejected':
        where.push(`status = 'rejected'`, `decided_by IS DISTINCT FROM 'filter'`);
        break;
    }
    if (req.articleId) where.push(`article_id = ${p(req.articleId)}`);
    if (req.rule) where.push(`verdict -> 'reasons' @> ${p(JSON.stringify([{ rule: req.rule }]))}::jsonb`);
    if (req.q) {
      const pattern = p(likePattern(req.q));
      where.push(`(author_name ILIKE ${pattern} OR author_email ILIKE ${pattern} OR content ILIKE ${pattern})`);
    }
    // The waiting queue is worked oldest first; decided tabs show the newest first.
    const ascending = req.tab === 'pending';
    if (req.cursor) {
      where.push(`(created_at, id) ${ascending ? '>' : '<'} (${p(req.cursor.createdAt)}::timestamptz, ${p(req.cursor.id)})`);
    }
    const direction = ascending ? 'ASC' : 'DESC';
    const { rows } = await this.db.query<CommentRow>(
      `SELECT * FROM comments WHERE ${where.join(' AND ')}
       ORDER BY created_at ${direction}, id ${direction} LIMIT ${p(req.limit + 1)}`,
      params,
    );
    const more = rows.length > req.limit;
    const comments = rows.slice(0, req.limit).map(commentFromRow);
    const last = comments[comments.length - 1];
    return {
      comments,
      nextCursor: more && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
    };
  }

  async tabCounts(): Promise<TabCounts> {
    const { rows } = await this.db.query<{ pending: number; filtered: number; approved: number; rejected: number }>(
      `SELECT
         (SELECT count(*) FROM comments WHERE status = 'pending')::int AS pending,
         count(*) FILTER (WHERE status = 'rejected' AND decided_by = 'filter')::int AS filtered,
         count(*) FILTER (WHERE status = 'approved')::int AS approved,
         count(*) FILTER (WHERE status = 'rejected' AND decided_by <> 'filter')::int AS rejected
       FROM comments WHERE decided_at > now() - interval '24 hours'`,
    );
    return rows[0];
  }

  /**
   * For each comment id: how the same commenter's other comments (same email, or same IP)
   * ended. One statement for a whole page; each probe uses the email or IP index.
   */
  async historySummaries(ids: string[]): Promise<Map<string, HistorySummary>> {
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
  async history(query: { email?: string; ip?: string; limit: number }): Promise<HistoryEntry[]> {
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
