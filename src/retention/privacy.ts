/**
 * Privacy requests: everything stored about one email address (comments with their IP and
 * user agent if still kept, the decisions on them, bans naming the address) as one document
 * to hand to the person. Every export is audited with who asked, never the address: the log
 * must not become a second copy of the personal data being exported.
 */
import type { AuditStore } from '../store/audit.js';
import type { Queryable } from '../store/db.js';
import { personalDataByEmail, type PersonalDataRows } from '../store/retention.js';

export interface PersonalDataExport extends PersonalDataRows {
  email: string;
  exportedAt: string;
}

export interface PrivacyDeps {
  db: Queryable;
  audit: Pick<AuditStore, 'recordIn'>;
}

export function createPrivacyService({ db, audit }: PrivacyDeps) {
  return {
    /** For a privacy request by `actor` (a moderator id, or `cli`): every row tied to `email`. */
    async exportPersonalData(actor: string, email: string, now: Date = new Date()): Promise<PersonalDataExport> {
      const rows = await personalDataByEmail(db, email.trim());
      await audit.recordIn(db, {
        actor,
        action: 'privacy.export',
        targetType: 'privacy',
        targetId: null,
        details: { comments: rows.comments.length, decisions: rows.decisions.length, bans: rows.bans.length },
      });
      return { email: email.trim(), exportedAt: now.toISOString(), ...rows };
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
