/** Handlers of /admin/api/comments: list, one, approve/reject, bulk. */
import { decideComment, decideMany, type BulkResult } from '../../../comments/decide.js';
import type { StoredStatus } from '../../../comments/types.js';
import { AppError } from '../../../errors.js';
import type { DecisionKind } from '../../../store/decisions.js';
import { decodeCursor, encodeCursor } from '../../../store/page-cursor.js';
import { adminComment, type AdminComment } from '../serialize.js';
import { withComment } from './providers.js';
import type { AdminHandler } from './types.js';

export interface ListInput {
  status: StoredStatus;
  articleId?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/** Pending comments come oldest first, decided ones newest first (CommentListing.list). */
export const listComments: AdminHandler<ListInput, { comments: AdminComment[]; nextCursor: string | null }> = async (
  services,
  { input },
) => {
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  if (after === null) throw new AppError('validation_failed', { fields: { cursor: 'invalid' } });
  const page = await services.commentListing.list({
    status: input.status,
    articleId: input.articleId,
    q: input.q || undefined,
    limit: input.limit,
    after,
  });
  return { comments: page.items.map(adminComment), nextCursor: page.next ? encodeCursor(page.next) : null };
};

export const getComment: AdminHandler<{ id: string }, AdminComment> = withComment(async (_services, { comment }) => comment);

export interface DecideInput {
  id: string;
  reason?: string;
  force?: boolean;
}

export function decideHandler(decision: DecisionKind): AdminHandler<DecideInput, AdminComment> {
  return async function decide(services, { input, moderator }) {
    const comment = await decideComment(services, {
      commentId: input.id,
      decision,
      moderatorId: moderator.id,
      reason: input.reason ?? null,
      force: input.force === true,
    });
    return adminComment(comment);
  };
}

export interface BulkInput {
  ids: string[];
  action: DecisionKind;
  reason?: string;
}

export const bulkDecide: AdminHandler<BulkInput, { results: BulkResult[] }> = async (services, { input, moderator }) => ({
  results: await decideMany(services, { ids: input.ids, decision: input.action, moderatorId: moderator.id, reason: input.reason ?? null }),
});
