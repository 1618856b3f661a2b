/**
 * Word lists added by admins on top of the shipped lexicon files. Every change is written
 * and audited in one transaction, then announced on the lexicon channel so every worker
 * reloads its filter within seconds (see ./sync.ts).
 */
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import type { Tier } from '../filters/index.js';
import type { Db } from '../store/db.js';
import { AuditStore } from '../store/audit.js';
import type { RedisKeys } from '../store/keys.js';
import { LexiconStore, type LexiconEntryRecord, type LexiconKind, type LexiconLang } from '../store/lexicon.js';

export type { LexiconEntryRecord };

export interface LexiconInput {
  kind: LexiconKind;
  lang: LexiconLang;
  term: string;
  tier: Tier | null;
}

export interface LexiconDeps {
  db: Db;
  redis: Redis;
  keys: Pick<RedisKeys, 'lexiconChannel'>;
}

export function lexiconService(deps: LexiconDeps) {
  const store = new LexiconStore(deps.db);
  const audit = new AuditStore(deps.db);
  // Best effort: a lost message is healed by the workers' periodic reload (sync.ts).
  const announce = () => deps.redis.publish(deps.keys.lexiconChannel, String(Date.now())).catch(() => 0);

  return {
    list: () => store.list(),

    async add(actorId: string, input: LexiconInput): Promise<LexiconEntryRecord> {
      const term = input.term.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
      const tier = input.kind === 'term' ? (input.tier ?? 'review') : null;
      const entry = await deps.db.transaction(async (tx) => {
        const added = await store.add({ kind: input.kind, lang: input.lang, term, tier, createdBy: actorId }, tx);
        if (!added) throw new AppError('conflict', { fields: { term: 'already in the list' } });
        await audit.recordIn(tx, { actor: actorId, action: 'lexicon.add', targetType: 'lexicon', targetId: String(added.id), details: { kind: added.kind, lang: added.lang, term, tier } });
        return added;
      });
      await announce();
      return entry;
    },

    async remove(actorId: string, id: number): Promise<LexiconEntryRecord> {
      const entry = await deps.db.transaction(async (tx) => {
        const removed = await store.remove(id, tx);
        if (!removed) throw new AppError('not_found');
        await audit.recordIn(tx, { actor: actorId, action: 'lexicon.remove', targetType: 'lexicon', targetId: String(id), details: { kind: removed.kind, lang: removed.lang, term: removed.term, tier: removed.tier } });
        return removed;
      });
      await announce();
      return entry;
    },
  };
}
