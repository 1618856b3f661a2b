import { afterEach, describe, expect, it, vi } from 'vitest';
import { availableParallelism } from 'node:os';
import { createCaptchaService, refillThreads, type CaptchaService } from '../../src/captcha/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { captchaRendered } from '../../src/metrics.js';
import { redisKeys, type RedisKeys } from '../../src/store/keys.js';
import { testEnv } from '../support/env.js';
import { useRedisConnection } from '../support/hooks.js';
import { counterValue } from '../support/metrics.js';
import { uniqueName } from '../support/names.js';
import { deleteRedisPrefix } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

// Rendering on this thread (the event loop) is a bug: every render must go to a render thread,
// which loads the real module in its own module graph, out of vitest's reach.
vi.mock('../../src/captcha/render.js', () => ({
  renderCaptcha: () => {
    throw new Error('rendered on the event loop');
  },
}));

const logger = createLogger('silent');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const apiRenders = () => counterValue(captchaRendered, { by: 'api' });

/** The service on its own (real Redis, own prefix) with settings the environment cannot give. */
describe('captcha service', () => {
  const redis = useRedisConnection();
  let keys: RedisKeys;
  let prefix: string;
  let service: CaptchaService | undefined;

  const make = (captcha: Partial<Config['captcha']>, workerAlive = false) => {
    prefix = uniqueName('cap');
    keys = redisKeys(prefix);
    const base = loadConfig(testEnv(prefix, { CAPTCHA_TEST_ANSWER: '' }));
    const config: Config = { ...base, captcha: { ...base.captcha, ...captcha } };
    service = createCaptchaService({ redis, keys, config, logger, workerAlive: async () => workerAlive });
    return service;
  };

  afterEach(async () => {
    await service?.close();
    await deleteRedisPrefix(prefix);
  });

  it('a captcha past its TTL verifies as expired', async () => {
    const captcha = make({ ttlSeconds: 1, poolSize: 0 });
    const { id, expiresIn } = await captcha.issue();
    expect(expiresIn).toBe(1);
    const answer = (await redis.get(keys.captchaAnswer(id)))!;
    await new Promise((r) => setTimeout(r, 1_300));
    expect(await captcha.verify(id, answer)).toBe('expired');
  });

  it('with pool size 0 renders every captcha on a render thread and keeps no pool', async () => {
    const captcha = make({ poolSize: 0 });
    const before = await apiRenders();
    const { id, image } = await captcha.issue();
    expect(Buffer.from(image.toString('latin1').slice('data:image/png;base64,'.length), 'base64').subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(await redis.get(keys.captchaAnswer(id))).toMatch(/^[a-z0-9]{5}$/);
    expect(await apiRenders()).toBe(before + 1);
    expect(captcha.startRefilling(1)).toBeDefined(); // no pool: nothing to refill
    await new Promise((r) => setTimeout(r, 700));
    expect(await redis.exists(keys.captchaPool)).toBe(0);
  });

  it('an empty pool with no live worker: the api renders, on a render thread, at once', async () => {
    const captcha = make({ poolSize: 10 }, false);
    const before = await apiRenders();
    const issued = await Promise.all(Array.from({ length: 4 }, () => captcha.issue()));
    expect(new Set(issued.map((c) => c.image.toString('latin1'))).size).toBe(4);
    expect(await apiRenders()).toBe(before + 4);
    for (const c of issued) expect(await redis.get(keys.captchaAnswer(c.id))).toMatch(/^[a-z0-9]{5}$/);
    expect(await redis.llen(keys.captchaPool)).toBe(0); // the api never refills
  });

  it('an empty pool with a live worker: the api waits for its refill instead of rendering', async () => {
    const captcha = make({ poolSize: 10 }, true);
    const before = await apiRenders();
    setTimeout(() => void redis.rpush(keys.captchaPool, 'abcde\ndata:image/png;base64,BBBB'), 300);
    const { id, image } = await captcha.issue();
    expect(image.toString('latin1')).toBe('data:image/png;base64,BBBB');
    expect(await redis.get(keys.captchaAnswer(id))).toBe('abcde');
    expect(await apiRenders()).toBe(before);
  });

  it('startRefilling fills the pool on render threads; stop() stops it', async () => {
    const captcha = make({ poolSize: 6 });
    expect(await redis.llen(keys.captchaPool)).toBe(0); // nothing renders before a worker asks
    const refilling = captcha.startRefilling(2);
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === 6, 20_000);
    const entries = await redis.lrange(keys.captchaPool, 0, -1);
    expect(new Set(entries).size).toBe(6);
    for (const entry of entries) expect(entry).toMatch(/^[a-z0-9]{5}\ndata:image\/png;base64,/);
    await refilling.stop();
    await redis.del(keys.captchaPool);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await redis.llen(keys.captchaPool)).toBe(0);
  });

  it('a burst of concurrent issues is served from the pool, each image once', async () => {
    const captcha = make({ poolSize: 100 });
    const images = Array.from({ length: 100 }, (_, i) => `data:image/png;base64,AAAA${i}`);
    await redis.rpush(keys.captchaPool, ...images.map((image, i) => `ans${i}\n${image}`));
    const issued = await Promise.all(Array.from({ length: 60 }, () => captcha.issue()));
    const served = issued.map((c) => c.image.toString('latin1'));
    expect(served.every((image) => images.includes(image))).toBe(true); // none rendered by the api
    expect(new Set(served).size).toBe(60);
    const answers = await Promise.all(issued.map((c) => redis.get(keys.captchaAnswer(c.id))));
    expect(answers).toEqual(served.map((image) => `ans${images.indexOf(image)}`));
  });

  it('the test answer replaces pooled answers too', async () => {
    const captcha = make({ poolSize: 4, testAnswer: 'Secret' });
    await redis.rpush(keys.captchaPool, 'zzzzz\ndata:image/png;base64,AAAA');
    const { id, image } = await captcha.issue();
    expect(image.toString('latin1')).toBe('data:image/png;base64,AAAA');
    expect(await captcha.verify(id, 'secret')).toBe('ok');
  });
});

describe('render threads of a refilling process (CAPTCHA_RENDER_THREADS)', () => {
  it('a setting wins; 0 means the cores (at most 4) in a worker, one fewer (at least 1) beside the api', () => {
    const cores = availableParallelism();
    expect(refillThreads(3, true)).toBe(3);
    expect(refillThreads(0, false)).toBe(Math.min(4, cores));
    expect(refillThreads(0, true)).toBe(Math.max(1, cores - 1));
    expect(loadConfig({}).captcha.renderThreads).toBe(0);
    expect(loadConfig({ CAPTCHA_RENDER_THREADS: '2' }).captcha.renderThreads).toBe(2);
    expect(() => loadConfig({ CAPTCHA_RENDER_THREADS: '-1' })).toThrow(/CAPTCHA_RENDER_THREADS/);
  });
});
