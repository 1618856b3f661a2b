/**
 * Worker heartbeats, so readiness can tell "a worker is alive and taking jobs" without
 * scanning keys. Every few seconds each worker process, while its BullMQ workers run,
 * writes its id with the current time into one sorted set (keys.workers) and a small
 * status key with a TTL (keys.workerHeartbeat(id), for operators). Readiness asks the
 * sorted set for any member newer than WORKER_HEARTBEAT_MAX_AGE_SECONDS: one ZRANGEBYSCORE.
 * A wedged process (blocked event loop, closed or paused workers) stops beating and ages out.
 */
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../store/keys.js';

export interface HeartbeatOptions {
  redis: Redis;
  keys: Pick<RedisKeys, 'workers' | 'workerHeartbeat'>;
  workerId: string;
  /** Readiness threshold; the beat runs several times within it. */
  maxAgeSeconds: number;
  /** False while this process should not count as a live worker (workers closed or paused). */
  healthy: () => boolean;
  onError?: (error: unknown) => void;
}

export interface Heartbeat {
  /** Writes one beat now (also used by tests). */
  beat(): Promise<void>;
  /** Stops beating and removes this worker at once, so readiness does not wait for it to age out. */
  stop(): Promise<void>;
}

/** Beat often enough that two missed beats still fit in the readiness window. */
export function heartbeatIntervalMs(maxAgeSeconds: number): number {
  return Math.max(1_000, Math.min(5_000, Math.floor((maxAgeSeconds * 1_000) / 3)));
}

export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { redis, keys, workerId, maxAgeSeconds } = options;
  const startedAt = new Date().toISOString();
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  const beat = async () => {
    if (stopped || !options.healthy()) return;
    const now = Date.now();
    // Separate commands, not MULTI: the two keys may live in different Redis Cluster slots.
    await Promise.all([
      redis.zadd(keys.workers, now, workerId),
      // Forget workers silent for an hour, so the set stays small without any scan.
      redis.zremrangebyscore(keys.workers, '-inf', now - 3_600_000),
      redis.set(
        keys.workerHeartbeat(workerId),
        JSON.stringify({ pid: process.pid, host: hostname(), startedAt, at: now }),
        'EX',
        maxAgeSeconds,
      ),
    ]);
  };
  const safeBeat = () => (inFlight = beat().catch((error) => options.onError?.(error)));
  void safeBeat();
  const timer = setInterval(safeBeat, heartbeatIntervalMs(maxAgeSeconds));
  timer.unref();
  return {
    beat,
    async stop() {
      stopped = true;
      clearInterval(timer);
      // A beat still on the wire would re-add us after the removal below.
      await inFlight;
      await Promise.all([redis.zrem(keys.workers, workerId), redis.del(keys.workerHeartbeat(workerId))]).catch((error) =>
        options.onError?.(error),
      );
    },
  };
}

/** Newest heartbeat of any worker, as ms since the epoch, or null when none is fresh. */
export async function freshestHeartbeat(redis: Redis, keys: Pick<RedisKeys, 'workers'>, maxAgeSeconds: number): Promise<number | null> {
  const since = Date.now() - maxAgeSeconds * 1_000;
  const newest = await redis.zrevrangebyscore(keys.workers, '+inf', since, 'WITHSCORES', 'LIMIT', 0, 1);
  return newest.length === 2 ? Number(newest[1]) : null;
}
