/**
 * What one describe block needs around its tests (a service, a private Redis, a connection): set
 * up before them, taken down after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Redis } from 'ioredis';
import { createRedis, waitForRedis } from '../../src/store/redis.js';
import { type PrivateRedis, REDIS_URL, startPrivateRedis } from './redis.js';
import { startTestService, type TestService, type TestServiceOptions } from './service.js';

/** Says so plainly when a test reads a value its describe block's hooks have not set (yet). */
export function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started: read it inside a test or a hook`);
  return value;
}

/**
 * Starts a service (see startTestService) before the block's tests and stops it after them;
 * the tests read it as `.svc`. Options that need something made first (a free port) can be
 * given as a function, called in the hook.
 */
export function useTestService(options: TestServiceOptions | (() => Promise<TestServiceOptions>) = {}): { readonly svc: TestService } {
  let svc: TestService | undefined;
  beforeAll(async () => {
    svc = await startTestService(typeof options === 'function' ? await options() : options);
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
  }, 60_000);
  return {
    get svc() {
      return started(svc, 'the test service');
    },
  };
}

/**
 * Like useTestService, on a private redis-server (`.redis`) that the tests may freeze or kill.
 * After them, Redis is brought back (resumed, started again) so that stop() closes the queues
 * cleanly, and then killed.
 */
export function useServiceOnPrivateRedis(options: TestServiceOptions = {}): { readonly svc: TestService; readonly redis: PrivateRedis } {
  let redis: PrivateRedis | undefined;
  let svc: TestService | undefined;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    svc = await startTestService({ ...options, env: { ...options.env, REDIS_URL: redis.url } });
  }, 120_000);
  afterAll(async () => {
    redis?.resume();
    await redis?.start().catch(() => {});
    await svc?.stop();
    await redis?.kill();
  }, 60_000);
  return {
    get svc() {
      return started(svc, 'the test service');
    },
    get redis() {
      return started(redis, 'the private Redis');
    },
  };
}

/**
 * A command connection to the shared test Redis for one describe block: made at once (so the
 * block can use it as a plain value), ready before the tests, closed after them.
 */
export function useRedisConnection(): Redis {
  const redis = createRedis(REDIS_URL, 'command');
  beforeAll(() => waitForRedis(redis));
  afterAll(() => redis.disconnect());
  return redis;
}
