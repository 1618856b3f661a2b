/**
 * A Sentinel connection that ioredis parks in its terminal state "end" without being asked
 * connects again (src/store/redis.ts reconnectAfterUnintendedEnd). The state is reached the
 * way a failover reaches it: the connection is reconnecting and still asking the sentinels
 * for the primary when the failover detector's disconnect lands (here the sentinels are
 * frozen so that the asking lasts, and the detector's call is made directly).
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRedis, createRedis, waitForRedis } from '../../src/store/redis.js';
import { type SentinelRedis, SENTINEL_MASTER_NAME, startSentinelRedis } from '../support/sentinel.js';
import { waitFor } from '../support/wait.js';

describe('a Sentinel connection ended by ioredis, not by us', () => {
  let sentinel: SentinelRedis;
  let sentinelPorts: number[];
  beforeAll(async () => {
    sentinel = await startSentinelRedis();
    sentinelPorts = sentinel.env.REDIS_SENTINELS.split(',').map((address) => Number(address.split(':')[1]));
  }, 120_000);
  afterAll(() => sentinel?.destroy());

  const connect = async () => {
    const redis = createRedis(
      {
        redisUrl: 'redis://sentinel-decides/0',
        redisSentinel: { sentinels: sentinelPorts.map((port) => ({ host: '127.0.0.1', port })), name: SENTINEL_MASTER_NAME },
      },
      'command',
    );
    await waitForRedis(redis);
    return redis;
  };

  /** What ioredis's FailoverDetector does on +switch-master: the connector's disconnect. */
  const failoverDetectorDisconnect = (redis: Redis) => (redis as unknown as { connector: { disconnect(): void } }).connector.disconnect();

  it('connects again when the failover detector aborts a reconnect that is asking the sentinels', async () => {
    const redis = await connect();
    const ends: number[] = [];
    redis.on('end', () => ends.push(Date.now()));
    for (const port of sentinelPorts) sentinel.pause(port);
    try {
      redis.disconnect(true); // the primary went away: reconnect through the sentinels
      await waitFor(async () => redis.status === 'connecting', 5_000, 5);
      failoverDetectorDisconnect(redis);
    } finally {
      for (const port of sentinelPorts) sentinel.resume(port);
    }
    // The sentinels answer, ioredis finds its connect aborted and ends the client.
    await waitFor(async () => ends.length > 0, 10_000, 10);
    await waitFor(async () => redis.status === 'ready', 15_000, 50);
    expect(await redis.ping()).toBe('PONG');
    await closeRedis(redis);
  }, 60_000);

  it('stays closed when we close it', async () => {
    const redis = await connect();
    await closeRedis(redis);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(redis.status).toBe('end');
  }, 30_000);
});
