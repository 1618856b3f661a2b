import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { migrate, pendingMigrations } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { createTestDatabase, PGLITE_IN_MEMORY, type TestDatabase } from '../support/database.js';

describe('migrations', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('apply every migration once on PostgreSQL, even when two processes start together', async () => {
    const database = await createTestDatabase();
    dbs.push(database);
    const a = await openDb({ databaseUrl: database.url, dataDir: '' });
    const b = await openDb({ databaseUrl: database.url, dataDir: '' });
    try {
      const [appliedA, appliedB] = await Promise.all([migrate(a), migrate(b)]);
      expect([...appliedA, ...appliedB].sort()).toEqual(migrations.map((m) => m.name).sort());
      expect(await migrate(a)).toEqual([]);
      expect(await pendingMigrations(a)).toEqual([]);
      const { rows } = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM comments');
      expect(rows[0].n).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('apply on embedded PGlite with the same SQL', async () => {
    const db = await openDb({ dataDir: PGLITE_IN_MEMORY });
    try {
      expect(await migrate(db)).toEqual(migrations.map((m) => m.name));
      expect(await pendingMigrations(db)).toEqual([]);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM moderators');
      expect(rows[0].n).toBe(0);
    } finally {
      await db.close();
    }
  });
});
