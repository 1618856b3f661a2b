/**
 * One comment for the moderator API: from PostgreSQL, or, when the moderation worker has not
 * written it yet, from its waiting job (status `queued`); null otherwise.
 */
import type { Comment } from '../../comments/types.js';
import type { Queues } from '../../queues/index.js';
import type { CommentStore } from '../../store/comments.js';
import type { ReportReviewService } from '../../moderation/reports.js';
import { adminComments, queuedComment, type AdminComment } from './serialize.js';

const WAITING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface FindCommentDeps {
  comments: Pick<CommentStore, 'findById'>;
  queues: Pick<Queues, 'moderation'>;
  reportReviewService: Pick<ReportReviewService, 'summaries'>;
}

/** A stored comment as the moderator API answers it, with its open reports. */
export async function storedAdminComment(deps: Pick<FindCommentDeps, 'reportReviewService'>, comment: Comment): Promise<AdminComment> {
  const [answer] = await adminComments([comment], deps.reportReviewService.summaries);
  return answer;
}

export async function findAdminComment(deps: FindCommentDeps, id: string): Promise<AdminComment | null> {
  const stored = await deps.comments.findById(id);
  if (stored) return storedAdminComment(deps, stored);
  const job = await deps.queues.moderation.getJob(id);
  if (job?.data?.comment && WAITING_STATES.has(await job.getState())) return queuedComment(job.data.comment);
  return null;
}
