/**
 * SQL for comments. Every statement that touches the comments table lives here or in a
 * sibling file of src/store; callers get domain objects, never rows.
 */
import type { Comment, StoredStatus, SubmittedComment } from '../comments/types.js';
import type { Verdict } from '../filters/index.js';
import type { Db, Queryable } from './db.js';
import {
  listForModeration,
  listPublished,
  type ListPage,
  type ModerationListRequest,
  type PublishedComment,
  type PublishedListRequest,
} from './comment-listing.js';

export interface CommentRow {
  id: string;
  article_id: string;
  parent_id: string | null;
  author_name: string;
  author_email: string | null;
  ip: string | null;
  user_agent: string | null;
  content: string;
  status: StoredStatus;
  verdict: Verdict | null;
  created_at: Date | string;
  moderated_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_reason: string | null;
  published_at: Date | string | null;
}

const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export function commentFromRow(row: CommentRow): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    authorName: row.author_name,
    authorEmail: row.author_email,
    ip: row.ip,
    userAgent: row.user_agent,
    content: row.content,
    status: row.status,
    verdict: row.verdict,
    createdAt: toDate(row.created_at)!,
    moderatedAt: toDate(row.moderated_at)!,
    decidedBy: row.decided_by,
    decidedAt: toDate(row.decided_at),
    decisionReason: row.decision_reason,
    publishedAt: toDate(row.published_at),
  };
}

export interface SaveModeratedRequest {
  comment: SubmittedComment;
  verdict: Verdict;
  /** `pending` for a person to judge, or `rejected` when the filter (or a ban) decided. */
  status: 'pending' | 'rejected';
  /** Set when status is `rejected`: `filter`. */
  decidedBy: string | null;
  decisionReason: string | null;
}

export interface SaveModeratedResult {
  comment: Comment;
  /** False when the row already existed (a retried or duplicated job): nothing was changed. */
  created: boolean;
}

export class CommentStore {
  constructor(private readonly db: Db) {}

  /**
   * Writes the worker's result once. A second call with the same id changes nothing and
   * returns the stored row, so a job that runs twice never doubles a row or touches a
   * comment a moderator already decided.
   */
  async saveModerated(req: SaveModeratedRequest): Promise<SaveModeratedResult> {
    return this.db.transaction(async (tx) => {
      const c = req.comment;
      const inserted = await tx.query<CommentRow>(
        `INSERT INTO comments (id, article_id, parent_id, author_name, author_email, ip, user_agent, content,
                               status, verdict, verdict_action, lexicon_version, created_at,
                               decided_by, decided_at, decision_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                 CASE WHEN $14::text IS NULL THEN NULL ELSE now() END, $15)
         ON CONFLICT (id) DO NOTHING
         RETURNING *`,
        [
          c.id, c.articleId, c.parentId, c.authorName, c.authorEmail, c.ip, c.userAgent, c.content,
          req.status, JSON.stringify(req.verdict), req.verdict.action, req.verdict.lexiconVersion, c.createdAt,
          req.decidedBy, req.decisionReason,
        ],
      );
      if (inserted.rows.length === 0) {
        const existing = await this.findByIdIn(tx, c.id);
        return { comment: existing!, created: false };
      }
      if (req.status === 'rejected' && req.decidedBy) {
        await tx.query(
          `INSERT INTO decisions (comment_id, decision, decided_by, previous_status, reason)
           VALUES ($1, 'reject', $2, 'queued', $3)`,
          [c.id, req.decidedBy, req.decisionReason],
        );
      }
      return { comment: commentFromRow(inserted.rows[0]), created: true };
    });
  }

  async findById(id: string): Promise<Comment | null> {
    return this.findByIdIn(this.db, id);
  }

  private async findByIdIn(q: Queryable, id: string): Promise<Comment | null> {
    const { rows } = await q.query<CommentRow>('SELECT * FROM comments WHERE id = $1', [id]);
    return rows[0] ? commentFromRow(rows[0]) : null;
  }

  /** The moderation queue and its searches (keyset pages; see comment-listing.ts). */
  listForModeration(req: ModerationListRequest): Promise<ListPage<Comment>> {
    return listForModeration(this.db, req);
  }

  /** Approved comments of one article, oldest first, public fields only. */
  listPublished(req: PublishedListRequest): Promise<ListPage<PublishedComment>> {
    return listPublished(this.db, req);
  }

  /** True when `id` is an approved comment of `articleId` (replies may only answer those). */
  async isApprovedInArticle(id: string, articleId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM comments WHERE id = $1 AND article_id = $2 AND status = 'approved'`,
      [id, articleId],
    );
    return rows.length > 0;
  }
}
