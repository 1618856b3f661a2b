/** The audit log as the moderator pages read it: newest first, a page at a time, by action kind. */
import type { Db } from '../store/db.js';
import { AuditLogStore, type AuditEntry } from '../store/audit-log.js';

export type { AuditEntry };

/** The action kinds the page filters on (prefixes of `action`). */
export const AUDIT_KINDS = ['comment.', 'ban.', 'lexicon.', 'moderator.'] as const;

export function auditService(db: Db) {
  const store = new AuditLogStore(db);
  return {
    list: (req: { beforeId?: number; kind?: string; limit?: number }) =>
      store.list({
        limit: req.limit ?? 100,
        beforeId: req.beforeId,
        actionPrefix: AUDIT_KINDS.find((k) => k === req.kind),
      }),
  };
}
