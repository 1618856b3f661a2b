/**
 * Applies pending migrations with umzug, holding a PostgreSQL advisory lock so that several
 * api and worker copies starting at once apply each migration exactly once.
 */
import { Umzug, type UmzugStorage } from 'umzug';
import type { Db, Queryable } from './db.js';
import { migrations } from './migrations/index.js';

const LOCK_KEY = 727_001; // arbitrary, fixed: "the comment service migrates"

class TableStorage implements UmzugStorage {
  constructor(private readonly conn: Queryable) {}

  async ensureTable() {
    await this.conn.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
  }
  async logMigration({ name }: { name: string }) {
    await this.conn.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
  }
  async unlogMigration({ name }: { name: string }) {
    await this.conn.query('DELETE FROM schema_migrations WHERE name = $1', [name]);
  }
  async executed() {
    const { rows } = await this.conn.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    return rows.map((r) => r.name);
  }
}

/** Returns the names of the migrations it applied (empty when the schema was current). */
export async function migrate(db: Db): Promise<string[]> {
  return db.withConnection(async (conn) => {
    await conn.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const storage = new TableStorage(conn);
      await storage.ensureTable();
      const umzug = new Umzug({
        migrations: migrations.map((m) => ({
          name: m.name,
          // Each migration is one transaction: a failure leaves no half-applied schema.
          up: async () => {
            await conn.query('BEGIN');
            try {
              await conn.exec(m.up);
              await conn.query('COMMIT');
            } catch (error) {
              await conn.query('ROLLBACK');
              throw error;
            }
          },
        })),
        storage,
        logger: undefined,
      });
      const applied = await umzug.up();
      return applied.map((m) => m.name);
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}

/** Names of migrations not yet applied (the readiness and start-up checks use it). */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations').catch(() => ({ rows: [] as { name: string }[] }));
  const done = new Set(rows.map((r) => r.name));
  return migrations.map((m) => m.name).filter((n) => !done.has(n));
}
