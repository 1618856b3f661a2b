import { afterEach, describe, expect, it } from 'vitest';
import { createCaptchaService, type CaptchaService } from '../../src/captcha/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { redisKeys, type RedisKeys } from '../../src/store/keys.js';
import { testEnv } from '../support/env.js';
import { uniqueName } from '../support/names.js';
import { useRedisConnection } from '../support/hooks.js';
import { deleteRedisPrefix } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const logger = createLogger('silent');

/** The service on its own (real Redis, own prefix) with settings the environment cannot give. */
describe('captcha service', () => {
  const redis = useRedisConnection();
  let keys: RedisKeys;
  let prefix: string;
  let service: CaptchaService | undefined;

  const make = (captcha: Partial<Config['captcha']>) => {
    prefix = uniqueName('cap');
    keys = redisKeys(prefix);
    const base = loadConfig(testEnv(prefix, { CAPTCHA_TEST_ANSWER: '' }));
    const config: Config = { ...base, captcha: { ...base.captcha, ...captcha } };
    service = createCaptchaService({ redis, keys, config, logger });
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

  it('with pool size 0 renders every captcha inline and keeps no pool', async () => {
    const captcha = make({ poolSize: 0 });
    const { id, image } = await captcha.issue();
    expect(image.startsWith('data:image/png;base64,')).toBe(true);
    expect(await redis.get(keys.captchaAnswer(id))).toMatch(/^[a-z0-9]{5}$/);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await redis.exists(keys.captchaPool)).toBe(0);
  });

  it('starts the refiller on the first issue and stops it on close', async () => {
    const captcha = make({ poolSize: 4 });
    expect(await redis.llen(keys.captchaPool)).toBe(0); // nothing renders before anyone asks
    await captcha.issue();
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === 4, 10_000);
    await captcha.close();
    await redis.del(keys.captchaPool);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await redis.llen(keys.captchaPool)).toBe(0);
  });

  it('a burst of concurrent issues is served from the pool, each image once', async () => {
    const captcha = make({ poolSize: 100 });
    const images = Array.from({ length: 100 }, (_, i) => `data:image/png;base64,AAAA${i}`);
    await redis.rpush(keys.captchaPool, ...images.map((image, i) => `ans${i}\n${image}`));
    const issued = await Promise.all(Array.from({ length: 60 }, () => captcha.issue()));
    const served = issued.map((c) => c.image);
    expect(served.every((image) => images.includes(image))).toBe(true); // none rendered inline
    expect(new Set(served).size).toBe(60);
    const answers = await Promise.all(issued.map((c) => redis.get(keys.captchaAnswer(c.id))));
    expect(answers).toEqual(served.map((image) => `ans${images.indexOf(image)}`));
  });

  it('the test answer replaces pooled answers too', async () => {
    const captcha = make({ poolSize: 4, testAnswer: 'Secret' });
    await redis.rpush(keys.captchaPool, 'zzzzz\ndata:image/png;base64,AAAA');
    const { id, image } = await captcha.issue();
    expect(image).toBe('data:image/png;base64,AAAA');
    expect(await captcha.verify(id, 'secret')).toBe('ok');
  });
});
