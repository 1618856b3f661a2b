/**
 * Reads behind the statistics page and /metrics: the comments waiting now, decisions per
 * moderator since a given moment, and filter hits per rule with how often a person approved the
 * comment anyway (the false-positive signal that tells admins which rule is too eager).
 */
import type { Queryable } from './db.js';

/** The comments waiting for a moderator now. */
export interface PendingNow {
  pending: number;
  /** created_at of the oldest one, null when none waits. */
  oldestPendingAt: Date | null;
  /** Its age in seconds by the database's clock, 0 when none waits (the /metrics gauge). */
  oldestAgeSeconds: number;
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

  /**
   * How many comments wait and since when: the statistics page and /metrics both read this one
   * statement, which the comments_queue_idx index (status, created_at, id) serves without a
   * table scan.
   */
  async pendingNow(): Promise<PendingNow> {
    const { rows } = await this.db.query<{ pending: number; oldest: Date | string | null; oldest_age: number | null }>(
      `SELECT count(*)::int AS pending, min(created_at) AS oldest,
              EXTRACT(EPOCH FROM (now() - min(created_at)))::float8 AS oldest_age
         FROM comments WHERE status = 'pending'`,
    );
    const row = rows[0];
    return {
      pending: Number(row?.pending ?? 0),
      oldestPendingAt: row?.oldest == null ? null : new Date(row.oldest),
      oldestAgeSeconds: Math.max(0, Number(row?.oldest_age ?? 0)),
    };
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
