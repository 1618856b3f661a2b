/**
 * Fault: Redis behind Sentinel (a primary, a replica, three sentinels) loses its primary to
 * kill -9 in the middle of a burst, with an api and a worker process connected through the
 * sentinels.
 * - The api answers only 202 or 503 (never another 5xx, never a hang) and accepts again by
 *   itself once the sentinels have promoted the replica: no restart.
 * - No comment answered 202 is lost: the api waits until the replica holds the job (WAIT 1)
 *   before it answers 202, and every such comment is stored in PostgreSQL exactly once.
 * - /readyz names the new primary; redis_failovers_total counts the change.
 */
import type pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../support/env.js';
import { burstThroughKill, type ServiceProcesses, startApiAndWorker, storedOnceAllLand } from '../support/faults.js';
import { commentBody, seedCaptchas, submitComment } from '../support/load.js';
import { uniqueName } from '../support/names.js';
import type { ServiceProcess } from '../support/processes.js';
import { type SentinelRedis, startSentinelRedis } from '../support/sentinel.js';

/** More than the posters can use: they stop on time, not on running out. */
const CAPTCHAS = 20_000;

/** Seeds captchas on the primary and waits until the replica has them too. */
async function seedReplicated(primaryUrl: string, prefix: string, count: number): Promise<string[]> {
  const ids = await seedCaptchas(primaryUrl, prefix, count);
  const redis = new Redis(primaryUrl, { maxRetriesPerRequest: 1 });
  try {
    // Replication is one ordered stream: once this marker is on the replica, so is the rest.
    await redis.set(`${prefix}:seeded`, '1');
    expect(await redis.wait(1, 5_000)).toBe(1);
  } finally {
    redis.disconnect();
  }
  return ids;
}

describe('Redis Sentinel failover during a burst', () => {
  const prefix = uniqueName('fs');
  let redis: SentinelRedis;
  let processes: ServiceProcesses;
  let db: pg.Client;
  let api: ServiceProcess;
  let worker: ServiceProcess;

  beforeAll(async () => {
    redis = await startSentinelRedis();
    processes = await startApiAndWorker(
      testEnv(prefix, {
        ...redis.env,
        // With Sentinel the URL's host is not used: the sentinels name the primary.
        REDIS_URL: 'redis://sentinel-decides/0',
        RATE_LIMIT_COMMENTS: '100000/60',
        LOG_LEVEL: 'warn',
      }),
    );
    ({ api, worker, db } = processes);
  }, 300_000);

  afterAll(async () => {
    await processes?.stop();
    await redis?.destroy();
  }, 60_000);

  it('answers 202 only once the replica holds the job: 503 while the replica hangs', async () => {
    const [first, second] = await seedReplicated(`redis://127.0.0.1:${redis.ports.primary}`, prefix, 2);
    redis.pause(redis.ports.replica);
    try {
      const refused = await submitComment(api.baseUrl, commentBody(first, -1));
      expect(refused.status).toBe(503);
      expect(refused.ms).toBeLessThan(2_500);
    } finally {
      redis.resume(redis.ports.replica);
    }
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^redis_replica_ack_shortfalls_total 1$/m);
    const accepted = await submitComment(api.baseUrl, commentBody(second, -2));
    expect(accepted.status).toBe(202);
  }, 60_000);

  it('answers 503 only while the sentinels fail over, then accepts again and loses no accepted comment', async () => {
    const captchas = await seedReplicated(`redis://127.0.0.1:${redis.ports.primary}`, prefix, CAPTCHAS);
    const { accepted, refused, submitted, firstAcceptAfterKill, unavailableSeconds } = await burstThroughKill(api.baseUrl, captchas, () =>
      redis.kill(redis.ports.primary),
    );
    console.log(
      `sentinel failover: ${accepted.length} accepted, ${refused.length} refused (503) of ${submitted}; ` +
        `first 202 ${unavailableSeconds.toFixed(1)} s after the kill`,
    );
    // Only 503s, each answered quickly (the accept path's 2 s deadline), never another code.
    expect(refused.filter((o) => o.status !== 503)).toEqual([]);
    expect(Math.max(0, ...refused.map((o) => o.ms))).toBeLessThan(3_000);
    // Every 202 is stored, exactly once.
    const stored = await storedOnceAllLand(db, accepted, 120_000);
    const missing = accepted.filter((id) => !stored.has(id));
    if (missing.length || process.env.DIAG) {
      const r = new Redis(`redis://127.0.0.1:${redis.ports.replica}`);
      const keys = await r.keys(`*${prefix}*moderation*`);
      const summary: string[] = [];
      for (const k of keys.filter((k) => !/:[0-9a-f-]{36}(:|$)/.test(k))) summary.push(`${k} ${await r.type(k)}`);
      for (const k of keys.filter((k) => !/:[0-9a-f-]{36}(:|$)/.test(k))) {
        const t = await r.type(k);
        if (t === 'list') summary.push(`${k} len ${await r.llen(k)}`);
        if (t === 'zset') summary.push(`${k} card ${await r.zcard(k)}`);
      }
      const sample = missing.slice(0, 3);
      for (const id of sample) summary.push(`${id}: ${JSON.stringify(await r.keys(`*${id}*`))}`);
      summary.push(...worker.output.slice(-20));
      console.log(summary.join('\n'));
      r.disconnect();
    }
    expect(missing).toEqual([]);
    // Accepting again without a restart, after the failover.
    expect(firstAcceptAfterKill, api.output.slice(-15).join('\n')).toBeGreaterThan(0);
    expect(unavailableSeconds).toBeLessThan(30);
    expect(await redis.primaryPort()).toBe(redis.ports.replica);

    const twice = await db.query('SELECT id FROM comments GROUP BY id HAVING count(*) > 1');
    expect(twice.rows).toEqual([]);

    // Ops see it: the new primary on /readyz, the failover counted.
    const ready = (await (await fetch(`${api.baseUrl}/readyz`)).json()) as { redisPrimary: string | null };
    expect(ready.redisPrimary).toBe(`127.0.0.1:${redis.ports.replica}`);
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^redis_failovers_total [1-9]/m);
  }, 400_000);
});
