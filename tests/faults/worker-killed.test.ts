/**
 * Fault: the worker process is killed with SIGKILL in the middle of a burst of 2,000 comments.
 * After a new worker starts, every comment that got a 202 is in PostgreSQL exactly once:
 * BullMQ gives the killed worker's active jobs to the new one when their lock expires
 * (stalled-job recovery), and the insert is keyed on the comment id.
 *
 * The api runs in this process (no workers); the worker is `src/main.ts worker` in a child.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { testEnv } from '../support/env.js';
import { commentBody, runPool, seedCaptchas, submitComment } from '../support/load.js';
import { uniqueName } from '../support/names.js';
import { type ServiceProcess, startServiceProcess } from '../support/processes.js';
import { deleteRedisPrefix, REDIS_URL } from '../support/redis.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

const BURST = 2_000;

describe('worker killed with SIGKILL during a burst', () => {
  const prefix = uniqueName('fw');
  let database: TestDatabase;
  let api: TestService;
  let worker: ServiceProcess | undefined;
  let db: pg.Client;

  const workerEnv = () => testEnv(prefix, { REDIS_URL, DATABASE_URL: database.url, LOG_LEVEL: 'error', WORKER_CONCURRENCY: '16' });
  const storedCount = async () => Number((await db.query('SELECT count(*) AS n FROM comments')).rows[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestService({
      shareWith: { redisPrefix: prefix, redisUrl: REDIS_URL, databaseUrl: database.url },
      workers: false,
      env: { RATE_LIMIT_COMMENTS: '100000/60' },
    });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    worker = await startServiceProcess('worker', workerEnv());
  }, 150_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await db?.end();
    await api?.stop();
    await deleteRedisPrefix(prefix);
    await database?.drop();
  }, 60_000);

  it('every accepted comment is stored exactly once after the worker restarts', async () => {
    const captchas = await seedCaptchas(REDIS_URL, prefix, BURST);
    const accepted: string[] = [];
    const refused: number[] = [];
    let submitted = 0;
    let killedAt: number | undefined;
    let storedAtKill = 0;
    const started = Date.now();
    const phase: Record<string, number> = {};

    const burst = runPool(BURST, 16, async (i) => {
      const outcome = await submitComment(api.baseUrl, commentBody(captchas[i], i));
      submitted++;
      if (outcome.status === 202 && outcome.id) accepted.push(outcome.id);
      else refused.push(outcome.status);
    });
    // Kill once the worker is visibly busy (rows landing) and the burst is still going.
    const killer = (async () => {
      await waitFor(async () => (await storedCount()) >= 100 || submitted >= BURST / 2, 120_000, 50);
      killedAt = submitted;
      await worker!.stop('SIGKILL');
      storedAtKill = await storedCount();
      phase.killed = Date.now() - started;
      // The replacement starts at once, while the burst goes on (tsx start-up takes a while here).
      worker = await startServiceProcess('worker', workerEnv());
      phase.restarted = Date.now() - started;
    })();
    await Promise.all([burst.then(() => (phase.burstDone = Date.now() - started)), killer]);

    expect(refused).toEqual([]);
    expect(accepted).toHaveLength(BURST);
    expect(killedAt).toBeLessThan(BURST);
    expect(storedAtKill).toBeLessThan(BURST);

    // Stalled jobs come back after the dead worker's locks expire (30 s) and a stalled check.
    await waitFor(async () => (await storedCount()) >= BURST, 150_000, 250);
    phase.allStored = Date.now() - started;

    const rows = await db.query<{ id: string; n: number }>('SELECT id, count(*)::int AS n FROM comments GROUP BY id');
    const stored = new Map(rows.rows.map((r) => [r.id, r.n]));
    expect(stored.size).toBe(BURST);
    expect(accepted.filter((id) => stored.get(id) !== 1)).toEqual([]);
    console.info(
      `[faults] worker killed after ${killedAt} submissions with ${storedAtKill} stored; all ${BURST} stored once; ms ${JSON.stringify(phase)}`,
    );
  }, 330_000);
});
