/**
 * SQL of readers' likes (migration 003). Likes arriving together share one statement (group
 * commit, through src/store/batcher.ts): at 500 likes a second PostgreSQL parses, plans and
 * commits a few statements instead of one per like, which is what kept its CPU, shared with
 * the api on a small machine, from answering in time (docs/BENCHMARKS.md, "Likes").
 *
 * The statement keeps every count exact:
 * - the rows of comment_likes are inserted (or deleted) and comments.like_count moves by the
 *   number that really were, so repeats never count twice: the primary key (comment_id,
 *   reader_id) settles them, within a batch and across batches;
 * - the approved comments named in the batch are locked first, in id order, so concurrent
 *   batches (of this process or of other api copies) touching the same comments wait for each
 *   other instead of deadlocking, and each reads like_count as the previous one left it.
 * Only approved comments take either. Every caller of a batch is answered with its comment's
 * count after the whole batch (the count as it now stands).
 */
import { createBatcher, type Batcher } from './batcher.js';
import type { Queryable } from './db.js';

/** The comment's like count after the change, or null when it is not an approved comment. */
export type LikeResult = { likes: number } | null;

interface LikeCall {
  commentId: string;
  readerId: string;
}

/** How many likes one statement carries at most; more wait for the next. */
const MAX_BATCH = 500;
/** Statements in flight at once per process: one filling while the other commits. */
const MAX_IN_FLIGHT = 2;

const INPUT_AND_TARGET = `
input AS (SELECT DISTINCT comment_id, reader_id FROM unnest($1::text[], $2::text[]) AS t (comment_id, reader_id)),
target AS (
  SELECT id, like_count FROM comments
  WHERE id IN (SELECT comment_id FROM input) AND status = 'approved'
  ORDER BY id FOR UPDATE
)`;

const changedBy = (sign: '+' | '-', rows: string) => `
changed AS (
  UPDATE comments c SET like_count = c.like_count ${sign} d.n
  FROM (SELECT comment_id, count(*)::int AS n FROM ${rows} GROUP BY comment_id) d
  WHERE c.id = d.comment_id RETURNING c.id, c.like_count
)`;

// `target.like_count` is the count as the lock found it: the answer where nothing changed.
const ANSWER = `SELECT t.id, coalesce(ch.like_count, t.like_count) AS likes FROM target t LEFT JOIN changed ch ON ch.id = t.id`;

const LIKE = `
WITH ${INPUT_AND_TARGET},
inserted AS (
  INSERT INTO comment_likes (comment_id, reader_id)
  SELECT i.comment_id, i.reader_id FROM input i JOIN target t ON t.id = i.comment_id
  ON CONFLICT (comment_id, reader_id) DO NOTHING RETURNING comment_id
),
${changedBy('+', 'inserted')}
${ANSWER}`;

const UNLIKE = `
WITH ${INPUT_AND_TARGET},
deleted AS (
  DELETE FROM comment_likes l USING input i, target t
  WHERE l.comment_id = i.comment_id AND l.reader_id = i.reader_id AND t.id = i.comment_id
  RETURNING l.comment_id
),
${changedBy('-', 'deleted')}
${ANSWER}`;

/** A deadlock (40P01) should not happen with ordered locks; if one does, each call runs alone. */
const isDeadlock = (error: unknown) => (error as { code?: string } | null)?.code === '40P01';

export class LikeStore {
  private readonly likeBatcher: Batcher<LikeCall, LikeResult>;
  private readonly unlikeBatcher: Batcher<LikeCall, LikeResult>;

  constructor(private readonly db: Queryable) {
    const options = { maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT, isolate: isDeadlock };
    this.likeBatcher = createBatcher((calls) => this.runMany(LIKE, calls), options);
    this.unlikeBatcher = createBatcher((calls) => this.runMany(UNLIKE, calls), options);
  }

  like(commentId: string, readerId: string): Promise<LikeResult> {
    return this.likeBatcher.run({ commentId, readerId });
  }

  unlike(commentId: string, readerId: string): Promise<LikeResult> {
    return this.unlikeBatcher.run({ commentId, readerId });
  }

  /** Whether this reader likes this comment (tests, and the widget's state if it ever asks). */
  async likes(commentId: string, readerId: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM comment_likes WHERE comment_id = $1 AND reader_id = $2', [commentId, readerId]);
    return rows.length > 0;
  }

  private async runMany(sql: string, calls: LikeCall[]): Promise<LikeResult[]> {
    const { rows } = await this.db.query<{ id: string; likes: number }>(sql, [calls.map((c) => c.commentId), calls.map((c) => c.readerId)]);
    const likesOf = new Map(rows.map((row) => [row.id, row.likes]));
    return calls.map((call) => {
      const likes = likesOf.get(call.commentId);
      return likes === undefined ? null : { likes };
    });
  }
}
