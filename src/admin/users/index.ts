/**
 * Admins manage moderator accounts: create (scrypt hash via the auth module), disable or
 * enable, reset a password. Every change is audited; passwords never reach the log.
 * A disabled account loses its sessions at once: requireSession() re-reads the account on
 * every request.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { AuditStore } from '../../store/audit.js';
import { ModeratorAccountStore, type AccountSummary } from '../../store/moderator-accounts.js';
import type { ModeratorRole } from '../../store/moderators.js';
import { hashPassword } from '../auth/index.js';

export type { AccountSummary };

export function userService(db: Db) {
  const accounts = new ModeratorAccountStore(db);
  const audit = new AuditStore(db);

  const change = async (
    actorId: string,
    action: string,
    targetId: string,
    run: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<AccountSummary | null>,
    details: Record<string, unknown> = {},
  ) =>
    db.transaction(async (tx) => {
      const account = await run(tx);
      if (!account) throw new AppError('not_found');
      await audit.recordIn(tx, { actor: actorId, action, targetType: 'moderator', targetId, details: { email: account.email, ...details } });
      return account;
    });

  return {
    list: () => accounts.list(),

    async create(actorId: string, input: { email: string; displayName: string | null; role: ModeratorRole; password: string }) {
      const passwordHash = await hashPassword(input.password);
      const id = randomUUID();
      return db.transaction(async (tx) => {
        const created = await accounts.create({ id, email: input.email.trim(), displayName: input.displayName, role: input.role, passwordHash }, tx);
        if (!created) throw new AppError('conflict', { fields: { email: 'already used' } });
        await audit.recordIn(tx, { actor: actorId, action: 'moderator.create', targetType: 'moderator', targetId: id, details: { email: created.email, role: created.role } });
        return created;
      });
    },

    async setDisabled(actorId: string, id: string, disabled: boolean) {
      // Locking yourself out would leave a newsroom without an admin by one click.
      if (disabled && id === actorId) throw new AppError('forbidden');
      return change(actorId, disabled ? 'moderator.disable' : 'moderator.enable', id, (tx) => accounts.setDisabled(id, disabled, tx));
    },

    async resetPassword(actorId: string, id: string, password: string) {
      const passwordHash = await hashPassword(password);
      return change(actorId, 'moderator.reset_password', id, (tx) => accounts.setPasswordHash(id, passwordHash, tx));
    },
  };
}
