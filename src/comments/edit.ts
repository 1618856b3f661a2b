import { AppError } from '../errors.js';
import { publishOutboxEntries } from '../publish/jobs.js';
import type { AuditEntry, AuditStore } from '../store/audit.js';
import type { CommentEditStore, Refused } from '../store/comment-edits.js';
import { type DecideDeps, publishCountChange } from './decide.js';
import { publishEvent } from './events.js';
import type { Comment } from './types.js';

/** A decision's after-steps (count cache, outbox, live event) and the filter, with the edit store and the audit log. */
export interface EditDeps extends Omit<DecideDeps, 'decisions'> {
  commentEdits: Pick<CommentEditStore, 'edit' | 'reopen'>;
  audit: Pick<AuditStore, 'listForTarget'>;
}

export interface EditRequest {
  commentId: string;
  /** Already checked and normalised like a reader's content (submission.ts contentSchema). */
  content: string;
  moderatorId: string;
}

/** not_found, or already_decided naming the status that refused the change. */
function refusal(result: Refused): AppError {
  if (result.outcome === 'not_found') return new AppError('not_found');
  return new AppError('already_decided', { status: result.comment.status, decidedBy: result.comment.decidedBy });
}

async function editComment(deps: EditDeps, req: EditRequest): Promise<Comment> {
  const verdict = deps.filter.evaluate(req.content);
  const result = await deps.commentEdits.edit(req.commentId, { content: req.content, verdict, editedBy: req.moderatorId }, [
    'pending',
    'approved',
  ]);
  if (result.outcome !== 'edited') throw refusal(result);
  const { comment } = result;
  await publishEvent(deps.redis, deps.keys.eventsChannel, {
    type: 'comment.edited',
    id: comment.id,
    articleId: comment.articleId,
    status: comment.status,
    editedBy: req.moderatorId,
    at: new Date().toISOString(),
  });
  return comment;
}

async function reopenComment(deps: EditDeps, req: { commentId: string; moderatorId: string }): Promise<Comment> {
  const at = new Date().toISOString();
  const result = await deps.commentEdits.reopen({
    commentId: req.commentId,
    reopenedBy: req.moderatorId,
    allowedFrom: ['approved', 'rejected'],
    // No decisions row: the job ids (and X-Webhook-Id) are made unique by the time instead.
    outbox: ({ comment, count }) =>
      publishOutboxEntries(deps.config, {
        event: 'comment.unpublished',
        articleId: comment.articleId,
        commentId: comment.id,
        at,
        count: count.count,
      }),
  });
  if (result.outcome !== 'reopened') throw refusal(result);
  const { comment, count, outbox, previousStatus } = result;
  await publishCountChange(deps, comment, count, outbox);
  await publishEvent(deps.redis, deps.keys.eventsChannel, {
    type: 'comment.reopened',
    id: comment.id,
    articleId: comment.articleId,
    status: 'pending',
    previousStatus,
    by: req.moderatorId,
    at,
  });
  return comment;
}

/** Editing, reopening and the history of one comment, over the composition root's stores. */
export function createCommentEditService(deps: EditDeps) {
  return {
    edit: (req: EditRequest) => editComment(deps, req),
    reopen: (req: { commentId: string; moderatorId: string }) => reopenComment(deps, req),
    /** Every audit entry of one comment (decisions, edits with both texts, reopenings), oldest first. */
    history: (commentId: string): Promise<AuditEntry[]> => deps.audit.listForTarget('comment', commentId),
  };
}

export type CommentEditService = ReturnType<typeof createCommentEditService>;
