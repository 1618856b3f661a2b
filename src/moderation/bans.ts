/**
 * Bans: a moderator bans an email and/or an IP for a while; the moderation worker rejects
 * that commenter's new comments with the rule `ban`. Creating and lifting are audited in the
 * same transaction as the change.
 */
import { AppError } from '../errors.js';
import type { Reason } from '../filters/index.js';
import type { AuditStore } from '../store/audit.js';
import type { BanStore, Ban } from '../store/bans.js';
import type { Db } from '../store/db.js';
import { changeOneAudited } from './audited-change.js';

export type { Ban };

export interface BanInput {
  email: string | null;
  ip: string | null;
  reason: string | null;
  /** Null: until lifted. */
  durationDays: number | null;
}

/** The verdict reason the worker stores for a banned commenter's comment. */
export const BAN_REASON: Reason = { rule: 'ban', tier: 'block', match: '', start: 0, end: 0 };

/** What the ban rules use: the stores, and the database for the change + audit transaction. */
export interface BanDeps {
  db: Pick<Db, 'transaction'>;
  bans: BanStore;
  audit: AuditStore;
}

export function createBanService({ db, bans, audit }: BanDeps) {
  return {
    listActive: () => bans.listActive(),
    findActive: (query: { email: string | null; ip: string | null }) => bans.findActive(query),

    async create(actorId: string, input: BanInput, now = new Date()): Promise<Ban> {
      const email = input.email?.trim().toLowerCase() || null;
      const ip = input.ip?.trim() || null;
      if (!email && !ip) throw new AppError('validation_failed', { fields: { email: 'email or ip is required' } });
      const expiresAt = input.durationDays === null ? null : new Date(now.getTime() + input.durationDays * 86_400_000);
      return db.transaction(async (tx) => {
        const ban = await bans.create({ email, ip, reason: input.reason?.trim() || null, expiresAt, createdBy: actorId }, tx);
        await audit.recordIn(tx, {
          actor: actorId,
          action: 'ban.create',
          targetType: 'ban',
          targetId: String(ban.id),
          details: { email, ip, reason: ban.reason, expiresAt: expiresAt?.toISOString() ?? null },
        });
        return ban;
      });
    },

    lift: (actorId: string, id: number): Promise<Ban> =>
      changeOneAudited(
        { db, audit },
        (tx) => bans.lift(id, actorId, tx),
        (ban) => ({
          actor: actorId,
          action: 'ban.lift',
          targetType: 'ban',
          targetId: String(id),
          details: { email: ban.email, ip: ban.ip },
        }),
      ),
  };
}

export type BanService = ReturnType<typeof createBanService>;
