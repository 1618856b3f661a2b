/**
 * Providers wrap a handler and resolve what it works on, so the handler body is only the
 * happy path (bull-board's queueProvider/jobProvider).
 *
 * withComment: loads the comment of `input.id` from PostgreSQL, or, when the moderation
 * worker has not written it yet, from its waiting job (status `queued`); 404 not_found
 * otherwise.
 */
import { AppError } from '../../../errors.js';
import type { Services } from '../../../services.js';
import { adminComment, queuedComment, type AdminComment } from '../serialize.js';
import type { AdminHandler, AdminRequest } from './types.js';

const WAITING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export async function findAdminComment(services: Pick<Services, 'comments' | 'queues'>, id: string): Promise<AdminComment | null> {
  const stored = await services.comments.findById(id);
  if (stored) return adminComment(stored);
  const job = await services.queues.moderation.getJob(id);
  if (job?.data?.comment && WAITING_STATES.has(await job.getState())) return queuedComment(job.data.comment);
  return null;
}

export function withComment<I extends { id: string }, R>(
  handler: (services: Services, req: AdminRequest<I> & { comment: AdminComment }) => Promise<R>,
): AdminHandler<I, R> {
  return async function commentProvider(services, req) {
    const comment = await findAdminComment(services, req.input.id);
    if (!comment) throw new AppError('not_found');
    return handler(services, { ...req, comment });
  };
}
