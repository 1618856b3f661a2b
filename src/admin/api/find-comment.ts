/**
 * One comment for the moderator API: from PostgreSQL, or, when the moderation worker has not
 * written it yet, from its waiting job (status `queued`); null otherwise.
 */
import type { Queues } from '../../queues/index.js';
import type { CommentStore } from '../../store/comments.js';
import type { CommentContextStore } from '../../store/comment-context.js';
import { adminComment, queuedComment, withContext, type AdminComment } from './serialize.js';

const WAITING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface FindCommentDeps {
  comments: Pick<CommentStore, 'findById'>;
  queues: Pick<Queues, 'moderation'>;
  commentContext: Pick<CommentContextStore, 'of'>;
}

export async function findAdminComment(deps: FindCommentDeps, id: string): Promise<AdminComment | null> {
  const stored = await deps.comments.findById(id);
  const job = stored ? undefined : await deps.queues.moderation.getJob(id);
  const bare = stored
    ? adminComment(stored)
    : job?.data?.comment && WAITING_STATES.has(await job.getState())
      ? queuedComment(job.data.comment)
      : null;
  return bare ? (await withContext(deps.commentContext, [bare]))[0] : null;
}
