/**
 * Db.relaxed: the connections whose commits do not wait for the disk (readers' likes). On
 * PostgreSQL they are a pool of their own with synchronous_commit off, and only they: every
 * other write keeps the server's durable default. On PGlite they are the one connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/store/db.js';
import { createTestDatabase, PGLITE_IN_MEMORY, type TestDatabase } from '../support/database.js';

const setting = async (q: Pick<Db, 'query'>) =>
  (await q.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0].synchronous_commit;

describe('Db.relaxed on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDb({ databaseUrl: database.url, dataDir: PGLITE_IN_MEMORY });
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('commits without waiting for the disk there, and only there', async () => {
    expect(await setting(db.relaxed)).toBe('off');
    expect(await setting(db)).toBe('on');
    expect(await db.transaction((tx) => setting(tx))).toBe('on');
  });
});

describe('Db.relaxed on PGlite', () => {
  it('is the same single connection', async () => {
    const db = await openDb({ dataDir: PGLITE_IN_MEMORY });
    try {
      expect((await db.relaxed.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  });
});
