/**
 * SQL for the audit log: who changed what, when and why. Rows are written inside the
 * transaction of the change they describe, so the log never claims something that rolled back.
 */
import type { Db, Queryable } from './db.js';

export interface AuditEntry {
  id: number;
  /** A moderator id, or `filter`/`system`. */
  actor: string;
  /** e.g. `comment.approve`, `comment.reject`. */
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface RecordAuditRequest {
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
}

interface AuditRow {
  id: number | string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown> | string;
  created_at: Date | string;
}

export class AuditStore {
  constructor(private readonly db: Db) {}

  async recordIn(tx: Queryable, req: RecordAuditRequest): Promise<void> {
    await tx.query(
      `INSERT INTO audit_log (actor, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [req.actor, req.action, req.targetType, req.targetId, JSON.stringify(req.details ?? {})],
    );
  }

  /** Entries about one target, oldest first. */
  async listForTarget(targetType: string, targetId: string): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<AuditRow>(
      `SELECT * FROM audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY created_at, id`,
      [targetType, targetId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      actor: r.actor,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
      createdAt: new Date(r.created_at),
    }));
  }
}
