/**
 * Keeps the Redis pool of pre-rendered captchas topped up, so issuing one is a Redis pop
 * instead of a render. Every worker copy runs this loop (index.ts, startRefilling); a Redis
 * lock (SET NX PX) lets only one of them render at a time, so N copies do not render N times
 * the work.
 *
 * Each tick: if the pool holds less than half its target, take the lock, render batches and
 * RPUSH them until the pool is full, then release the lock. The lock's lifetime is extended
 * after each batch; a copy that lost it (paused process, expired lock) stops rendering.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { CaptchaStore } from './store.js';
import type { RenderedCaptcha } from './render.js';

export interface PoolRefillerOptions {
  redis: Redis;
  store: CaptchaStore;
  lockKey: string;
  /** Target number of captchas in the pool. */
  size: number;
  /** Renders one new captcha. */
  render: () => Promise<RenderedCaptcha>;
  /** Renders several at once when the renderer does better than `render` in parallel (render threads do). */
  renderMany?: (count: number) => Promise<RenderedCaptcha[]>;
  logger: Logger;
  /** How often to look at the pool's length (default 1 s). */
  intervalMs?: number;
  /** Captchas rendered between two RPUSHes (default 10). */
  batchSize?: number;
  /** Renders running at once (default 2); index.ts renders on threads and queues two per thread. */
  parallelism?: number;
}

export interface PoolRefiller {
  /** One refill pass (what each tick runs); returns how many captchas it added. */
  refillOnce(): Promise<number>;
  stop(): Promise<void>;
}

const LOCK_TTL_MS = 30_000;

// Extend or release the lock only if we still hold it (the value is our random token).
const EXTEND_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function startPoolRefiller(options: PoolRefillerOptions): PoolRefiller {
  const { redis, store, lockKey, size, render, logger } = options;
  const intervalMs = options.intervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 10;
  const parallelism = options.parallelism ?? 2;
  const lowWater = Math.ceil(size / 2);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let lastFailureLoggedAt = 0;

  async function refillOnce(): Promise<number> {
    if (size <= 0 || (await store.poolLength()) >= lowWater) return 0;
    const token = randomBytes(12).toString('base64url');
    if ((await redis.set(lockKey, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') return 0;
    const started = performance.now();
    let added = 0;
    try {
      let length = await store.poolLength();
      while (!stopped && length < size) {
        const batch = await renderBatch(Math.min(batchSize, size - length));
        length = await store.pushPooled(batch);
        added += batch.length;
        if ((await redis.eval(EXTEND_IF_OWNER, 1, lockKey, token, LOCK_TTL_MS)) !== 1) break;
      }
    } finally {
      await redis.eval(RELEASE_IF_OWNER, 1, lockKey, token).catch(() => {});
    }
    const seconds = (performance.now() - started) / 1000;
    logger.debug({ added, seconds: Number(seconds.toFixed(3)), perSecond: Math.round(added / seconds) }, 'captcha pool refilled');
    return added;
  }

  async function renderBatch(count: number): Promise<RenderedCaptcha[]> {
    if (options.renderMany) return options.renderMany(count);
    const out: RenderedCaptcha[] = [];
    while (out.length < count) {
      const n = Math.min(parallelism, count - out.length);
      out.push(...(await Promise.all(Array.from({ length: n }, () => render()))));
    }
    return out;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    timer.unref(); // never keeps the process alive on its own
  }

  function tick() {
    running = refillOnce()
      .catch((error: unknown) => {
        // Redis down: say so once a minute, not once a second; the next tick tries again.
        if (Date.now() - lastFailureLoggedAt > 60_000) {
          lastFailureLoggedAt = Date.now();
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'captcha pool refill failed');
        }
      })
      .finally(schedule);
  }

  tick();
  return {
    refillOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
