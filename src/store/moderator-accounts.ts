/**
 * SQL for managing moderator accounts from the admin pages: list, create, disable/enable,
 * reset the password hash, and emails by id (to show who decided). Login reads accounts
 * through ModeratorStore (./moderators.ts).
 */
import type { Queryable } from './db.js';
import type { ModeratorRole } from './moderators.js';

export interface AccountSummary {
  id: string;
  email: string;
  displayName: string | null;
  role: ModeratorRole;
  disabledAt: Date | null;
  createdAt: Date;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string | null;
  role: ModeratorRole;
  disabled_at: Date | string | null;
  created_at: Date | string;
}

const fromRow = (r: AccountRow): AccountSummary => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  disabledAt: r.disabled_at === null ? null : new Date(r.disabled_at),
  createdAt: new Date(r.created_at),
});

const COLUMNS = 'id, email, display_name, role, disabled_at, created_at';

export class ModeratorAccountStore {
  constructor(private readonly db: Queryable) {}

  async list(): Promise<AccountSummary[]> {
    const { rows } = await this.db.query<AccountRow>(`SELECT ${COLUMNS} FROM moderators ORDER BY lower(email)`);
    return rows.map(fromRow);
  }

  /** Null when the email is taken (any case). */
  async create(
    req: { id: string; email: string; displayName: string | null; role: ModeratorRole; passwordHash: string },
    q: Queryable = this.db,
  ): Promise<AccountSummary | null> {
    const { rows } = await q.query<AccountRow>(
      `INSERT INTO moderators (id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING ${COLUMNS}`,
      [req.id, req.email, req.displayName, req.role, req.passwordHash],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async setDisabled(id: string, disabled: boolean, q: Queryable = this.db): Promise<AccountSummary | null> {
    const { rows } = await q.query<AccountRow>(
      `UPDATE moderators SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, disabled],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async setPasswordHash(id: string, passwordHash: string, q: Queryable = this.db): Promise<AccountSummary | null> {
    const { rows } = await q.query<AccountRow>(
      `UPDATE moderators SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, passwordHash],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

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
