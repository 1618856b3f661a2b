/**
 * SQL for moderator accounts. Emails are unique case-insensitively (moderators_email_key on
 * lower(email)); callers get domain objects, never rows.
 */
import type { Db } from './db.js';

export type ModeratorRole = 'admin' | 'moderator';

export interface Moderator {
  id: string;
  email: string;
  displayName: string | null;
  role: ModeratorRole;
  /** scrypt hash in the format of src/admin/auth/password.ts; never leaves the auth module. */
  passwordHash: string;
  disabledAt: Date | null;
  createdAt: Date;
}

interface ModeratorRow {
  id: string;
  email: string;
  display_name: string | null;
  role: ModeratorRole;
  password_hash: string;
  disabled_at: Date | string | null;
  created_at: Date | string;
}

function fromRow(row: ModeratorRow): Moderator {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at),
    createdAt: new Date(row.created_at),
  };
}

export interface CreateModeratorRequest {
  id: string;
  email: string;
  displayName?: string | null;
  role: ModeratorRole;
  passwordHash: string;
}

export class ModeratorStore {
  constructor(private readonly db: Db) {}

  /** Case-insensitive; disabled accounts are returned too (the caller decides). */
  async findByEmail(email: string): Promise<Moderator | null> {
    const { rows } = await this.db.query<ModeratorRow>('SELECT * FROM moderators WHERE lower(email) = lower($1)', [email]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async findById(id: string): Promise<Moderator | null> {
    const { rows } = await this.db.query<ModeratorRow>('SELECT * FROM moderators WHERE id = $1', [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /**
   * Inserts the account unless one with that email (any case) exists. Safe when several
   * copies start at once: the unique index decides, the losers get `created: false`.
   */
  async createIfAbsent(req: CreateModeratorRequest): Promise<{ created: boolean }> {
    const { rows } = await this.db.query(
      `INSERT INTO moderators (id, email, display_name, role, password_hash)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id`,
      [req.id, req.email, req.displayName ?? null, req.role, req.passwordHash],
    );
    return { created: rows.length > 0 };
  }
}
