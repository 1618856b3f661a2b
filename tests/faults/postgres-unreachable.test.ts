/**
 * Fault: PostgreSQL is unreachable for 10 s in the middle of a burst. The service reaches it
 * through a TCP proxy this test controls: "down" destroys every open connection and resets
 * new ones. The accept path does not need PostgreSQL (202s go on); the moderation jobs fail,
 * are retried with backoff, and every accepted comment lands once the database is back.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { commentBody, runPool, seedCaptchas, submitComment } from '../support/load.js';
import { uniqueName } from '../support/names.js';
import { deleteRedisPrefix, REDIS_URL } from '../support/redis.js';
import { startTestService, type TestService } from '../support/service.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from '../support/wait.js';

const BURST = 600;
const OUTAGE_MS = 10_000;

describe('PostgreSQL unreachable for 10 s', () => {
  const prefix = uniqueName('fp');
  let database: TestDatabase;
  let proxy: TcpProxy;
  let svc: TestService;
  let db: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await startTcpProxy(5432);
    const proxied = new URL(database.url);
    proxied.port = String(proxy.port);
    svc = await startTestService({
      shareWith: { redisPrefix: prefix, redisUrl: REDIS_URL, databaseUrl: proxied.toString() },
      env: { RATE_LIMIT_COMMENTS: '100000/60' },
    });
    db = new pg.Client({ connectionString: database.url }); // direct, not through the proxy
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await svc?.stop();
    await proxy?.close();
    await deleteRedisPrefix(prefix);
    await database?.drop();
  }, 60_000);

  const storedCount = async () => Number((await db.query('SELECT count(*) AS n FROM comments')).rows[0].n);

  it('retries the jobs and stores every accepted comment once the database is back', async () => {
    const captchas = await seedCaptchas(REDIS_URL, prefix, BURST);
    const accepted: string[] = [];
    const refused: number[] = [];
    let submitted = 0;
    let storedWhenDown = 0;
    let storedWhenUp = 0;

    const burst = runPool(BURST, 8, async (i) => {
      const outcome = await submitComment(svc.baseUrl, commentBody(captchas[i], i));
      submitted++;
      if (outcome.status === 202 && outcome.id) accepted.push(outcome.id);
      else refused.push(outcome.status);
      // Pace the burst so that part of it arrives during the outage.
      await new Promise((r) => setTimeout(r, 10));
    });
    const outage = (async () => {
      await waitFor(async () => (await storedCount()) >= 50, 60_000, 50);
      proxy.down();
      // A statement PostgreSQL had already received when the proxy cut the connection still
      // commits (a batch insert takes a moment): count after those have settled.
      await new Promise((r) => setTimeout(r, 1_000));
      storedWhenDown = await storedCount();
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      storedWhenUp = await storedCount();
      proxy.up();
    })();
    await Promise.all([burst, outage]);

    // The accept path never touches PostgreSQL: every submission was accepted.
    expect(refused).toEqual([]);
    expect(accepted).toHaveLength(BURST);
    // Nothing reached the database while it was unreachable (the proxy really cut it off)…
    expect(storedWhenUp).toBe(storedWhenDown);
    // …and jobs failed meanwhile, to be retried.
    const retried = (await Promise.all(accepted.map((id) => svc.services.queues.moderation.getJob(id)))).filter(
      (job) => (job?.attemptsMade ?? 0) > 1,
    ).length;

    let stored = new Set<string>();
    const allStored = async () => {
      stored = new Set((await db.query<{ id: string }>('SELECT id FROM comments')).rows.map((r) => r.id));
      return accepted.every((id) => stored.has(id));
    };
    await waitFor(allStored, 120_000, 250).catch(() => {});
    expect(accepted.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(BURST);
    console.info(`[faults] postgres down ${OUTAGE_MS} ms at ${storedWhenDown} stored (${submitted} submitted); ${retried} jobs retried; all ${BURST} stored`);
  }, 240_000);
});
