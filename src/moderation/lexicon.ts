/**
 * Word lists added by admins on top of the shipped lexicon files. Every change is written
 * and audited in one transaction, then announced on the lexicon channel so every worker
 * reloads its filter within seconds (see ./lexicon-sync.ts).
 */
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import type { Tier } from '../filters/index.js';
import type { AuditStore } from '../store/audit.js';
import type { Db } from '../store/db.js';
import type { RedisKeys } from '../store/keys.js';
import { changeOneAudited } from './audited-change.js';
import type { LexiconStore, LexiconEntryRecord, LexiconKind, LexiconLang } from '../store/lexicon.js';

export type { LexiconEntryRecord };

export interface LexiconInput {
  kind: LexiconKind;
  lang: LexiconLang;
  term: string;
  tier: Tier | null;
}

/** What the word-list rules use: stores, the transaction, and Redis to announce a change. */
export interface LexiconDeps {
  db: Pick<Db, 'transaction'>;
  lexicon: LexiconStore;
  audit: AuditStore;
  redis: Pick<Redis, 'publish'>;
  keys: Pick<RedisKeys, 'lexiconChannel'>;
}

export function createLexiconService(deps: LexiconDeps) {
  const { lexicon: store, audit } = deps;
  // Best effort: a lost message is healed by the workers' periodic reload (lexicon-sync.ts).
  const announce = () => deps.redis.publish(deps.keys.lexiconChannel, String(Date.now())).catch(() => 0);

  return {
    list: () => store.list(),

    async add(actorId: string, input: LexiconInput): Promise<LexiconEntryRecord> {
      const term = input.term.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
      const tier = input.kind === 'term' ? (input.tier ?? 'review') : null;
      const entry = await deps.db.transaction(async (tx) => {
        const added = await store.add({ kind: input.kind, lang: input.lang, term, tier, createdBy: actorId }, tx);
        if (!added) throw new AppError('conflict', { fields: { term: 'already in the list' } });
        await audit.recordIn(tx, {
          actor: actorId,
          action: 'lexicon.add',
          targetType: 'lexicon',
          targetId: String(added.id),
          details: { kind: added.kind, lang: added.lang, term, tier },
        });
        return added;
      });
      await announce();
      return entry;
    },

    async remove(actorId: string, id: number): Promise<LexiconEntryRecord> {
      const entry = await changeOneAudited(
        deps,
        (tx) => store.remove(id, tx),
        ({ kind, lang, term, tier }) => ({
          actor: actorId,
          action: 'lexicon.remove',
          targetType: 'lexicon',
          targetId: String(id),
          details: { kind, lang, term, tier },
        }),
      );
      await announce();
      return entry;
    },
  };
}

export type LexiconService = ReturnType<typeof createLexiconService>;
