/**
 * SQL of a moderator's edit of a comment's text and of reopening a decided comment, each one
 * transaction that locks the row, checks its status, writes it and its audit row (and, when
 * reopening an approved comment, the article's count and the publish jobs, as decisions.ts
 * does). The rules (which statuses, what the verdict becomes) live in src/comments/edit.ts.
 *
 * An edit keeps the reader's own text in original_content the first time (never overwritten
 * by a later edit), puts the new text in content (what readers see), and stores the verdict of
 * the new text, so the reasons' start/end still index `content`.
 */
import type { Comment, StoredStatus } from '../comments/types.js';
import type { Verdict } from '../filters/index.js';
import type { AuditStore } from './audit.js';
import { commentFromRow, type CommentRow } from './comment-row.js';
import type { ArticleCount, CountStore } from './counts.js';
import type { Db, Queryable } from './db.js';
import type { OutboxEntry, OutboxStore } from './outbox.js';

export interface TextEdit {
  content: string;
  /** The filter's verdict of the new text. */
  verdict: Verdict;
  /** Moderator id. */
  editedBy: string;
}

/** Locked row in a status the caller did not allow, or no such row. */
export type Refused = { outcome: 'not_found' } | { outcome: 'conflict'; comment: Comment };

export type EditResult = { outcome: 'edited'; comment: Comment } | Refused;

export type ReopenResult =
  | { outcome: 'reopened'; comment: Comment; previousStatus: StoredStatus; count: ArticleCount | null; outbox: readonly OutboxEntry[] }
  | Refused;

export interface ReopenRequest {
  commentId: string;
  /** Moderator id. */
  reopenedBy: string;
  allowedFrom: readonly StoredStatus[];
  /** Publish jobs when the approved count dropped, written in the same transaction. */
  outbox: (facts: { comment: Comment; count: ArticleCount }) => readonly OutboxEntry[];
}

/** Locks the comment and answers it, or why it may not change. */
async function lockIn(tx: Queryable, id: string, allowedFrom: readonly StoredStatus[]): Promise<CommentRow | Refused> {
  const current = (await tx.query<CommentRow>('SELECT * FROM comments WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (!current) return { outcome: 'not_found' };
  if (!allowedFrom.includes(current.status)) return { outcome: 'conflict', comment: commentFromRow(current) };
  return current;
}

const isRefused = (value: CommentRow | Refused): value is Refused => 'outcome' in value;

/**
 * Writes an edit of a row already locked by `tx` and audits it (`comment.edited`, both texts).
 * The same text again changes nothing and writes no audit row.
 */
export async function editLockedIn(tx: Queryable, audit: AuditStore, current: CommentRow, edit: TextEdit): Promise<CommentRow> {
  if (edit.content === current.content) return current;
  const { rows } = await tx.query<CommentRow>(
    `UPDATE comments
        SET original_content = COALESCE(original_content, content), content = $2,
            verdict = $3::jsonb, verdict_action = $3::jsonb->>'action', lexicon_version = $3::jsonb->>'lexiconVersion',
            edited_by = $4, edited_at = now()
      WHERE id = $1 RETURNING *`,
    [current.id, edit.content, JSON.stringify(edit.verdict), edit.editedBy],
  );
  await audit.recordIn(tx, {
    actor: edit.editedBy,
    action: 'comment.edited',
    targetType: 'comment',
    targetId: current.id,
    details: { before: current.content, after: edit.content, status: current.status, articleId: current.article_id },
  });
  return rows[0];
}

export class CommentEditStore {
  constructor(
    private readonly db: Db,
    private readonly counts: CountStore,
    private readonly audit: AuditStore,
    private readonly outboxStore: OutboxStore,
  ) {}

  async edit(commentId: string, edit: TextEdit, allowedFrom: readonly StoredStatus[]): Promise<EditResult> {
    return this.db.transaction(async (tx): Promise<EditResult> => {
      const current = await lockIn(tx, commentId, allowedFrom);
      if (isRefused(current)) return current;
      return { outcome: 'edited', comment: commentFromRow(await editLockedIn(tx, this.audit, current, edit)) };
    });
  }

  /** Back to pending: the decision fields are cleared, an approved comment is unpublished and uncounted. */
  async reopen(req: ReopenRequest): Promise<ReopenResult> {
    return this.db.transaction(async (tx): Promise<ReopenResult> => {
      const current = await lockIn(tx, req.commentId, req.allowedFrom);
      if (isRefused(current)) return current;
      const { rows } = await tx.query<CommentRow>(
        `UPDATE comments SET status = 'pending', decided_by = NULL, decided_at = NULL, decision_reason = NULL, published_at = NULL
          WHERE id = $1 RETURNING *`,
        [req.commentId],
      );
      const comment = commentFromRow(rows[0]);
      const previousStatus = current.status;
      await this.audit.recordIn(tx, {
        actor: req.reopenedBy,
        action: 'comment.reopened',
        targetType: 'comment',
        targetId: req.commentId,
        details: { previousStatus, status: 'pending', decidedBy: current.decided_by, articleId: comment.articleId },
      });
      const count = previousStatus === 'approved' ? await this.counts.adjustIn(tx, comment.articleId, -1) : null;
      const outbox = count ? req.outbox({ comment, count }) : [];
      await this.outboxStore.addIn(tx, outbox);
      return { outcome: 'reopened', comment, previousStatus, count, outbox };
    });
  }
}
