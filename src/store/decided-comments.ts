/**
 * SQL of the decisions export (`npm run export:decisions`): every decided comment with what
 * the span model can learn from, and nothing that names or locates a person. Pages are read
 * by keyset on (decided_at, id), so a million rows cost the same memory as one page and a
 * page deep in the export costs the same as the first (comments_decided_idx).
 *
 * How the columns map, and what the schema cannot tell:
 * - `decision`: the comment's current status (`approved` or `rejected`); pending comments
 *   are not exported. A decision that was overturned appears as its latest outcome only.
 * - `decidedBy`: `filter` when decided_by is `filter` (the worker's automatic rejection, a ban
 *   included), otherwise `moderator`. Which moderator is not exported.
 * - `reason`: decision_reason of a rejection: the moderator's text (a preset or whatever was
 *   typed), or for the filter the rule names it wrote ("profanity.vi, spam.link"). Null for
 *   approvals.
 * - `rescued`: approved now, and the decisions table holds the filter's rejection of it.
 * - `edited`: always false: comments are never edited, the text decided is the text stored.
 * - `reasons`: the filter's verdict as stored with the comment (rule, tier, UTF-16 span, and
 *   `confidence` when the verdict has one); at most 50 (the verdict keeps no more). Verdicts
 *   are not re-run: they are the filter of the day the comment arrived.
 * - `decidedAt`: decided_at, the time of the latest decision.
 * Rejected comments are deleted after RETENTION_REJECTED_DAYS, so old rejections are gone.
 */
import type { Queryable } from './db.js';

export interface DecidedCommentReason {
  rule: string;
  tier: string;
  start: number;
  end: number;
  /** Only when the verdict's reason carries one (the model's reasons). */
  confidence?: number;
}

export interface DecidedComment {
  id: string;
  text: string;
  decision: 'approved' | 'rejected';
  reason: string | null;
  decidedBy: 'moderator' | 'filter';
  rescued: boolean;
  edited: false;
  reasons: DecidedCommentReason[];
  decidedAt: string;
}

export interface DecidedCommentsRequest {
  /** Only decisions taken at or after this time. */
  since?: Date;
  /** At most this many comments in all. */
  limit?: number;
  /** Rows per statement (default 1,000). */
  pageSize?: number;
}

export const DECIDED_PAGE_SIZE = 1_000;

interface DecidedRow {
  id: string;
  content: string;
  status: 'approved' | 'rejected';
  decided_by: string;
  decided_at: Date | string;
  decision_reason: string | null;
  reasons: unknown;
  rescued: boolean;
  cursor_at: string;
}

/**
 * Only the columns the export needs: no name, email, IP or user agent ever leaves the
 * database. `cursor_at` is decided_at as text with microseconds, so the next page starts
 * exactly after the last row (a JS Date would round to milliseconds and repeat or skip rows
 * that one statement decided together, e.g. a batch of filter rejections).
 * The page is cut first and `rescued` looked up per row of it afterwards (one index probe of
 * decisions_comment_idx per approved row): as an EXISTS beside the keyset scan the planner
 * hashes the whole decisions table for every page.
 */
const PAGE = `
SELECT p.*, coalesce(r.rescued, false) AS rescued
  FROM (
    SELECT c.id, c.content, c.status, c.decided_by, c.decision_reason, c.decided_at,
           to_char(c.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
           c.verdict -> 'reasons' AS reasons
      FROM comments c
     WHERE c.decided_at IS NOT NULL
       AND c.status IN ('approved', 'rejected')
       AND c.decided_at >= $1::timestamptz
       AND (c.decided_at > $1::timestamptz OR c.id > $2)
     ORDER BY c.decided_at, c.id
     LIMIT $3
  ) p
  LEFT JOIN LATERAL (
    SELECT true AS rescued
      FROM decisions d
     WHERE p.status = 'approved' AND d.comment_id = p.id AND d.decided_by = 'filter' AND d.decision = 'reject'
     LIMIT 1
  ) r ON true
 ORDER BY p.decided_at, p.id`;

/** The decided comments, oldest decision first, one page per statement. */
export async function* decidedComments(db: Queryable, req: DecidedCommentsRequest = {}): AsyncGenerator<DecidedComment[]> {
  const pageSize = Math.max(1, req.pageSize ?? DECIDED_PAGE_SIZE);
  let left = req.limit ?? Number.POSITIVE_INFINITY;
  // The first page takes rows at `since` itself: '' sorts before every id.
  let cursor = { at: (req.since ?? new Date(0)).toISOString(), id: '' };
  while (left > 0) {
    const { rows } = await db.query<DecidedRow>(PAGE, [cursor.at, cursor.id, Math.min(pageSize, left)]);
    if (rows.length === 0) return;
    left -= rows.length;
    const last = rows[rows.length - 1];
    cursor = { at: last.cursor_at, id: last.id };
    yield rows.map(decidedFromRow);
    if (rows.length < pageSize) return;
  }
}

export function decidedFromRow(row: DecidedRow): DecidedComment {
  const approved = row.status === 'approved';
  return {
    id: row.id,
    text: row.content,
    decision: row.status,
    reason: approved ? null : row.decision_reason,
    decidedBy: row.decided_by === 'filter' ? 'filter' : 'moderator',
    rescued: row.rescued,
    edited: false,
    reasons: reasonsFrom(row.reasons),
    decidedAt: new Date(row.decided_at).toISOString(),
  };
}

/** The verdict's reasons without `match` (it is text.slice(start, end)); odd entries are left out. */
function reasonsFrom(value: unknown): DecidedCommentReason[] {
  if (!Array.isArray(value)) return [];
  const reasons: DecidedCommentReason[] = [];
  for (const r of value as Array<Record<string, unknown> | null>) {
    if (!r || typeof r.rule !== 'string' || typeof r.tier !== 'string') continue;
    if (!Number.isSafeInteger(r.start) || !Number.isSafeInteger(r.end)) continue;
    const reason: DecidedCommentReason = { rule: r.rule, tier: r.tier, start: r.start as number, end: r.end as number };
    if (typeof r.confidence === 'number' && Number.isFinite(r.confidence)) reason.confidence = r.confidence;
    reasons.push(reason);
  }
  return reasons;
}
