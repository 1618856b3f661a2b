/**
 * SQL of readers' likes (migration 003). One statement per like or unlike: the row of
 * comment_likes is inserted (or deleted) and comments.like_count moves by one only when that
 * row really was, so repeats never count twice and concurrent likes never lose one: the
 * primary key (comment_id, reader_id) settles repeats, and the UPDATE re-reads like_count
 * under the row lock. Only approved comments take either.
 */
import type { Queryable } from './db.js';

/** The comment's like count after the change, or null when it is not an approved comment. */
export type LikeResult = { likes: number } | null;

const APPROVED = `SELECT id, like_count FROM comments WHERE id = $1 AND status = 'approved'`;

// `before` is the count as the statement found it: the answer when nothing changed.
const ANSWER = `SELECT (SELECT like_count FROM changed) AS after, (SELECT like_count FROM target) AS before`;

const LIKE = `
WITH target AS (${APPROVED}),
inserted AS (
  INSERT INTO comment_likes (comment_id, reader_id) SELECT id, $2 FROM target
  ON CONFLICT (comment_id, reader_id) DO NOTHING RETURNING comment_id
),
changed AS (UPDATE comments SET like_count = like_count + 1 WHERE id IN (SELECT comment_id FROM inserted) RETURNING like_count)
${ANSWER}`;

const UNLIKE = `
WITH target AS (${APPROVED}),
deleted AS (
  DELETE FROM comment_likes WHERE comment_id IN (SELECT id FROM target) AND reader_id = $2 RETURNING comment_id
),
changed AS (UPDATE comments SET like_count = like_count - 1 WHERE id IN (SELECT comment_id FROM deleted) RETURNING like_count)
${ANSWER}`;

export class LikeStore {
  constructor(private readonly db: Queryable) {}

  like(commentId: string, readerId: string): Promise<LikeResult> {
    return this.run(LIKE, commentId, readerId);
  }

  unlike(commentId: string, readerId: string): Promise<LikeResult> {
    return this.run(UNLIKE, commentId, readerId);
  }

  /** Whether this reader likes this comment (tests, and the widget's state if it ever asks). */
  async likes(commentId: string, readerId: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM comment_likes WHERE comment_id = $1 AND reader_id = $2', [commentId, readerId]);
    return rows.length > 0;
  }

  private async run(sql: string, commentId: string, readerId: string): Promise<LikeResult> {
    const { rows } = await this.db.query<{ after: number | null; before: number | null }>(sql, [commentId, readerId]);
    const row = rows[0];
    if (!row || row.before === null) return null;
    return { likes: row.after ?? row.before };
  }
}
