/**
 * Fault: the Redis that carries captchas, rate limits and the queue is killed with -9 in the
 * middle of a burst, then started again on the same port and append-only file.
 * - While it is down, POST /v1/comments answers 503 (with Retry-After) within 2 s.
 * - When it is back, the same api process accepts again: no restart.
 * - No comment that got a 202 is lost: Redis acknowledged the job only after it was written
 *   to the AOF (`appendfsync always` here), and the workers store it once Redis is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultTarget, startFaultTarget, storedOnceAllLand } from '../support/faults.js';
import { commentBody, runPool, seedCaptchas, submitComment, type SubmitOutcome } from '../support/load.js';
import { uniqueName } from '../support/names.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const BURST = 1_200;

describe('Redis killed with -9 and restarted during a burst', () => {
  const prefix = uniqueName('fr');
  let redis: PrivateRedis;
  let target: FaultTarget;

  beforeAll(async () => {
    redis = await startPrivateRedis({ durable: true });
    target = await startFaultTarget({ prefix, url: redis.url });
  }, 120_000);

  afterAll(async () => {
    await target?.stop();
    await redis?.destroy();
  }, 60_000);

  it('answers 503 within 2 s while Redis is down, recovers by itself and loses no accepted comment', async () => {
    const captchas = await seedCaptchas(redis.url, prefix, BURST);
    const accepted = new Set<string>();
    const whileDown: SubmitOutcome[] = [];
    const other: number[] = [];
    let state: 'up' | 'down' | 'restarting' = 'up';
    let submitted = 0;

    const burst = runPool(BURST, 8, async (i) => {
      const startedIn = state;
      const outcome = await submitComment(target.svc.baseUrl, commentBody(captchas[i], i));
      submitted++;
      if (outcome.status === 202 && outcome.id) accepted.add(outcome.id);
      else if (startedIn === 'down' && state === 'down') whileDown.push(outcome);
      else other.push(outcome.status);
    });
    const outage = (async () => {
      await waitFor(() => submitted >= 300, 120_000, 10);
      await redis.kill();
      state = 'down';
      await new Promise((r) => setTimeout(r, 4_000));
      state = 'restarting';
      await redis.start();
      state = 'up';
    })();
    await Promise.all([burst, outage]);

    // Down: every request that began and ended in the outage was a quick 503.
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((o) => o.status !== 503)).toEqual([]);
    expect(Math.max(...whileDown.map((o) => o.ms))).toBeLessThan(2_000);
    // Around the kill and the restart a request may fail too, but only with 503 (never a hang or 500).
    expect(other.filter((s) => s !== 503)).toEqual([]);

    // Recovered without a restart: a fresh submission is accepted.
    const [fresh] = await seedCaptchas(redis.url, prefix, 1);
    const after = await waitFor(
      async () => {
        const o = await submitComment(target.svc.baseUrl, commentBody(fresh, BURST + 1));
        return o.status === 202 ? o : undefined;
      },
      15_000,
      200,
    );
    accepted.add(after.id!);
    // Most of the burst went through (the outage covers a few seconds of it).
    expect(accepted.size).toBeGreaterThan(300);

    const stored = await storedOnceAllLand(target.db, accepted, 90_000);
    const missing = [...accepted].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    console.info(
      `[faults] redis kill: ${accepted.size} accepted, ${whileDown.length} answered 503 while down (max ${Math.max(...whileDown.map((o) => o.ms))} ms), ${other.length} refused around kill/restart; none lost`,
    );
  }, 240_000);
});
