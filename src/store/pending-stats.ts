/**
 * Size and age of the moderators' queue, for /metrics. Both come from one statement that
 * reads the `comments_queue_idx` index (status, created_at, id): no table scan.
 */
import type { Queryable } from './db.js';

export interface PendingStats {
  /** Comments held for a moderator now. */
  pending: number;
  /** Age in seconds of the oldest one, 0 when none waits. */
  oldestAgeSeconds: number;
}

export async function pendingStats(db: Queryable): Promise<PendingStats> {
  const { rows } = await db.query<{ pending: number; oldest_age: number | null }>(
    `SELECT count(*)::int AS pending,
            EXTRACT(EPOCH FROM (now() - min(created_at)))::float8 AS oldest_age
       FROM comments
      WHERE status = 'pending'`,
  );
  const row = rows[0];
  return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.oldest_age ?? 0)) };
}
