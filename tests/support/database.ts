/**
 * Databases for tests: a fresh PostgreSQL database per test service (on the machine's server,
 * TEST_PG_ADMIN_URL), or embedded PGlite in memory, which needs no server at all.
 */
import pg from 'pg';
import { uniqueName } from './names.js';

export type Engine = 'postgres' | 'pglite';
export const ENGINES: Engine[] = ['postgres', 'pglite'];

export const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** What the service is given for an embedded PGlite that lives and dies with it. */
export const PGLITE_IN_MEMORY = 'memory://';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the machine's PostgreSQL server, dropped by drop(). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('t').toLowerCase();
  await asAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  return {
    url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    drop: () => asAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function asAdmin(work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
