/**
 * The queue page's comments with what a moderator needs around them (issue 14): the article's
 * title and link and the comment a reply answers (CommentContextStore, one query per page), and
 * the readers' open reports; and the "Bị báo cáo" tab's list.
 *
 * Reports come from the reactions side (ReportReviewService, branch r14-data-reactions), read
 * here through the small interface below: the page works, without reports, before that service
 * is part of `services`, and uses it as soon as it is.
 */
import type { Comment } from '../../comments/types.js';
import type { Services } from '../../services.js';
import type { ListPage } from '../../store/comment-listing.js';
import type { ListPosition } from '../../store/page-cursor.js';
import type { QueueComment } from './components/card-context.js';

type ReportSummary = { open: number; reasons: Record<string, number> };

interface ReportReview {
  listReported(req: { articleId?: string; limit: number; after?: ListPosition }): Promise<ListPage<Comment>>;
  summaries(ids: readonly string[]): Promise<Map<string, ReportSummary>>;
}

const reportReview = (services: object): ReportReview | undefined =>
  (services as { reportReviewService?: ReportReview }).reportReviewService;

/** Approved comments with open reports, most reported first; a cursor of another list starts over. */
export async function listReported(
  services: object,
  req: { articleId?: string; limit: number; after?: ListPosition },
): Promise<ListPage<Comment>> {
  const reports = reportReview(services);
  if (!reports) return { items: [], next: null };
  return reports.listReported(req).catch(() => reports.listReported({ ...req, after: undefined }));
}

export async function inQueueContext(services: Pick<Services, 'commentContext'>, comments: readonly Comment[]): Promise<QueueComment[]> {
  const [context, reports] = await Promise.all([
    services.commentContext.of(comments),
    reportReview(services)?.summaries(comments.map((c) => c.id)),
  ]);
  return comments.map((c) => ({
    ...c,
    article: context.articles.get(c.articleId) ?? { id: c.articleId, title: null, url: null },
    parent: c.parentId ? (context.parents.get(c.parentId) ?? null) : null,
    reports: reports?.get(c.id),
  }));
}
