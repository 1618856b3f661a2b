/**
 * SQL for moderator accounts (one table, `moderators`). Two shapes leave this file:
 * - `Moderator`, with the password hash, only for logging in and checking a password;
 * - `AccountSummary`, without it, for everything else (the users page, who decided what).
 * Emails are unique case-insensitively (moderators_email_key on lower(email)).
 */
import type { Queryable } from './db.js';

export type ModeratorRole = 'admin' | 'moderator';

/** An account as admins see it: never the password hash. */
export interface AccountSummary {
  id: string;
  email: string;
  displayName: string | null;
  role: ModeratorRole;
  disabledAt: Date | null;
  createdAt: Date;
}

/** An account with its scrypt hash (src/moderation/accounts/password.ts): for login only. */
export interface Moderator extends AccountSummary {
  passwordHash: string;
}

export interface CreateModeratorRequest {
  id: string;
  email: string;
  displayName?: string | null;
  role: ModeratorRole;
  passwordHash: string;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string | null;
  role: ModeratorRole;
  disabled_at: Date | string | null;
  created_at: Date | string;
}

const SUMMARY_COLUMNS = 'id, email, display_name, role, disabled_at, created_at';

const summaryFromRow = (r: AccountRow): AccountSummary => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  disabledAt: r.disabled_at === null ? null : new Date(r.disabled_at),
  createdAt: new Date(r.created_at),
});

const moderatorFromRow = (r: AccountRow & { password_hash: string }): Moderator => ({
  ...summaryFromRow(r),
  passwordHash: r.password_hash,
});

export class ModeratorStore {
  constructor(private readonly db: Queryable) {}

  /** Case-insensitive; disabled accounts are returned too (the caller decides). */
  async findByEmail(email: string): Promise<Moderator | null> {
    const { rows } = await this.db.query<AccountRow & { password_hash: string }>(
      'SELECT * FROM moderators WHERE lower(email) = lower($1)',
      [email],
    );
    return rows[0] ? moderatorFromRow(rows[0]) : null;
  }

  async findById(id: string): Promise<Moderator | null> {
    const { rows } = await this.db.query<AccountRow & { password_hash: string }>('SELECT * FROM moderators WHERE id = $1', [id]);
    return rows[0] ? moderatorFromRow(rows[0]) : null;
  }

  async list(): Promise<AccountSummary[]> {
    const { rows } = await this.db.query<AccountRow>(`SELECT ${SUMMARY_COLUMNS} FROM moderators ORDER BY lower(email)`);
    return rows.map(summaryFromRow);
  }

  /**
   * Inserts the account unless one with that email (any case) exists: null then. Safe when
   * several copies start at once (the bootstrap admin): the unique index decides.
   */
  async createIfAbsent(req: CreateModeratorRequest, q: Queryable = this.db): Promise<AccountSummary | null> {
    const { rows } = await q.query<AccountRow>(
      `INSERT INTO moderators (id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING ${SUMMARY_COLUMNS}`,
      [req.id, req.email, req.displayName ?? null, req.role, req.passwordHash],
    );
    return rows[0] ? summaryFromRow(rows[0]) : null;
  }

  async setDisabled(id: string, disabled: boolean, q: Queryable = this.db): Promise<AccountSummary | null> {
    const { rows } = await q.query<AccountRow>(
      `UPDATE moderators SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END, updated_at = now()
       WHERE id = $1 RETURNING ${SUMMARY_COLUMNS}`,
      [id, disabled],
    );
    return rows[0] ? summaryFromRow(rows[0]) : null;
  }

  async setPasswordHash(id: string, passwordHash: string, q: Queryable = this.db): Promise<AccountSummary | null> {
    const { rows } = await q.query<AccountRow>(
      `UPDATE moderators SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING ${SUMMARY_COLUMNS}`,
      [id, passwordHash],
    );
    return rows[0] ? summaryFromRow(rows[0]) : null;
  }

  /** Display name (or email) per moderator id, to show who decided; `filter` and blanks skipped. */
  async emailsByIds(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id) => id && id !== 'filter'))];
    if (unique.length === 0) return new Map();
    const { rows } = await this.db.query<{ id: string; email: string; display_name: string | null }>(
      `SELECT id, email, display_name FROM moderators WHERE id = ANY($1::text[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.display_name ?? r.email]));
  }
}
