/**
 * Admins manage moderator accounts: create (scrypt hash, ./password.ts), disable or
 * enable, reset a password. Every change is audited; passwords never reach the log.
 * A password reset or a disabled account ends every session of that moderator at once (they
 * are deleted from Redis, so re-enabling the account does not bring them back); a moderator
 * changing their own password keeps only the session they changed it from.
 * Every new password passes src/util/password-policy.ts first (400 validation_failed
 * naming `password`, worded in `lang`).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Lang } from '../../http/messages.js';
import type { AuditStore } from '../../store/audit.js';
import type { Db, Queryable } from '../../store/db.js';
import type { AccountSummary, ModeratorRole, ModeratorStore } from '../../store/moderators.js';
import { assertPasswordAllowed } from '../../util/password-policy.js';
import { changeOneAudited } from '../audited-change.js';
import { hashPassword, verifyPassword } from './password.js';
import { revokeSessions, type SessionDeps } from './sessions.js';

export type { AccountSummary };

/** What managing accounts uses: the stores, the transaction, and the sessions to end. */
export interface ModeratorDeps {
  db: Pick<Db, 'transaction'>;
  moderators: ModeratorStore;
  audit: AuditStore;
  sessions: SessionDeps;
}

export function createModeratorService({ db, moderators, audit, sessions }: ModeratorDeps) {
  /** Ends a moderator's sessions but `keep`. */
  const endSessions = (moderatorId: string, keep?: string) => revokeSessions(sessions, moderatorId, { keep });

  /** One account changed by id, audited with its email (and `details`) in the same transaction. */
  const change = (
    actorId: string,
    action: string,
    targetId: string,
    run: (tx: Queryable) => Promise<AccountSummary | null>,
    details: Record<string, unknown> = {},
  ) =>
    changeOneAudited({ db, audit }, run, (account) => ({
      actor: actorId,
      action,
      targetType: 'moderator',
      targetId,
      details: { email: account.email, ...details },
    }));

  return {
    list: () => moderators.list(),

    async create(
      actorId: string,
      input: { email: string; displayName: string | null; role: ModeratorRole; password: string },
      lang?: Lang,
    ) {
      assertPasswordAllowed(input.password, { email: input.email, lang });
      const passwordHash = await hashPassword(input.password);
      const id = randomUUID();
      return db.transaction(async (tx) => {
        const created = await moderators.createIfAbsent(
          { id, email: input.email.trim(), displayName: input.displayName, role: input.role, passwordHash },
          tx,
        );
        if (!created) throw new AppError('conflict', { fields: { email: 'already used' } });
        await audit.recordIn(tx, {
          actor: actorId,
          action: 'moderator.create',
          targetType: 'moderator',
          targetId: id,
          details: { email: created.email, role: created.role },
        });
        return created;
      });
    },

    async setDisabled(actorId: string, id: string, disabled: boolean) {
      // Locking yourself out would leave a newsroom without an admin by one click.
      if (disabled && id === actorId) throw new AppError('forbidden');
      const account = await change(actorId, disabled ? 'moderator.disable' : 'moderator.enable', id, (tx) =>
        moderators.setDisabled(id, disabled, tx),
      );
      if (disabled) await endSessions(id);
      return account;
    },

    /** An admin sets a password; resetting one's own keeps `actorSessionId`, the session it came from. */
    async resetPassword(actorId: string, id: string, password: string, options: { actorSessionId?: string; lang?: Lang } = {}) {
      // The policy reads the account's email ("its name plus digits"); an unknown id stays a 404 below.
      assertPasswordAllowed(password, { email: (await moderators.findById(id))?.email, lang: options.lang });
      const passwordHash = await hashPassword(password);
      const account = await change(actorId, 'moderator.reset_password', id, (tx) => moderators.setPasswordHash(id, passwordHash, tx));
      await endSessions(id, id === actorId ? options.actorSessionId : undefined);
      return account;
    },

    /**
     * A moderator changes their own password, proving the current one (400 validation_failed
     * naming currentPassword otherwise); every other session of theirs ends.
     */
    async changeOwnPassword(actorId: string, sessionId: string, currentPassword: string, password: string, lang?: Lang) {
      const self = await moderators.findById(actorId);
      assertPasswordAllowed(password, { email: self?.email, lang });
      if (!self || !(await verifyPassword(currentPassword, self.passwordHash))) {
        throw new AppError('validation_failed', { fields: { currentPassword: 'wrong password' } });
      }
      const passwordHash = await hashPassword(password);
      const account = await change(actorId, 'moderator.change_password', actorId, (tx) =>
        moderators.setPasswordHash(actorId, passwordHash, tx),
      );
      await endSessions(actorId, sessionId);
      return account;
    },
  };
}

export type ModeratorService = ReturnType<typeof createModeratorService>;
