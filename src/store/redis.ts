/**
 * Redis connections. Three kinds, because BullMQ and the api want opposite things:
 * - `command`: the api's connection. No offline queue and short timeouts, so when Redis is
 *   down a request fails in well under 2 s (503) instead of hanging. Auto-pipelined: the
 *   commands of concurrent requests issued in one event-loop turn go out in one write, which
 *   saves a syscall per command on both sides under load.
 * - `queue`: as `command`, without auto-pipelining, for BullMQ's Queue (BullMQ is not tested
 *   with it; users reported lost job data with Bull).
 * - `blocking`: BullMQ workers. `maxRetriesPerRequest: null`, as BullMQ requires, so a
 *   worker rides out a Redis restart instead of crashing.
 * - `subscriber`: pub/sub listeners (SSE, word-list reloads); reconnects forever.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { withTimeout } from '../util/timeout.js';

export type RedisRole = 'command' | 'blocking' | 'subscriber' | 'queue';

export function redisOptions(role: RedisRole): RedisOptions {
  const base: RedisOptions = {
    connectTimeout: 1_000,
    // Back off up to 1 s between reconnects, forever: Redis coming back must heal us.
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    lazyConnect: false,
  };
  if (role === 'command' || role === 'queue') {
    return { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_500, enableAutoPipelining: role === 'command' };
  }
  return { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

export function createRedis(url: string, role: RedisRole): Redis {
  const redis = new Redis(url, redisOptions(role));
  // Errors surface through the failing command; an unhandled 'error' event would crash us.
  redis.on('error', () => {});
  return redis;
}

/**
 * Closes a connection after the commands already sent have been answered (QUIT), so writes
 * fired without waiting (an idempotent answer, a duplicate marker given back) land before the
 * process exits. Bounded: a Redis that is down or hanging gets the connection dropped.
 */
export async function closeRedis(redis: Redis, timeoutMs = 1_000): Promise<void> {
  if (redis.status !== 'ready') return void redis.disconnect();
  try {
    await withTimeout(redis.quit(), timeoutMs, 'QUIT');
  } catch {
    redis.disconnect();
  }
}

/** Resolves when the connection is ready, or rejects after timeoutMs. */
export async function waitForRedis(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not reachable within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}

/**
 * What a newcomer whose Redis is not running reads when the service will not start: the
 * address it tried (password hidden) and the two ways to get a Redis on this machine.
 */
export function redisUnreachableMessage(url: string, timeoutMs: number): string {
  return [
    `Redis not reachable at ${redactedUrl(url)} (REDIS_URL) within ${timeoutMs} ms.`,
    'Start one: `apt-get install redis-server` (then `redis-server`),',
    "or `docker compose up -d redis` with this repository's docker-compose.yml;",
    'or set REDIS_URL to a Redis you have.',
  ].join(' ');
}

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable REDIS_URL)';
  }
}
