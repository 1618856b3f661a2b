/**
 * The preset rejection reasons moderators pick with keys 1–9. Everyone reads them; admins
 * add and remove (the route checks the role). Every change is audited in its transaction.
 */
import { AppError } from '../errors.js';
import type { AuditStore } from '../store/audit.js';
import type { Db } from '../store/db.js';
import type { RejectReasonRecord, RejectReasonStore } from '../store/reject-reasons.js';
import { changeOneAudited } from './audited-change.js';

export type { RejectReasonRecord };

export interface RejectReasonDeps {
  db: Pick<Db, 'transaction'>;
  rejectReasons: RejectReasonStore;
  audit: AuditStore;
}

export function createRejectReasonService(deps: RejectReasonDeps) {
  const { rejectReasons: store, audit } = deps;
  return {
    list: () => store.list(),

    async add(actorId: string, input: { text: string }): Promise<RejectReasonRecord> {
      const text = input.text.normalize('NFC').trim().replace(/\s+/g, ' ');
      return deps.db.transaction(async (tx) => {
        const added = await store.add({ text, createdBy: actorId }, tx);
        if (!added) throw new AppError('conflict', { fields: { text: 'already in the list' } });
        await audit.recordIn(tx, {
          actor: actorId,
          action: 'reject_reason.add',
          targetType: 'reject_reason',
          targetId: String(added.id),
          details: { text },
        });
        return added;
      });
    },

    remove: (actorId: string, id: number): Promise<RejectReasonRecord> =>
      changeOneAudited(
        deps,
        (tx) => store.remove(id, tx),
        ({ text }) => ({
          actor: actorId,
          action: 'reject_reason.remove',
          targetType: 'reject_reason',
          targetId: String(id),
          details: { text },
        }),
      ),
  };
}

export type RejectReasonService = ReturnType<typeof createRejectReasonService>;
