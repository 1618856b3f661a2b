import { afterEach, describe, expect, it } from 'vitest';
import { startPoolRefiller, type PoolRefiller } from '../../src/captcha/pool.js';
import { createCaptchaStore, type CaptchaStore } from '../../src/captcha/store.js';
import { createLogger } from '../../src/logger.js';
import { redisKeys, type RedisKeys } from '../../src/store/keys.js';
import { uniqueName } from '../support/names.js';
import { useRedisConnection } from '../support/hooks.js';
import { deleteRedisPrefix } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const logger = createLogger('silent');

describe('captcha pool refiller (real Redis)', () => {
  const redis = useRedisConnection();
  let keys: RedisKeys;
  let store: CaptchaStore;
  let prefix: string;
  const refillers: PoolRefiller[] = [];
  let rendered = 0;
  // A cheap stand-in renderer: these tests are about the pool's bookkeeping, not the images.
  const render = async () => {
    rendered++;
    await new Promise((r) => setTimeout(r, 2));
    return { image: `data:image/png;base64,${rendered}`, answer: `a${rendered}` };
  };
  const start = (size: number, intervalMs = 50) => {
    const refiller = startPoolRefiller({ redis, store, lockKey: keys.captchaPoolLock, size, render, logger, intervalMs, batchSize: 4 });
    refillers.push(refiller);
    return refiller;
  };

  afterEach(async () => {
    for (const r of refillers.splice(0)) await r.stop();
    await deleteRedisPrefix(prefix);
  });

  const fresh = () => {
    prefix = uniqueName('pool');
    keys = redisKeys(prefix);
    store = createCaptchaStore(redis, keys);
    rendered = 0;
  };

  it('fills an empty pool to its size, then stops rendering', async () => {
    fresh();
    start(10);
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === 10);
    await new Promise((r) => setTimeout(r, 200)); // several more ticks
    expect(await redis.llen(keys.captchaPool)).toBe(10);
    expect(rendered).toBe(10);
    expect(await redis.exists(keys.captchaPoolLock)).toBe(0); // released
  });

  it('waits until the pool is below half before rendering again', async () => {
    fresh();
    start(10);
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === 10);
    await store.takePooled(5); // 5 left: half, not below
    await new Promise((r) => setTimeout(r, 200));
    expect(await redis.llen(keys.captchaPool)).toBe(5);
    await store.takePooled(1); // 4 left: below half
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === 10);
    expect(rendered).toBe(16);
  });

  it('renders nothing while another copy holds the lock', async () => {
    fresh();
    await redis.set(keys.captchaPoolLock, 'another-copy', 'PX', 10_000);
    const refiller = start(10);
    expect(await refiller.refillOnce()).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(await redis.llen(keys.captchaPool)).toBe(0);
    expect(await redis.get(keys.captchaPoolLock)).toBe('another-copy'); // not stolen, not deleted
  });

  it('several copies at once fill the pool once, not once each', async () => {
    fresh();
    for (let i = 0; i < 4; i++) start(12, 10);
    await waitFor(async () => (await redis.llen(keys.captchaPool)) >= 12);
    await new Promise((r) => setTimeout(r, 300));
    expect(await redis.llen(keys.captchaPool)).toBe(12);
    expect(rendered).toBe(12);
  });

  it('stops when told to: a drained pool stays empty', async () => {
    fresh();
    const refiller = start(6);
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === 6);
    await refiller.stop();
    await redis.del(keys.captchaPool);
    await new Promise((r) => setTimeout(r, 300));
    expect(await redis.llen(keys.captchaPool)).toBe(0);
  });

  it('skips an unreadable pool entry instead of serving it', async () => {
    fresh();
    await redis.rpush(
      keys.captchaPool,
      'no newline',
      JSON.stringify({ image: 'x', answer: 'old format' }),
      '\nno answer',
      'no image\n',
      'abcde\nnot a data URL',
      // bytes a JSON string cannot hold as they are: the route copies images into its body unescaped
      'abcde\ndata:image/png;base64,AA"AA',
      'abcde\ndata:image/png;base64,AA\\AA',
      'abcde\ndata:image/png;base64,AA\nAA',
      'abcde\ndata:image/png;base64,AA\u0000AA',
      'abcde\ndata:image/png;base64,AA\u001fAA',
      'abcde\ndata:image/png;base64,AAé',
    );
    expect(await store.takePooled(20)).toEqual([]);
    expect(await redis.llen(keys.captchaPool)).toBe(0);
    await store.pushPooled([{ image: 'data:image/svg+xml;base64,PHN2Zz4=', answer: 'abcde' }]);
    expect(await store.takePooled(10)).toEqual([{ image: Buffer.from('data:image/svg+xml;base64,PHN2Zz4='), answer: 'abcde' }]);
    expect(await store.takePooled(10)).toEqual([]);
  });
});
