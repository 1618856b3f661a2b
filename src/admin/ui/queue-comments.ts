/**
 * The queue page's comments with what a moderator needs around them (issue 14): the article's
 * title and link and the comment a reply answers (CommentContextStore, one query per page), and
 * the readers' open reports (ReportReviewService); and the "Bị báo cáo" tab's list.
 */
import type { Comment } from '../../comments/types.js';
import { AppError } from '../../errors.js';
import type { Services } from '../../services.js';
import type { ListPage } from '../../store/comment-listing.js';
import type { ListPosition } from '../../store/page-cursor.js';
import type { QueueComment } from './components/card-context.js';

/** Approved comments with open reports, most reported first; a cursor of another list starts over. */
export async function listReported(
  services: Pick<Services, 'reportReviewService'>,
  req: { articleId?: string; limit: number; after?: ListPosition },
): Promise<ListPage<Comment>> {
  const reports = services.reportReviewService;
  return reports.listReported(req).catch((error: unknown) => {
    // Only a cursor of another list starts over; anything else (the database down) is an error page.
    if (error instanceof AppError && error.code === 'validation_failed' && req.after)
      return reports.listReported({ ...req, after: undefined });
    throw error;
  });
}

export async function inQueueContext(
  services: Pick<Services, 'commentContext' | 'reportReviewService'>,
  comments: readonly Comment[],
): Promise<QueueComment[]> {
  const [context, reports] = await Promise.all([
    services.commentContext.of(comments),
    services.reportReviewService.summaries(comments.map((c) => c.id)),
  ]);
  return comments.map((c) => ({
    ...c,
    article: context.articles.get(c.articleId) ?? { id: c.articleId, title: null, url: null },
    parent: c.parentId ? (context.parents.get(c.parentId) ?? null) : null,
    reports: reports.get(c.id),
  }));
}
