/**
 * SQL of a moderator's decision: one transaction that locks the comment row, changes its
 * status only if it is still in a status the caller allows (a conditional update), and
 * writes the decisions row, the audit_log row and the article's approved count together.
 * Two moderators deciding at once: the second waits for the first's lock, then sees the new
 * status and gets `conflict`. The rules (which statuses are allowed) live in
 * src/comments/decide.ts; this file only guarantees the all-or-nothing write.
 * The publish jobs a decision wants (`outbox`) are written in the same transaction
 * (src/store/outbox.ts), so they survive a Redis outage right after the commit.
 */
import type { StoredStatus } from '../comments/types.js';
import type { AuditStore } from './audit.js';
import { commentFromRow, type CommentRow } from './comment-row.js';
import type { ArticleCount, CountStore } from './counts.js';
import type { Db } from './db.js';
import type { Comment } from '../comments/types.js';
import { editLockedIn, type TextEdit } from './comment-edits.js';
import type { OutboxEntry, OutboxStore } from './outbox.js';

export type DecisionKind = 'approve' | 'reject';

export interface ApplyDecisionRequest {
  commentId: string;
  decision: DecisionKind;
  /** Moderator id. */
  decidedBy: string;
  reason: string | null;
  /** The decision is applied only when the comment's current status is one of these. */
  allowedFrom: readonly StoredStatus[];
  /**
   * The publish jobs of a decision that changed the count, written to the outbox in the same
   * transaction. Built from the decided row (its decision id, decided_at and new count).
   */
  outbox?: (decided: DecidedFacts) => readonly OutboxEntry[];
  /** A moderator's new text, written (and audited) with the decision: "edit and approve" in one step. */
  edit?: Omit<TextEdit, 'editedBy'>;
}

/** What a decision knows once written, before the commit. */
export interface DecidedFacts {
  comment: Comment;
  decisionId: number;
  count: ArticleCount;
}

export type ApplyDecisionResult =
  | {
      outcome: 'decided';
      comment: Comment;
      previousStatus: StoredStatus;
      /** Id of the decisions row (unique per decision: the publish job and webhook ids use it). */
      decisionId: number;
      /** Set when the article's approved count changed. */
      count: ArticleCount | null;
      /** The outbox rows written with the decision (empty when the count did not change). */
      outbox: readonly OutboxEntry[];
    }
  | { outcome: 'not_found' }
  /** The comment is in a status the caller did not allow; nothing was written. */
  | { outcome: 'conflict'; comment: Comment };

export class DecisionStore {
  constructor(
    private readonly db: Db,
    private readonly counts: CountStore,
    private readonly audit: AuditStore,
    private readonly outboxStore: OutboxStore,
  ) {}

  async apply(req: ApplyDecisionRequest): Promise<ApplyDecisionResult> {
    const target: StoredStatus = req.decision === 'approve' ? 'approved' : 'rejected';
    return this.db.transaction(async (tx): Promise<ApplyDecisionResult> => {
      const locked = await tx.query<CommentRow>('SELECT * FROM comments WHERE id = $1 FOR UPDATE', [req.commentId]);
      const current = locked.rows[0];
      if (!current) return { outcome: 'not_found' };
      const previousStatus = current.status;
      if (!req.allowedFrom.includes(previousStatus)) return { outcome: 'conflict', comment: commentFromRow(current) };
      if (req.edit) await editLockedIn(tx, this.audit, current, { ...req.edit, editedBy: req.decidedBy });

      // Conditional on the status we just read under the lock: belt and braces for engines
      // or isolation levels where the lock would not hold.
      const updated = await tx.query<CommentRow>(
        `UPDATE comments
            SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4,
                published_at = CASE WHEN $2 = 'approved' THEN now() ELSE NULL END
          WHERE id = $1 AND status = $5
          RETURNING *`,
        [req.commentId, target, req.decidedBy, req.reason, previousStatus],
      );
      if (!updated.rows[0]) return { outcome: 'conflict', comment: commentFromRow(current) };
      const comment = commentFromRow(updated.rows[0]);
      const overturn = previousStatus !== 'pending';

      const decision = await tx.query<{ id: number | string }>(
        `INSERT INTO decisions (comment_id, decision, decided_by, previous_status, reason, overturn)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [req.commentId, req.decision, req.decidedBy, previousStatus, req.reason, overturn],
      );
      await this.audit.recordIn(tx, {
        actor: req.decidedBy,
        action: `comment.${req.decision}`,
        targetType: 'comment',
        targetId: req.commentId,
        details: { previousStatus, status: target, reason: req.reason, overturn, articleId: comment.articleId },
      });

      const delta = (target === 'approved' ? 1 : 0) - (previousStatus === 'approved' ? 1 : 0);
      const count = delta === 0 ? null : await this.counts.adjustIn(tx, comment.articleId, delta);
      const decisionId = Number(decision.rows[0].id);
      const outbox = count && req.outbox ? req.outbox({ comment, decisionId, count }) : [];
      await this.outboxStore.addIn(tx, outbox);
      return { outcome: 'decided', comment, previousStatus, decisionId, count, outbox };
    });
  }

  /** The decisions of one comment, oldest first (tests and the moderator pages' history). */
  async listForComment(
    commentId: string,
  ): Promise<
    Array<{ decision: DecisionKind; decidedBy: string; previousStatus: string; reason: string | null; overturn: boolean; createdAt: Date }>
  > {
    const { rows } = await this.db.query<{
      decision: DecisionKind;
      decided_by: string;
      previous_status: string;
      reason: string | null;
      overturn: boolean;
      created_at: Date | string;
    }>('SELECT * FROM decisions WHERE comment_id = $1 ORDER BY created_at, id', [commentId]);
    return rows.map((r) => ({
      decision: r.decision,
      decidedBy: r.decided_by,
      previousStatus: r.previous_status,
      reason: r.reason,
      overturn: r.overturn,
      createdAt: new Date(r.created_at),
    }));
  }
}
