/**
 * One comment for the moderator API: from PostgreSQL, or, when the moderation worker has not
 * written it yet, from its waiting job (status `queued`); null otherwise.
 */
import type { Queues } from '../../queues/index.js';
import type { CommentStore } from '../../store/comments.js';
import { adminComment, queuedComment, type AdminComment } from './serialize.js';

const WAITING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface FindCommentDeps {
  comments: Pick<CommentStore, 'findById'>;
  queues: Pick<Queues, 'moderation'>;
}

export async function findAdminComment(deps: FindCommentDeps, id: string): Promise<AdminComment | null> {
  const stored = await deps.comments.findById(id);
  if (stored) return adminComment(stored);
  const job = await deps.queues.moderation.getJob(id);
  if (job?.data?.comment && WAITING_STATES.has(await job.getState())) return queuedComment(job.data.comment);
  return null;
}
