/**
 * The service on a Redis Cluster (three primaries on loopback, REDIS_CLUSTER_NODES): an api and
 * a worker process, every connection an ioredis Cluster (commands, BullMQ queues and workers,
 * rate limits, pub/sub, heartbeat).
 * - Readers take captchas and post comments; each one is accepted, moderated by the worker (a
 *   profane one rejected by the filter) and stored in PostgreSQL exactly once; the duplicate
 *   rule, Idempotency-Key replays and the counts of several articles (keys in different
 *   slots) work; /readyz is 200.
 * - The keys shard: the service's own keys sit on more than one node, while every BullMQ key
 *   (`{prefix}` hash tag) sits in one slot, so BullMQ's multi-key scripts run.
 * Skipped, saying why, when redis-server or redis-cli is missing.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CAPTCHA_ANSWER, testEnv } from '../support/env.js';
import { type ServiceProcesses, startApiAndWorker, storedOnceAllLand } from '../support/faults.js';
import { runPool } from '../support/load.js';
import { uniqueName } from '../support/names.js';
import type { ServiceProcess } from '../support/processes.js';
import { clusterUnavailable, type RedisCluster, startRedisCluster } from '../support/redis-cluster.js';
import { waitFor } from '../support/wait.js';

const why = await clusterUnavailable();
const COMMENTS = 60;
const ARTICLES = ['bai-cum-mot', 'bai-cum-hai', 'bai-cum-ba'];
const PROFANE = 'Địt mẹ thằng viết bài này';

describe.skipIf(why !== null)(`the service on a Redis Cluster${why ? ` (skipped: ${why})` : ''}`, () => {
  const prefix = uniqueName('rc');
  let cluster: RedisCluster;
  let processes: ServiceProcesses;
  let db: pg.Client;
  let api: ServiceProcess;
  let worker: ServiceProcess;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    // REDIS_URL from testEnv names the shared single Redis: with REDIS_CLUSTER_NODES its host is not used.
    processes = await startApiAndWorker(testEnv(prefix, { ...cluster.env, LOG_LEVEL: 'warn' }));
    ({ api, worker, db } = processes);
  }, 300_000);

  afterAll(async () => {
    await processes?.stop();
    await cluster?.destroy();
  }, 60_000);

  const post = async (body: Record<string, string>, headers: Record<string, string> = {}) => {
    const captcha = await fetch(`${api.baseUrl}/v1/captcha`);
    expect(captcha.status, await captcha.clone().text()).toBe(200);
    const { id: captchaId } = (await captcha.json()) as { id: string };
    const res = await fetch(`${api.baseUrl}/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ ...body, captchaId, captchaAnswer: TEST_CAPTCHA_ANSWER }),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as { id?: string; error?: { code?: string } } };
  };
  const comment = (n: number) => ({
    articleId: ARTICLES[n % ARTICLES.length],
    authorName: `Bạn đọc cụm ${n}`,
    content: `Bình luận số ${n} gửi qua cụm Redis: đường sá ở xã cần sửa sớm.`,
  });

  it('accepts, moderates and stores every comment exactly once; /readyz is 200', async () => {
    await waitFor(async () => (await fetch(`${api.baseUrl}/readyz`)).status === 200, 60_000, 250);

    const accepted: string[] = [];
    const other: number[] = [];
    await runPool(COMMENTS, 6, async (n) => {
      const { status, json } = await post(comment(n));
      if (status === 202 && json.id) accepted.push(json.id);
      else other.push(status);
    });
    expect(other).toEqual([]);
    expect(accepted).toHaveLength(COMMENTS);

    // The duplicate rule and idempotent replays: single-key commands and one-key scripts.
    const duplicate = await post(comment(0));
    expect(duplicate).toMatchObject({ status: 409, json: { error: { code: 'duplicate_comment' } } });
    const key = { 'idempotency-key': `${prefix}-lan-dau` };
    const first = await post(comment(COMMENTS), key);
    const replay = await post(comment(COMMENTS), key);
    expect(first.status).toBe(202);
    expect(replay).toEqual(first);
    accepted.push(first.json.id as string);

    // The filter on the worker: a profane comment is rejected, the others wait for a moderator.
    const profane = await post({ articleId: ARTICLES[0], authorName: 'Kẻ chửi bậy', content: PROFANE });
    expect(profane.status).toBe(202);
    const rejected = profane.json.id as string;
    accepted.push(rejected);

    const stored = await storedOnceAllLand(db, accepted, 120_000);
    expect(accepted.filter((id) => !stored.has(id))).toEqual([]);
    const rows = await db.query<{ id: string; status: string; decided_by: string | null; verdict: unknown }>(
      'SELECT id, status, decided_by, verdict FROM comments',
    );
    expect(rows.rows).toHaveLength(accepted.length);
    expect(new Set(rows.rows.map((r) => r.id)).size).toBe(accepted.length);
    expect(rows.rows.find((r) => r.id === rejected)).toMatchObject({ status: 'rejected', decided_by: 'filter' });
    const others = rows.rows.filter((r) => r.id !== rejected);
    expect(new Set(others.map((r) => r.status))).toEqual(new Set(['pending']));
    expect(others.every((r) => r.verdict !== null)).toBe(true);

    // Counts of three articles, read twice: the second read finds the cached counts in Redis,
    // whose keys sit in different slots (a cross-slot MGET would fail and be logged).
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${api.baseUrl}/v1/counts?articles=${ARTICLES.join(',')}`);
      expect(await res.json()).toEqual({ counts: Object.fromEntries(ARTICLES.map((a) => [a, 0])) });
    }
    const countKeys = ARTICLES.map((a) => `${prefix}:count:${a}`);
    expect(await Promise.all(countKeys.map((k) => cluster.client().exists(k)))).toEqual([1, 1, 1]);
    expect(new Set(await Promise.all(countKeys.map((k) => cluster.slotOf(k)))).size).toBeGreaterThan(1);
    expect(api.output.filter((line) => /count cache/.test(line))).toEqual([]);

    const ready = await fetch(`${api.baseUrl}/readyz`);
    expect(ready.status, await ready.clone().text()).toBe(200);
    expect(await (await fetch(`${worker.baseUrl}/readyz`)).json()).toMatchObject({ status: 'ok', failed: [] });
  }, 300_000);

  it('spreads its own keys over the nodes and keeps every BullMQ key in one slot', async () => {
    const byNode = await cluster.keysByNode(`*${prefix}*`);
    const all = [...byNode.values()].flat();
    const queueKeys = all.filter((k) => k.startsWith(`{${prefix}}:`));
    const ownKeys = all.filter((k) => k.startsWith(`${prefix}:`));
    expect(queueKeys.length).toBeGreaterThan(0);
    expect(new Set(await Promise.all(queueKeys.map((k) => cluster.slotOf(k)))).size).toBe(1);
    // Captcha answers, duplicate markers, rate limits, idempotency answers, counts: sharded.
    const nodesWithOwnKeys = [...byNode.values()].filter((keys) => keys.some((k) => k.startsWith(`${prefix}:`)));
    expect(ownKeys.length).toBeGreaterThan(COMMENTS);
    expect(nodesWithOwnKeys.length).toBeGreaterThan(1);
  }, 60_000);
});
