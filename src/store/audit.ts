/**
 * SQL for the audit log: who changed what, when and why. Rows are written inside the
 * transaction of the change they describe (recordIn), so the log never claims something that
 * rolled back; they are read newest first for the audit page (list) or oldest first for one
 * target (listForTarget), always with the actor's email when the actor is a moderator.
 */
import type { Queryable } from './db.js';

export interface AuditEntry {
  id: number;
  /** A moderator id, or `filter`/`system`/`cli`. */
  actor: string;
  /** The actor's email when the actor is a moderator (null for `filter` or a deleted account). */
  actorEmail: string | null;
  /** e.g. `comment.approve`, `ban.create`. */
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

export interface ListAuditRequest {
  limit: number;
  /** Keyset cursor: entries with a smaller id (the list is newest first). */
  beforeId?: number;
  /** Only actions starting with this prefix, e.g. `comment.` or `ban.`. */
  actionPrefix?: string;
}

interface AuditRow {
  id: number | string;
  actor: string;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown> | string | null;
  created_at: Date | string;
}

/** Every read joins the actor's account for its email. */
const SELECT_WITH_ACTOR = 'SELECT a.*, m.email AS actor_email FROM audit_log a LEFT JOIN moderators m ON m.id = a.actor';

const fromRow = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  actor: r.actor,
  actorEmail: r.actor_email,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  details: typeof r.details === 'string' ? JSON.parse(r.details) : (r.details ?? {}),
  createdAt: new Date(r.created_at),
});

export class AuditStore {
  constructor(private readonly db: Queryable) {}

  /** Writes one entry with `tx`: the transaction of the change it describes. */
  async recordIn(tx: Queryable, req: RecordAuditRequest): Promise<void> {
    await tx.query(`INSERT INTO audit_log (actor, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
      req.actor,
      req.action,
      req.targetType,
      req.targetId,
      JSON.stringify(req.details ?? {}),
    ]);
  }

  /** Entries about one target, oldest first. */
  async listForTarget(targetType: string, targetId: string): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<AuditRow>(
      `${SELECT_WITH_ACTOR} WHERE a.target_type = $1 AND a.target_id = $2 ORDER BY a.created_at, a.id`,
      [targetType, targetId],
    );
    return rows.map(fromRow);
  }

  /** A page of the log, newest first, and the id to continue before (null on the last page). */
  async list(req: ListAuditRequest): Promise<{ entries: AuditEntry[]; nextBeforeId: number | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (req.beforeId !== undefined) {
      params.push(req.beforeId);
      where.push(`a.id < $${params.length}`);
    }
    if (req.actionPrefix) {
      params.push(`${req.actionPrefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`a.action LIKE $${params.length}`);
    }
    params.push(req.limit + 1);
    const { rows } = await this.db.query<AuditRow>(
      `${SELECT_WITH_ACTOR} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    const entries = rows.slice(0, req.limit).map(fromRow);
    return { entries, nextBeforeId: rows.length > req.limit ? entries[entries.length - 1].id : null };
  }
}
