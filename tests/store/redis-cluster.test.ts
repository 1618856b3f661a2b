/**
 * Our multi-key Redis commands on a real Redis Cluster (three primaries on loopback), through
 * createRedis with REDIS_CLUSTER_NODES, so a key layout that spans slots fails here with
 * CROSSSLOT instead of in production:
 * - the count cache reads several articles at once (their keys sit in different slots);
 * - retention reads failed jobs in one pipeline and redacts them with a two-key script (the
 *   job hash and the failed set share the `{prefix}` hash tag).
 * Pub/sub reaches a subscriber whatever node each side talks to.
 * Everything else we send (captchas, duplicates, idempotency, sessions, rate limits,
 * heartbeat) touches one key per command or script; tests/faults/redis-cluster.test.ts runs
 * those through real processes. Skipped, saying why, when redis-server or redis-cli is missing.
 */
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { CountCache } from '../../src/publish/count-cache.js';
import { createQueues, type ModerationJobData, QUEUE_NAMES, type Queues } from '../../src/queues/index.js';
import { forgetJobPersonalData } from '../../src/retention/jobs.js';
import { CountStore } from '../../src/store/counts.js';
import { type Db, openDb } from '../../src/store/db.js';
import { redisKeys } from '../../src/store/keys.js';
import { migrate } from '../../src/store/migrate.js';
import { closeRedis, createRedis, type RedisEndpoint, waitForRedis } from '../../src/store/redis.js';
import { PGLITE_IN_MEMORY } from '../support/database.js';
import { uniqueName } from '../support/names.js';
import { clusterUnavailable, type RedisCluster, startRedisCluster } from '../support/redis-cluster.js';
import { waitFor } from '../support/wait.js';

const why = await clusterUnavailable();

describe.skipIf(why !== null)(`multi-key commands on a Redis Cluster${why ? ` (skipped: ${why})` : ''}`, () => {
  const keys = redisKeys(uniqueName('rk'));
  let cluster: RedisCluster;
  let endpoint: RedisEndpoint;
  let redis: Redis;
  let db: Db;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    endpoint = loadConfig(cluster.env);
    redis = createRedis(endpoint, 'command');
    await waitForRedis(redis);
    db = await openDb({ dataDir: PGLITE_IN_MEMORY });
    await migrate(db);
  }, 120_000);

  afterAll(async () => {
    if (redis) await closeRedis(redis);
    await db?.close();
    await cluster?.destroy();
  }, 60_000);

  it('connects every role as a Cluster client', async () => {
    expect(redis.isCluster).toBe(true);
    for (const role of ['queue', 'blocking', 'subscriber'] as const) {
      const other = createRedis(endpoint, role);
      await waitForRedis(other);
      expect(other.isCluster).toBe(true);
      await closeRedis(other);
    }
  });

  it('delivers pub/sub messages published on any node to a subscriber on another', async () => {
    const subscriber = createRedis(endpoint, 'subscriber');
    try {
      const heard: string[] = [];
      subscriber.on('message', (_channel: string, message: string) => void heard.push(message));
      await subscriber.subscribe(keys.eventsChannel);
      // A PUBLISH (no key) goes to any node; the cluster bus relays it to every node.
      for (let i = 0; i < 5; i++) await redis.publish(keys.eventsChannel, `tin ${i}`);
      await waitFor(() => heard.length === 5, 10_000);
      // Each PUBLISH may leave through another node: all arrive, not always in order.
      expect(heard.sort()).toEqual(['tin 0', 'tin 1', 'tin 2', 'tin 3', 'tin 4']);
    } finally {
      await closeRedis(subscriber);
    }
  });

  it('reads the counts of articles in different slots from Redis, not from PostgreSQL', async () => {
    const articles = ['bai-mot', 'bai-hai', 'bai-ba', 'bai-bon'];
    const slots = new Set(await Promise.all(articles.map((a) => cluster.slotOf(keys.count(a)))));
    expect(slots.size).toBeGreaterThan(1); // otherwise this would prove nothing
    const warnings: string[] = [];
    const logger = createLogger('warn', {}, { write: (line: string) => void warnings.push(line) });
    const cache = () => new CountCache({ redis, keys, counts: new CountStore(db), logger, ttlSeconds: 60, memoryTtlMs: 0 });
    // Only Redis knows these counts (PostgreSQL has none): a read falling back to it would say 0.
    for (const [i, articleId] of articles.entries()) await cache().put({ articleId, count: i + 1, version: 1 });
    expect(await cache().get(articles)).toEqual(new Map(articles.map((a, i) => [a, i + 1])));
    expect(warnings).toEqual([]);
  });

  it('redacts failed jobs with one pipeline and a two-key script, both inside the queue slot', async () => {
    const queueConnection = createRedis(endpoint, 'queue');
    const queues: Queues = createQueues(queueConnection, keys.queuePrefix, { retention: { ipDays: 30 } });
    const connection = createRedis(endpoint, 'blocking');
    const worker = new Worker<ModerationJobData>(
      QUEUE_NAMES.moderation,
      async (_job: Job<ModerationJobData>) => {
        throw new Error('job stalled more than allowable limit');
      },
      { connection, prefix: keys.queuePrefix },
    );
    try {
      const id = newCommentId();
      const comment = {
        id,
        articleId: 'thoi-su/1',
        parentId: null,
        authorName: 'Trần Văn Cụm',
        authorEmail: `cum-${id}@example.vn`,
        content: 'Đường liên xã xuống cấp',
        ip: '192.0.2.18',
        userAgent: 'Mozilla/5.0 (cum)',
        createdAt: new Date().toISOString(),
      };
      await queues.moderation.add('moderate', { comment }, { jobId: id, attempts: 1 });
      await waitFor(async () => (await queues.moderation.getJob(id))?.finishedOn, 30_000);
      const jobKey = queues.moderation.toKey(id);
      expect(await cluster.slotOf(jobKey)).toBe(await cluster.slotOf(queues.moderation.keys.failed));

      const result = await forgetJobPersonalData({ redis, queue: queues.moderation }, { ipDays: 30 });
      expect(result.failedJobsRedacted).toBe(1);
      const data = await redis.hget(jobKey, 'data');
      for (const personal of [comment.authorEmail, comment.ip, comment.userAgent]) expect(data).not.toContain(personal);
    } finally {
      await worker.close();
      await queues.close();
      queueConnection.disconnect();
      connection.disconnect();
    }
  }, 60_000);
});
