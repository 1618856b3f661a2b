/**
 * SQL for the word-list entries admins add on top of the lexicon files: terms (with a tier)
 * and allowlist entries. Workers load them all into the filter at start and on every change.
 */
import type { CustomLexicon, Tier } from '../filters/index.js';
import type { Queryable } from './db.js';

export type LexiconKind = 'term' | 'allow';
export type LexiconLang = 'vi' | 'en';

export interface LexiconEntryRecord {
  id: number;
  kind: LexiconKind;
  lang: LexiconLang;
  term: string;
  /** Set for terms, null for allowlist entries. */
  tier: Tier | null;
  createdBy: string;
  createdAt: Date;
}

interface LexiconRow {
  id: number | string;
  kind: LexiconKind;
  lang: LexiconLang;
  term: string;
  tier: Tier | null;
  created_by: string;
  created_at: Date | string;
}

function fromRow(row: LexiconRow): LexiconEntryRecord {
  return {
    id: Number(row.id),
    kind: row.kind,
    lang: row.lang,
    term: row.term,
    tier: row.tier,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
  };
}

export interface AddLexiconEntryRequest {
  kind: LexiconKind;
  lang: LexiconLang;
  term: string;
  tier: Tier | null;
  createdBy: string;
}

export class LexiconStore {
  constructor(private readonly db: Queryable) {}

  async list(): Promise<LexiconEntryRecord[]> {
    const { rows } = await this.db.query<LexiconRow>(`SELECT * FROM lexicon_entries ORDER BY kind, lang, term`);
    return rows.map(fromRow);
  }

  /** Null when the same (kind, lang, term) already exists. */
  async add(req: AddLexiconEntryRequest, q: Queryable = this.db): Promise<LexiconEntryRecord | null> {
    const { rows } = await q.query<LexiconRow>(
      `INSERT INTO lexicon_entries (kind, lang, term, tier, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, lang, term) DO NOTHING RETURNING *`,
      [req.kind, req.lang, req.term, req.kind === 'term' ? req.tier : null, req.createdBy],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** The removed entry, or null when there was none. */
  async remove(id: number, q: Queryable = this.db): Promise<LexiconEntryRecord | null> {
    const { rows } = await q.query<LexiconRow>(`DELETE FROM lexicon_entries WHERE id = $1 RETURNING *`, [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Every entry in the shape the filter engine takes (`FilterEngine.setCustom`). */
  async loadCustom(): Promise<CustomLexicon> {
    const entries = await this.list();
    return {
      terms: entries.filter((e) => e.kind === 'term').map((e) => ({ lang: e.lang, term: e.term, tier: e.tier ?? 'review' })),
      allow: entries.filter((e) => e.kind === 'allow').map((e) => e.term),
    };
  }
}
