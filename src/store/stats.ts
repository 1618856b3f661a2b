/**
 * Reads behind the statistics page: the queue now, decisions per moderator since a given
 * moment, and filter hits per rule with how often a person approved the comment anyway
 * (the false-positive signal that tells admins which rule is too eager).
 */
import type { Queryable } from './db.js';

export interface QueueNow {
  pending: number;
  oldestPendingAt: Date | null;
}

export interface ModeratorDecisions {
  moderatorId: string;
  email: string | null;
  approved: number;
  rejected: number;
  overturns: number;
}

export interface RuleHits {
  rule: string;
  /** Comments whose verdict names the rule. */
  hits: number;
  /** Of those, approved by a person: the filter was probably wrong. */
  approved: number;
  /** Of those, rejected (by the filter or a person). */
  rejected: number;
  pending: number;
}

export class StatsStore {
  constructor(private readonly db: Queryable) {}

  async queueNow(): Promise<QueueNow> {
    const { rows } = await this.db.query<{ pending: number; oldest: Date | string | null }>(
      `SELECT count(*)::int AS pending, min(created_at) AS oldest FROM comments WHERE status = 'pending'`,
    );
    const row = rows[0];
    return { pending: row.pending, oldestPendingAt: row.oldest === null ? null : new Date(row.oldest) };
  }

  /** People only: the filter's own rejections are counted per rule instead. */
  async decisionsByModerator(since: Date): Promise<ModeratorDecisions[]> {
    const { rows } = await this.db.query<{
      decided_by: string;
      email: string | null;
      approved: number;
      rejected: number;
      overturns: number;
    }>(
      `SELECT d.decided_by, m.email,
              count(*) FILTER (WHERE d.decision = 'approve')::int AS approved,
              count(*) FILTER (WHERE d.decision = 'reject')::int AS rejected,
              count(*) FILTER (WHERE d.overturn)::int AS overturns
       FROM decisions d LEFT JOIN moderators m ON m.id = d.decided_by
       WHERE d.created_at >= $1 AND d.decided_by <> 'filter'
       GROUP BY d.decided_by, m.email
       ORDER BY count(*) DESC`,
      [since],
    );
    return rows.map((r) => ({
      moderatorId: r.decided_by,
      email: r.email,
      approved: r.approved,
      rejected: r.rejected,
      overturns: r.overturns,
    }));
  }

  /** Per rule, over comments filtered since `since`. */
  async ruleHits(since: Date): Promise<RuleHits[]> {
    const { rows } = await this.db.query<RuleHits>(
      `SELECT r.rule,
              count(DISTINCT c.id)::int AS hits,
              count(DISTINCT c.id) FILTER (WHERE c.status = 'approved')::int AS approved,
              count(DISTINCT c.id) FILTER (WHERE c.status = 'rejected')::int AS rejected,
              count(DISTINCT c.id) FILTER (WHERE c.status = 'pending')::int AS pending
       FROM comments c
       CROSS JOIN LATERAL (
         SELECT DISTINCT e ->> 'rule' AS rule FROM jsonb_array_elements(c.verdict -> 'reasons') e
       ) r
       WHERE c.created_at >= $1 AND c.verdict IS NOT NULL AND jsonb_typeof(c.verdict -> 'reasons') = 'array'
       GROUP BY r.rule
       ORDER BY hits DESC`,
      [since],
    );
    return rows;
  }
}
