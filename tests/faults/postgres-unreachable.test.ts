/**
 * Fault: PostgreSQL is unreachable for 10 s in the middle of a burst. The service reaches it
 * through a TCP proxy this test controls: "down" destroys every open connection and resets
 * new ones. The accept path does not need PostgreSQL (202s go on); the moderation jobs fail,
 * are retried with backoff, and every accepted comment lands once the database is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultTarget, startFaultTarget, storedOnceAllLand } from '../support/faults.js';
import { commentBody, runPool, seedCaptchas, submitComment } from '../support/load.js';
import { uniqueName } from '../support/names.js';
import { deleteRedisPrefix, REDIS_URL } from '../support/redis.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from '../support/wait.js';

const BURST = 600;
const OUTAGE_MS = 10_000;

describe('PostgreSQL unreachable for 10 s', () => {
  const prefix = uniqueName('fp');
  let proxy: TcpProxy;
  let target: FaultTarget;

  beforeAll(async () => {
    proxy = await startTcpProxy(5432);
    const throughProxy = (url: string) => {
      const proxied = new URL(url);
      proxied.port = String(proxy.port);
      return proxied.toString();
    };
    target = await startFaultTarget({ prefix, url: REDIS_URL }, throughProxy);
  }, 120_000);

  afterAll(async () => {
    await target?.stop();
    await proxy?.close();
    await deleteRedisPrefix(prefix);
  }, 60_000);

  const storedCount = async () => Number((await target.db.query('SELECT count(*) AS n FROM comments')).rows[0].n);

  it('retries the jobs and stores every accepted comment once the database is back', async () => {
    const captchas = await seedCaptchas(REDIS_URL, prefix, BURST);
    const accepted: string[] = [];
    const refused: number[] = [];
    let submitted = 0;
    let storedWhenDown = 0;
    let storedWhenUp = 0;

    const burst = runPool(BURST, 8, async (i) => {
      const outcome = await submitComment(target.svc.baseUrl, commentBody(captchas[i], i));
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
    const retried = (await Promise.all(accepted.map((id) => target.svc.services.queues.moderation.getJob(id)))).filter(
      (job) => (job?.attemptsMade ?? 0) > 1,
    ).length;

    const stored = await storedOnceAllLand(target.db, accepted, 120_000);
    expect(accepted.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(BURST);
    console.info(
      `[faults] postgres down ${OUTAGE_MS} ms at ${storedWhenDown} stored (${submitted} submitted); ${retried} jobs retried; all ${BURST} stored`,
    );
  }, 240_000);
});
