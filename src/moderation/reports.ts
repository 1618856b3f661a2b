/**
 * What moderators do with readers' reports: the reported list (approved comments with open
 * reports, most reported first), each comment's open reports by reason, and dismissing them
 * (audited; the comment stays published). Rejecting a reported comment is an ordinary
 * decision (src/comments/decide.ts, with force): it unpublishes it, and the reported list
 * only holds approved comments, so it leaves the list.
 */
import type { Redis } from 'ioredis';
import { publishEvent } from '../comments/events.js';
import type { Comment } from '../comments/types.js';
import { AppError } from '../errors.js';
import type { AuditStore } from '../store/audit.js';
import type { CommentListing, ListPage, ReportedListRequest } from '../store/comment-listing.js';
import type { Db } from '../store/db.js';
import type { RedisKeys } from '../store/keys.js';
import type { ReportRecord, ReportStore, ReportSummary } from '../store/reports.js';
import { changeOneAudited } from './audited-change.js';

export interface ReportReviewDeps {
  reports: Pick<ReportStore, 'summaries' | 'dismissIn' | 'ofComment'>;
  commentListing: Pick<CommentListing, 'listReported'>;
  db: Pick<Db, 'transaction'>;
  audit: Pick<AuditStore, 'recordIn'>;
  redis: Redis;
  keys: Pick<RedisKeys, 'eventsChannel'>;
}

export function createReportReviewService(deps: ReportReviewDeps) {
  return {
    /** The reported list; a cursor of another list is `400 validation_failed` naming `cursor`. */
    async listReported(req: ReportedListRequest): Promise<ListPage<Comment>> {
      const page = await deps.commentListing.listReported(req);
      if (!page) throw new AppError('validation_failed', { fields: { cursor: 'invalid' } });
      return page;
    },

    /** Open reports of the given comments, in one query: `{open: 0, reasons: {}}` for those without. */
    summaries: (commentIds: readonly string[]): Promise<Map<string, ReportSummary>> => deps.reports.summaries(commentIds),

    /** Every report of one comment, oldest first, dismissed ones included. */
    history: (commentId: string): Promise<ReportRecord[]> => deps.reports.ofComment(commentId),

    /** Dismisses every open report of a comment (`404 not_found` when there is no such comment). */
    async dismiss(commentId: string, moderatorId: string): Promise<Comment> {
      const { comment } = await changeOneAudited(
        deps,
        (tx) => deps.reports.dismissIn(tx, commentId, moderatorId),
        ({ comment, dismissed }) => ({
          actor: moderatorId,
          action: 'comment.reports_dismiss',
          targetType: 'comment',
          targetId: comment.id,
          details: { articleId: comment.articleId, status: comment.status, dismissed },
        }),
      );
      await publishEvent(deps.redis, deps.keys.eventsChannel, {
        type: 'comment.reports_dismissed',
        id: comment.id,
        articleId: comment.articleId,
        status: comment.status,
        by: moderatorId,
        at: new Date().toISOString(),
      });
      return comment;
    },
  };
}

export type ReportReviewService = ReturnType<typeof createReportReviewService>;
