/**
 * SQL for per-article approved counts (article_counts), the record behind GET /v1/counts.
 * Counts change only inside a decision's transaction (src/store/decisions.ts). Each change
 * bumps a strictly increasing `version` (microseconds of updated_at), so the Redis cache can
 * refuse a stale value written after a newer one (src/publish/count-cache.ts).
 */
import type { Db, Queryable } from './db.js';

export interface ArticleCount {
  articleId: string;
  count: number;
  /** Microseconds since the epoch of the last change; 0 for an article never counted. */
  version: number;
}

interface CountRow {
  article_id: string;
  approved_count: number;
  version: number | string;
}

const toCount = (row: CountRow): ArticleCount => ({
  articleId: row.article_id,
  count: Number(row.approved_count),
  version: Number(row.version),
});

const VERSION = `(extract(epoch FROM updated_at) * 1000000)::bigint AS version`;

export class CountStore {
  constructor(private readonly db: Db) {}

  /**
   * Adds `delta` (+1 or -1) inside the caller's transaction. The row lock of the upsert
   * serialises concurrent decisions on one article; updated_at never goes backwards.
   */
  async adjustIn(tx: Queryable, articleId: string, delta: number): Promise<ArticleCount> {
    const { rows } = await tx.query<CountRow>(
      `INSERT INTO article_counts AS a (article_id, approved_count, updated_at)
       VALUES ($1, GREATEST($2::int, 0), clock_timestamp())
       ON CONFLICT (article_id) DO UPDATE
         SET approved_count = a.approved_count + $2::int,
             updated_at = GREATEST(clock_timestamp(), a.updated_at + interval '1 microsecond')
       RETURNING article_id, approved_count, ${VERSION}`,
      [articleId, delta],
    );
    return toCount(rows[0]);
  }

  /** Counts of the given articles; unknown ones are absent from the map. */
  async read(articleIds: readonly string[]): Promise<Map<string, ArticleCount>> {
    const found = new Map<string, ArticleCount>();
    if (articleIds.length === 0) return found;
    const { rows } = await this.db.query<CountRow>(
      `SELECT article_id, approved_count, ${VERSION} FROM article_counts WHERE article_id = ANY($1::text[])`,
      [articleIds],
    );
    for (const row of rows) found.set(row.article_id, toCount(row));
    return found;
  }
}
