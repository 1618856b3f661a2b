/**
 * Fault tests: the service on a Redis and a PostgreSQL that the test controls (a proxy, a
 * private redis-server), and what it stored, read straight from the database.
 */
import pg from 'pg';
import { createTestDatabase } from './database.js';
import { commentBody, runPool, submitComment, type SubmitOutcome } from './load.js';
import { killAll, type ServiceProcess, startServiceProcess } from './processes.js';
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

export interface ServiceProcesses {
  api: ServiceProcess;
  worker: ServiceProcess;
  /** A client of the database itself. */
  db: pg.Client;
  /** Kills both processes and drops the database; the Redis is the test's to clean up. */
  stop(): Promise<void>;
}

/** A fresh database and an api and a worker process (`src/main.ts`) on it and on `env`'s Redis. */
export async function startApiAndWorker(env: Record<string, string>): Promise<ServiceProcesses> {
  const database = await createTestDatabase();
  const withDatabase = { ...env, DATABASE_URL: database.url };
  const started: ServiceProcess[] = [];
  const db = new pg.Client({ connectionString: database.url });
  const stop = async () => {
    await db.end().catch(() => {});
    killAll(started);
    await database.drop();
  };
  try {
    started.push(await startServiceProcess('api', withDatabase));
    started.push(await startServiceProcess('worker', withDatabase));
    await db.connect();
  } catch (error) {
    await stop();
    throw error;
  }
  return { api: started[0], worker: started[1], db, stop };
}

export interface BurstThroughKill {
  accepted: string[];
  refused: SubmitOutcome[];
  submitted: number;
  /** 0 when nothing was accepted after the kill. */
  firstAcceptAfterKill: number;
  /** From the kill to the first 202 of a request sent after it (or to now). */
  unavailableSeconds: number;
}

/**
 * Eight posters send comments (about 400 a second) to `apiUrl`; after 200, `kill()` takes a
 * Redis node down. They go on until the api has accepted again for 3 s, or a minute after the
 * kill, and report what was accepted and refused.
 */
export async function burstThroughKill(apiUrl: string, captchas: string[], kill: () => Promise<void>): Promise<BurstThroughKill> {
  const accepted: string[] = [];
  const refused: SubmitOutcome[] = [];
  let submitted = 0;
  let killedAt = 0;
  let firstAcceptAfterKill = 0;
  const done = () =>
    killedAt > 0 && (firstAcceptAfterKill > 0 ? Date.now() - firstAcceptAfterKill > 3_000 : Date.now() - killedAt > 60_000);
  const posters = runPool(captchas.length, 8, async (i) => {
    if (done()) return;
    const startedAt = Date.now();
    const outcome = await submitComment(apiUrl, commentBody(captchas[i], i));
    submitted++;
    if (outcome.status === 202 && outcome.id) {
      accepted.push(outcome.id);
      if (killedAt && !firstAcceptAfterKill && startedAt > killedAt) firstAcceptAfterKill = Date.now();
    } else refused.push(outcome);
    await new Promise((r) => setTimeout(r, 20));
  });
  const failover = (async () => {
    await waitFor(async () => submitted >= 200, 120_000, 10);
    await kill();
    killedAt = Date.now();
  })();
  await Promise.all([posters, failover]);
  const unavailableSeconds = ((firstAcceptAfterKill || Date.now()) - killedAt) / 1000;
  return { accepted, refused, submitted, firstAcceptAfterKill, unavailableSeconds };
}
