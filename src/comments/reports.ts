/**
 * Readers report approved comments (API.md "Reports by readers"). A report never unpublishes:
 * it puts the comment on the moderators' reported list (src/moderation/reports.ts) and tells
 * live screens. The same reader reporting the same comment again changes nothing, and is
 * answered the same, so a reader cannot learn whether it had reported before from the answer.
 */
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import type { RedisKeys } from '../store/keys.js';
import type { NewReport, ReportStore } from '../store/reports.js';
import { publishEvent } from './events.js';
import { assertCommentId } from './likes.js';

export const REPORT_NOTE_MAX_LENGTH = 500;

export interface ReaderReportDeps {
  reports: Pick<ReportStore, 'report'>;
  redis: Redis;
  keys: Pick<RedisKeys, 'eventsChannel'>;
}

export function createReaderReportService(deps: ReaderReportDeps) {
  return {
    async report(req: NewReport): Promise<void> {
      assertCommentId(req.commentId);
      const result = await deps.reports.report(req);
      if (result.outcome === 'not_found') throw new AppError('not_found');
      if (result.outcome === 'repeated') return;
      await publishEvent(deps.redis, deps.keys.eventsChannel, {
        type: 'comment.reported',
        id: req.commentId,
        articleId: result.articleId,
        status: 'approved',
        openReports: result.openReports,
        at: new Date().toISOString(),
      });
    },
  };
}

export type ReaderReportService = ReturnType<typeof createReaderReportService>;
