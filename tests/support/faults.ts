/**
 * Fault tests: the service on a Redis and a PostgreSQL that the test controls (a proxy, a
 * private redis-server), and what it stored, read straight from the database.
 */
import pg from 'pg';
import { createTestDatabase } from './database.js';
import { startTestService, type TestService } from './service.js';
import { waitFor } from './wait.js';

export interface FaultTarget {
  svc: TestService;
  /** A client of the database itself, not through anything the test puts in between. */
  db: pg.Client;
  /** Stops the service and drops the database; the Redis is the test's to clean up. */
  stop(): Promise<void>;
}

/**
 * Creates a database and starts the service on it and on `redis` (the comment rate limit out of
 * the way: a burst is the point). `reach` gives the URL the service uses for the database, e.g.
 * through the test's proxy; the test itself reads it directly as `db`.
 */
export async function startFaultTarget(
  redis: { prefix: string; url: string },
  reach: (databaseUrl: string) => string = (url) => url,
): Promise<FaultTarget> {
  const database = await createTestDatabase();
  const svc = await startTestService({
    shareWith: { redisPrefix: redis.prefix, redisUrl: redis.url, databaseUrl: reach(database.url) },
    env: { RATE_LIMIT_COMMENTS: '100000/60' },
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const db = new pg.Client({ connectionString: database.url });
  const stop = async () => {
    await db.end().catch(() => {});
    await svc.stop();
    await database.drop();
  };
  await db.connect().catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { svc, db, stop };
}

/**
 * Waits up to `timeoutMs` for every accepted id to be in the comments table and returns the ids
 * stored by then, without throwing: the caller's assertion names what is missing.
 */
export async function storedOnceAllLand(db: pg.Client, accepted: Iterable<string>, timeoutMs: number): Promise<Set<string>> {
  const ids = [...accepted];
  let stored = new Set<string>();
  const allStored = async () => {
    stored = new Set((await db.query<{ id: string }>('SELECT id FROM comments')).rows.map((r) => r.id));
    return ids.every((id) => stored.has(id));
  };
  await waitFor(allStored, timeoutMs, 250).catch(() => {});
  return stored;
}
