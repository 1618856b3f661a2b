/** The audit log as the moderator pages read it: newest first, a page at a time, by action kind. */
import type { AuditEntry, AuditStore } from '../store/audit.js';

export type { AuditEntry };

/** The action kinds the page filters on (prefixes of `action`). */
export const AUDIT_KINDS = ['comment.', 'article.', 'ban.', 'lexicon.', 'moderator.'] as const;

export interface AuditDeps {
  audit: Pick<AuditStore, 'list'>;
}

export function createAuditService({ audit }: AuditDeps) {
  return {
    list: (req: { beforeId?: number; kind?: string; limit?: number }) =>
      audit.list({
        limit: req.limit ?? 100,
        beforeId: req.beforeId,
        actionPrefix: AUDIT_KINDS.find((k) => k === req.kind),
      }),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
