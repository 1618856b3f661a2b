/**
 * A moderator edits a comment's text, or reopens a decided comment (API.md "Editing before
 * publishing, and reopening").
 *
 * Rules:
 * - a pending or approved comment may be edited; a rejected one answers `409 already_decided`
 *   (details.status: `rejected`): reopen it first. The reader's own text is kept
 *   (originalContent), the edit is audited with both texts, and the filter's verdict is taken
 *   again on the new text so its spans index what is stored. Editing an approved comment
 *   changes what readers see at once (the public list reads PostgreSQL); the approved count
 *   does not change, so no webhook is sent (the site's count is still right);
 * - an approved or rejected comment may be reopened (back to `pending`, decision cleared);
 *   a pending one answers `409 already_decided` (details.status: `pending`). Reopening an
 *   approved comment unpublishes it: the count drops and `comment.unpublished` goes out
 *   through the outbox, exactly as a decision's publish jobs do (decide.ts);
 * - both send a live event (comment.edited, comment.reopened) so other moderators' screens follow.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { FilterEngine } from '../filters/index.js';
import type { Logger } from '../logger.js';
import type { CountCache } from '../publish/count-cache.js';
import { publishOutboxEntries } from '../publish/jobs.js';
import type { Queues } from '../queues/index.js';
import type { AuditEntry, AuditStore } from '../store/audit.js';
import type { CommentEditStore, Refused } from '../store/comment-edits.js';
import type { RedisKeys } from '../store/keys.js';
import type { OutboxStore } from '../store/outbox.js';
import { enqueueAfterCommit } from './decide.js';
import { publishEvent } from './events.js';
import type { Comment } from './types.js';

export interface EditDeps {
  commentEdits: Pick<CommentEditStore, 'edit' | 'reopen'>;
  audit: Pick<AuditStore, 'listForTarget'>;
  filter: Pick<FilterEngine, 'evaluate'>;
  outbox: Pick<OutboxStore, 'markEnqueued'>;
  countCache: Pick<CountCache, 'put'>;
  queues: Pick<Queues, 'publish'>;
  config: Pick<Config, 'webhook' | 'webhookDelivery'>;
  redis: Redis;
  keys: Pick<RedisKeys, 'eventsChannel'>;
  logger: Logger;
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
  if (count) {
    await deps.countCache.put(count);
    await enqueueAfterCommit(deps, comment, outbox);
  }
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
