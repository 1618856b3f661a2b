/**
 * SQL of the publish outbox (migration 101). A decision inserts the jobs it wants enqueued in
 * its own transaction (addIn); whoever enqueues them afterwards marks them (markEnqueued).
 * The workers' sweeper claims rows still unmarked a little after their commit with
 * FOR UPDATE SKIP LOCKED, so several worker copies share the backlog instead of racing on it.
 */
import type { Db, Queryable } from './db.js';

/** One job waiting to be enqueued. `id` is the BullMQ job id (and a webhook's X-Webhook-Id). */
export interface OutboxEntry<P = unknown> {
  id: string;
  /** The job name on the queue (`refresh-count`, `webhook`). */
  kind: string;
  payload: P;
}

interface OutboxRow {
  id: string;
  kind: string;
  payload: unknown;
}

export class OutboxStore {
  constructor(private readonly db: Db) {}

  /** Inserts the entries inside the caller's transaction. An id already present is kept as is. */
  async addIn(tx: Queryable, entries: readonly OutboxEntry[]): Promise<void> {
    for (const entry of entries) {
      await tx.query(`INSERT INTO publish_outbox (id, kind, payload) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING`, [
        entry.id,
        entry.kind,
        JSON.stringify(entry.payload),
      ]);
    }
  }

  /** Records that these jobs reached the queue (the api's fast path, right after the commit). */
  async markEnqueued(ids: readonly string[], tx: Queryable = this.db): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(`UPDATE publish_outbox SET enqueued_at = now() WHERE id = ANY($1::text[]) AND enqueued_at IS NULL`, [ids]);
  }

  /**
   * Takes up to `limit` rows not yet enqueued and older than `minAgeMs` (younger ones are
   * the api's fast path, still in flight), locks them for the duration of `handle`, and marks
   * the ids `handle` returns as enqueued, all in one transaction. Rows locked by another
   * worker copy are skipped. Returns how many rows were marked.
   */
  async claimWaiting(
    options: { minAgeMs: number; limit: number },
    handle: (entries: OutboxEntry[]) => Promise<readonly string[]>,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<OutboxRow>(
        `SELECT id, kind, payload FROM publish_outbox
          WHERE enqueued_at IS NULL AND created_at < now() - make_interval(secs => $1::double precision / 1000)
          ORDER BY created_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [options.minAgeMs, options.limit],
      );
      if (rows.length === 0) return 0;
      const done = await handle(rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload })));
      await this.markEnqueued(done, tx);
      return done.length;
    });
  }

  /** Rows still waiting (tests and diagnostics). */
  async waiting(): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query<OutboxRow>(
      `SELECT id, kind, payload FROM publish_outbox WHERE enqueued_at IS NULL ORDER BY created_at, id`,
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload }));
  }

  /** The row of one job id, with its enqueue time (tests and diagnostics). */
  async find(id: string): Promise<(OutboxEntry & { enqueuedAt: Date | null }) | undefined> {
    const { rows } = await this.db.query<OutboxRow & { enqueued_at: Date | string | null }>(
      `SELECT id, kind, payload, enqueued_at FROM publish_outbox WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { id: row.id, kind: row.kind, payload: row.payload, enqueuedAt: row.enqueued_at ? new Date(row.enqueued_at) : null };
  }

  /** Deletes rows enqueued before `cutoff`, at most `limit` per call. Returns rows deleted. */
  async purgeEnqueuedBefore(cutoff: Date, limit = 1_000): Promise<number> {
    const { rowCount } = await this.db.query(
      `DELETE FROM publish_outbox
        WHERE id IN (SELECT id FROM publish_outbox WHERE enqueued_at < $1 LIMIT $2)`,
      [cutoff, limit],
    );
    return rowCount;
  }
}
