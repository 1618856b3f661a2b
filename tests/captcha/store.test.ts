/**
 * GET /v1/captcha's one round trip (src/captcha/store.ts, saveAnswer with a limit): the rate
 * limit it counts is rate-limiter-flexible's counter, shared with the rateLimit() middleware's;
 * over the limit no answer is stored, and the image stays for the next request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptchaService, type CaptchaService } from '../../src/captcha/index.js';
import { createCaptchaStore, type CaptchaStore } from '../../src/captcha/store.js';
import { loadConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { createRateLimiter } from '../../src/http/middleware/rate-limit/index.js';
import { createLogger } from '../../src/logger.js';
import { redisKeys, type RedisKeys } from '../../src/store/keys.js';
import { testEnv } from '../support/env.js';
import { useRedisConnection } from '../support/hooks.js';
import { uniqueName } from '../support/names.js';
import { deleteRedisPrefix } from '../support/redis.js';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as AppError,
  );

describe('captcha store: the answer and the rate limit in one round trip (real Redis)', () => {
  const redis = useRedisConnection();
  let prefix: string;
  let keys: RedisKeys;
  let store: CaptchaStore;
  let service: CaptchaService | undefined;
  const limiter = (points: number) => createRateLimiter({ redis, keyPrefix: keys.rateLimit('captcha'), points, durationSeconds: 60 });

  beforeEach(() => {
    prefix = uniqueName('cst');
    keys = redisKeys(prefix);
    store = createCaptchaStore(redis, keys);
  });
  afterEach(async () => {
    await service?.close();
    service = undefined;
    await deleteRedisPrefix(prefix);
  });

  it('counts on the rateLimit() middleware counter: over it, 429 with the window left, and no answer stored', async () => {
    const counter = limiter(3).counter('203.0.113.7');
    await limiter(3).consume('203.0.113.7'); // one event counted the middleware's way
    await store.saveAnswer('A'.repeat(24), 'ans1', 300, counter);
    await store.countLimit(counter);
    expect(await redis.get(keys.captchaAnswer('A'.repeat(24)))).toBe('ans1');
    expect(await redis.ttl(keys.captchaAnswer('A'.repeat(24)))).toBeGreaterThan(295);
    const error = await refusal(store.saveAnswer('B'.repeat(24), 'ans2', 300, counter));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe('rate_limited');
    expect(error?.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(error?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await redis.exists(keys.captchaAnswer('B'.repeat(24)))).toBe(0);
    expect((await refusal(store.countLimit(counter)))?.code).toBe('rate_limited');
    // the middleware sees the events the script counted; another client is not counted
    expect((await refusal(limiter(3).consume('203.0.113.7')))?.code).toBe('rate_limited');
    await store.saveAnswer('C'.repeat(24), 'ans3', 300, limiter(3).counter('198.51.100.9'));
    expect(await redis.get(keys.captchaAnswer('C'.repeat(24)))).toBe('ans3');
  });

  it('saves asked for in one turn share a script call, each with its own limit, 429 and Retry-After', async () => {
    const ids = ['D', 'E', 'F', 'G'].map((c) => c.repeat(24));
    const one = limiter(2).counter('203.0.113.7');
    const other = limiter(2).counter('198.51.100.9');
    // Redis is real; the spy only counts the client's calls of the script.
    const scriptCalls = vi.spyOn(redis as unknown as { captchaSaveBatchWithinLimits: () => unknown }, 'captchaSaveBatchWithinLimits');
    const outcomes = await Promise.all([
      refusal(store.saveAnswer(ids[0], 'ans0', 300, one)),
      refusal(store.saveAnswer(ids[1], 'ans1', 300, one)),
      refusal(store.saveAnswer(ids[2], 'ans2', 300, one)), // the third of one client: over its limit of 2
      refusal(store.saveAnswer(ids[3], 'ans3', 120, other)),
    ]);
    // (ioredis' auto-pipeline calls the pipeline's copy of the command too: count the client's own calls)
    expect(scriptCalls.mock.contexts.filter((context) => context === redis)).toHaveLength(1);
    expect(scriptCalls.mock.calls[0]).toHaveLength(1 + 4 * 2 + 4 * 4); // the key count, 4 × 2 keys, 4 × 4 arguments
    scriptCalls.mockRestore();
    expect(outcomes[0]).toBeUndefined();
    expect(outcomes[1]).toBeUndefined();
    expect(outcomes[2]?.code).toBe('rate_limited');
    expect(outcomes[2]?.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(outcomes[3]).toBeUndefined();
    expect(await redis.mget(...ids.map((id) => keys.captchaAnswer(id)))).toEqual(['ans0', 'ans1', null, 'ans3']);
    expect(await redis.ttl(keys.captchaAnswer(ids[3]))).toBeLessThanOrEqual(120);
  });

  it('the service: a refused issue pops nothing for good; the next client gets that image', async () => {
    const config = loadConfig(testEnv(prefix, { CAPTCHA_TEST_ANSWER: '', CAPTCHA_POOL_SIZE: '20' }));
    service = createCaptchaService({ redis, keys, config, logger: createLogger('silent'), workerAlive: async () => true });
    await store.pushPooled(Array.from({ length: 4 }, (_, i) => ({ answer: `ans${i}`, image: `data:image/png;base64,IMG${i}` })));
    const first = await service.issue(limiter(1).counter('203.0.113.7'));
    expect(first.image.toString('latin1')).toBe('data:image/png;base64,IMG0');
    expect(await redis.get(keys.captchaAnswer(first.id))).toBe('ans0');
    expect((await refusal(service.issue(limiter(1).counter('203.0.113.7'))))?.code).toBe('rate_limited');
    const next = await service.issue(limiter(1).counter('198.51.100.9'));
    expect(next.image.toString('latin1')).toBe('data:image/png;base64,IMG1');
    expect(await redis.get(keys.captchaAnswer(next.id))).toBe('ans1');
  });
});
