/**
 * The memory layer of the count cache: an entry lives its TTL from when it was read, never
 * longer, whatever other ids are read with it; and `freshUntil` never promises more than the
 * entries it came from (the rendered /v1/counts answer is kept until then).
 *
 * Only Date is faked: the TTLs are read from Date.now(), and a loaded machine taking longer
 * than a TTL between two reads must not decide the outcome. Redis I/O runs on real timers.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CountCache } from '../../src/publish/count-cache.js';
import { CountStore } from '../../src/store/counts.js';
import { startTestService, type TestService } from '../support/service.js';

/** Moves the faked clock on; nothing else waits. */
const sleep = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('CountCache memory layer', () => {
  let svc: TestService;
  let cache: CountCache;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false, http: false });
    const { redis, keys, logger } = svc.services;
    cache = new CountCache({ redis, keys, logger, counts: new CountStore(svc.services.db), ttlSeconds: 60, memoryTtlMs: 400 });
  });
  afterAll(() => svc?.stop());
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  const setInRedis = (id: string, count: number, version: number) =>
    svc.services.redis.set(svc.services.keys.count(id), `${count}|${version}`, 'EX', 60);

  it('serves a count from memory for its TTL, then reads Redis again', async () => {
    await setInRedis('mem-a', 1, 1);
    expect((await cache.get(['mem-a'])).get('mem-a')).toBe(1);
    await setInRedis('mem-a', 2, 2);
    expect((await cache.get(['mem-a'])).get('mem-a')).toBe(1);
    sleep(450);
    expect((await cache.get(['mem-a'])).get('mem-a')).toBe(2);
  });

  it('does not extend a cached entry when it is read together with ids that missed', async () => {
    await setInRedis('mem-b', 1, 1);
    await cache.get(['mem-b']);
    await setInRedis('mem-b', 5, 2);
    // Every read below has a miss (a new id) next to the cached one, for longer than the TTL.
    let last = 0;
    for (let n = 0; n < 14; n++) {
      last = (await cache.get(['mem-b', `mem-new-${n}`])).get('mem-b')!;
      sleep(50);
    }
    expect(last).toBe(5);
  });

  it('reports freshUntil no later than the earliest memory entry used', async () => {
    await setInRedis('mem-c', 1, 1);
    const first = await cache.read(['mem-c']);
    sleep(200);
    const second = await cache.read(['mem-c', 'mem-d']);
    expect(second.freshUntil).toBeLessThanOrEqual(first.freshUntil);
    expect(second.freshUntil - Date.now()).toBeLessThanOrEqual(400 - 200);
  });
});
