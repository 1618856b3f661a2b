/**
 * Reading the audit log for the moderator pages: who did what and when, newest first, with
 * the actor's email. Entries are written by AuditStore (./audit.ts) inside each change's
 * own transaction.
 */
import type { Queryable } from './db.js';

export interface AuditEntry {
  id: number;
  actor: string;
  /** The actor's email when the actor is a moderator (null for `filter` or a deleted account). */
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
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
  details: Record<string, unknown> | null;
  created_at: Date | string;
}

export class AuditLogStore {
  constructor(private readonly db: Queryable) {}

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
      `SELECT a.*, m.email AS actor_email FROM audit_log a LEFT JOIN moderators m ON m.id = a.actor
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    const entries = rows.slice(0, req.limit).map((r) => ({
      id: Number(r.id),
      actor: r.actor,
      actorEmail: r.actor_email,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: r.details ?? {},
      createdAt: new Date(r.created_at),
    }));
    return { entries, nextBeforeId: rows.length > req.limit ? entries[entries.length - 1].id : null };
  }
}
