/**
 * SQL for data retention and privacy requests. Deletions and updates run in small batches
 * (each its own short statement), so a first run over a large backlog never holds long locks
 * on the comments table while readers and the moderation worker use it.
 */
import type { Queryable } from './db.js';

export interface RetentionBatchOptions {
  /** Rows touched per statement. */
  batchSize?: number;
  /** Safety stop for one run; the next scheduled run continues. */
  maxBatches?: number;
}

/**
 * Deletes comments rejected before `cutoff` (their decisions go with them, ON DELETE
 * CASCADE). A rejected comment that still has replies is kept until those replies are gone
 * themselves: the reply's parent_id must keep pointing at a row. Returns rows deleted.
 */
export async function purgeRejectedBefore(db: Queryable, cutoff: Date, options: RetentionBatchOptions = {}): Promise<number> {
  return inBatches(options, (limit) =>
    db.query(
      `DELETE FROM comments
        WHERE id IN (
          SELECT c.id FROM comments c
           WHERE c.status = 'rejected'
             AND (c.decided_at < $1 OR (c.decided_at IS NULL AND c.created_at < $1))
             AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = c.id)
           LIMIT $2)`,
      [cutoff, limit],
    ),
  );
}

/** Nulls the IP address and user agent of comments created before `cutoff`. Returns rows changed. */
export async function forgetNetworkDataBefore(db: Queryable, cutoff: Date, options: RetentionBatchOptions = {}): Promise<number> {
  return inBatches(options, (limit) =>
    db.query(
      `UPDATE comments SET ip = NULL, user_agent = NULL
        WHERE id IN (
          SELECT id FROM comments
           WHERE created_at < $1 AND (ip IS NOT NULL OR user_agent IS NOT NULL)
           LIMIT $2)`,
      [cutoff, limit],
    ),
  );
}

async function inBatches(options: RetentionBatchOptions, run: (limit: number) => Promise<{ rowCount: number }>): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 1_000;
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const { rowCount } = await run(batchSize);
    total += rowCount;
    if (rowCount < batchSize) break;
  }
  return total;
}

/** Everything stored about one email address, as rows keyed like the database (privacy export). */
export interface PersonalDataRows {
  comments: Record<string, unknown>[];
  decisions: Record<string, unknown>[];
  bans: Record<string, unknown>[];
}

export async function personalDataByEmail(db: Queryable, email: string): Promise<PersonalDataRows> {
  // Matches comments_email_idx (lower(author_email), created_at).
  const comments = await db.query(
    `SELECT id, article_id, parent_id, author_name, author_email, ip, user_agent, content, original_content, status,
            verdict, created_at, moderated_at, decided_by, decided_at, decision_reason, published_at
       FROM comments
      WHERE lower(author_email) = lower($1) AND author_email IS NOT NULL
      ORDER BY created_at, id`,
    [email],
  );
  const ids = comments.rows.map((r) => r.id as string);
  const decisions = ids.length
    ? await db.query(
        `SELECT id, comment_id, decision, decided_by, previous_status, reason, overturn, created_at
           FROM decisions WHERE comment_id = ANY($1::text[]) ORDER BY created_at, id`,
        [ids],
      )
    : { rows: [] };
  const bans = await db.query(
    `SELECT id, email, ip, reason, expires_at, created_by, created_at, lifted_at, lifted_by
       FROM bans WHERE lower(email) = lower($1) ORDER BY created_at, id`,
    [email],
  );
  return { comments: comments.rows, decisions: decisions.rows, bans: bans.rows };
}
