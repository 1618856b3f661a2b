/**
 * SQL for bans: an email and/or an IP whose new comments the worker rejects (rule `ban`).
 * A ban is active while it is not lifted and not expired; the partial indexes of 001 cover
 * the active look-up the worker runs for every comment.
 */
import type { Queryable } from './db.js';

export interface Ban {
  id: number;
  email: string | null;
  ip: string | null;
  reason: string | null;
  /** Null: until lifted. */
  expiresAt: Date | null;
  createdBy: string;
  createdAt: Date;
  liftedAt: Date | null;
  liftedBy: string | null;
}

interface BanRow {
  id: number | string;
  email: string | null;
  ip: string | null;
  reason: string | null;
  expires_at: Date | string | null;
  created_by: string;
  created_at: Date | string;
  lifted_at: Date | string | null;
  lifted_by: string | null;
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

function banFromRow(row: BanRow): Ban {
  return {
    id: Number(row.id),
    email: row.email,
    ip: row.ip,
    reason: row.reason,
    expiresAt: date(row.expires_at),
    createdBy: row.created_by,
    createdAt: date(row.created_at)!,
    liftedAt: date(row.lifted_at),
    liftedBy: row.lifted_by,
  };
}

export interface CreateBanRequest {
  email: string | null;
  ip: string | null;
  reason: string | null;
  expiresAt: Date | null;
  createdBy: string;
}

export interface ActiveBanQuery {
  email: string | null;
  ip: string | null;
}

const ACTIVE = `lifted_at IS NULL AND (expires_at IS NULL OR expires_at > now())`;

export class BanStore {
  constructor(private readonly db: Queryable) {}

  async create(req: CreateBanRequest, q: Queryable = this.db): Promise<Ban> {
    const { rows } = await q.query<BanRow>(
      `INSERT INTO bans (email, ip, reason, expires_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [req.email, req.ip, req.reason, req.expiresAt, req.createdBy],
    );
    return banFromRow(rows[0]);
  }

  /** Active bans, newest first (a newsroom keeps a few hundred at most). */
  async listActive(limit = 500): Promise<Ban[]> {
    const { rows } = await this.db.query<BanRow>(`SELECT * FROM bans WHERE ${ACTIVE} ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
    return rows.map(banFromRow);
  }

  /** Marks an active ban lifted; null when it does not exist or was already lifted. */
  async lift(id: number, liftedBy: string, q: Queryable = this.db): Promise<Ban | null> {
    const { rows } = await q.query<BanRow>(
      `UPDATE bans SET lifted_at = now(), lifted_by = $2 WHERE id = $1 AND lifted_at IS NULL RETURNING *`,
      [id, liftedBy],
    );
    return rows[0] ? banFromRow(rows[0]) : null;
  }

  /**
   * The active ban matching this email (case-insensitive) or IP, if any. Two indexed probes
   * joined by UNION ALL, so each side uses its own partial index.
   */
  async findActive(query: ActiveBanQuery): Promise<Ban | null> {
    if (!query.email && !query.ip) return null;
    const { rows } = await this.db.query<BanRow>(
      `SELECT * FROM (
         SELECT * FROM bans WHERE $1::text IS NOT NULL AND lower(email) = lower($1::text) AND ${ACTIVE}
         UNION ALL
         SELECT * FROM bans WHERE $2::text IS NOT NULL AND ip = $2::text AND ${ACTIVE}
       ) b ORDER BY created_at DESC LIMIT 1`,
      [query.email, query.ip],
    );
    return rows[0] ? banFromRow(rows[0]) : null;
  }
}
