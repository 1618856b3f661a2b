/**
 * The captcha: issue an image whose answer only Redis knows, verify an answer once.
 *
 * - Rendering belongs to the workers: every worker process (the worker role, and `npm start`'s
 *   in-process workers) calls startRefilling(), which keeps the Redis pool full (pool.ts)
 *   with images drawn on render threads (render-pool.ts), never on its event loop.
 * - Issuing takes a pooled image (a few at a time, kept in memory until issued), then counts
 *   the client's rate limit and stores the answer under a fresh random id with a TTL in one
 *   Redis round trip (one Lua script, store.ts); a refused request leaves its image for the
 *   next one. When the pool is empty, the api waits a moment
 *   for a live worker's refill (workerAlive, from the workers' heartbeats); only when no worker
 *   is alive (or the wait runs out, or the pool is off) does it render, on a render thread of
 *   its own. Issuing never fails for want of an image. The answer is never in the response,
 *   the image or the id.
 * - Verifying takes the answer with GETDEL: the first attempt consumes the captcha, right or
 *   wrong. Outcomes: `ok`; `wrong` (the captcha existed, the answer did not match); `expired`
 *   (no answer stored: it expired, was already used, or the id was never issued — we cannot
 *   and need not tell those apart).
 * - Test mode (NODE_ENV=test with CAPTCHA_TEST_ANSWER): every answer is that value.
 */
import { availableParallelism } from 'node:os';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { captchaIssued, captchaRendered, captchaVerifications } from '../metrics.js';
import type { RedisKeys } from '../store/keys.js';
import { answersMatch, canonicalAnswer } from './answer.js';
import { isCaptchaId, newCaptchaId } from './ids.js';
import { startPoolRefiller } from './pool.js';
import type { RenderedCaptcha } from './render.js';
import { createRenderPool, type RenderPool } from './render-pool.js';
import type { LimitCounter } from '../store/limit-counter.js';
import { createCaptchaStore, type PooledCaptcha } from './store.js';

export type CaptchaCheck = 'ok' | 'wrong' | 'expired';

/** At most this many pooled captchas are taken into a process's memory at once (64 ≈ 0.4 MB). */
const MAX_PREFETCH = 64;
/** How long an issue on an empty pool waits for a live worker's refill before rendering itself. */
const WAIT_FOR_REFILL_MS = 2_000;
const POLL_MS = 50;
/** A worker's liveness is asked of Redis at most this often. */
const LIVENESS_CACHE_MS = 1_000;

export interface IssuedCaptcha {
  /** Opaque, unguessable (144 random bits, base64url). */
  id: string;
  /**
   * `data:image/png;base64,…` as ASCII bytes, the bytes the pool held (store.ts): only
   * characters a JSON string holds unescaped (`isDataUrl`), so a response can copy them as is.
   */
  image: Buffer;
  /** Seconds until the captcha expires. */
  expiresIn: number;
}

export interface Refilling {
  stop(): Promise<void>;
}

export interface CaptchaService {
  /**
   * Counts one event of `limit` (the client's rate limit) and issues, in one Redis round trip
   * when an image is at hand. Throws `rate_limited` (429) over the limit, `unavailable` (503)
   * when Redis cannot be reached.
   */
  issue(limit?: LimitCounter): Promise<IssuedCaptcha>;
  /** Consumes the captcha whatever the outcome. Throws `unavailable` when Redis cannot be reached. */
  verify(id: string, answer: string): Promise<CaptchaCheck>;
  /**
   * Where `id`'s answer waits in Redis, or undefined when `id` cannot be one of ours (nothing
   * to take), for a caller that takes it (GETDEL) in a script with other checks
   * (src/comments/first-checks.ts); judge() then gives verify()'s verdict on what it took.
   */
  answerKey(id: string): string | undefined;
  /** verify()'s verdict on an answer taken from Redis by the caller (undefined: none was there), counted the same. */
  judge(stored: string | undefined, answer: string): CaptchaCheck;
  /**
   * Keeps the pool full, rendering on `threads` render threads (workers/index.ts calls it).
   * Several processes share the work through a Redis lock (pool.ts).
   */
  startRefilling(threads: number): Refilling;
  /** Stops refilling and the render threads. */
  close(): Promise<void>;
}

/**
 * Render threads of a refilling process when CAPTCHA_RENDER_THREADS is 0: a worker process
 * has the cores to itself (up to 4); `npm start`'s process leaves one core to the api's
 * event loop, so readers' requests keep their latency while the pool refills.
 */
export function refillThreads(setting: number, sharesProcessWithApi: boolean): number {
  if (setting > 0) return setting;
  const cores = availableParallelism();
  return sharesProcessWithApi ? Math.max(1, cores - 1) : Math.min(4, cores);
}

export interface CaptchaDeps {
  redis: Redis;
  keys: RedisKeys;
  config: Config;
  logger: Logger;
  /** True while some worker process beats (src/ops/heartbeat.ts): it refills the pool. */
  workerAlive: () => Promise<boolean>;
}

export function createCaptchaService(deps: CaptchaDeps): CaptchaService {
  const { redis, keys, config, logger } = deps;
  const { ttlSeconds, testAnswer, poolSize } = config.captcha;
  const store = createCaptchaStore(redis, keys);
  // Answers are stored the way verify() compares them: case-folded.
  const canonical = (c: RenderedCaptcha): RenderedCaptcha => ({ image: c.image, answer: canonicalAnswer(c.answer) });
  const refillings = new Set<Refilling>();
  let ownThread: RenderPool | undefined; // the api's last resort, started on first use
  let closed = false;

  // Pooled captchas are taken from Redis a few at a time and issued from memory: one LPOP
  // per request was most of Redis's work on GET /v1/captcha. A few images (never answers of
  // issued captchas) are lost if the process stops.
  const prefetchSize = Math.max(1, Math.min(MAX_PREFETCH, Math.floor(poolSize / 10)));
  const prefetched: PooledCaptcha[] = [];
  let fetching: Promise<boolean> | undefined; // resolves false when the pool had nothing
  let waiting = 0;

  async function nextPooled(): Promise<PooledCaptcha | undefined> {
    if (poolSize <= 0) return undefined;
    waiting++;
    try {
      // Waiters share one fetch, sized for all of them; any it leaves empty-handed fetch again,
      // until the pool is empty.
      while (prefetched.length === 0) {
        fetching ??= store
          .takePooled(Math.min(MAX_PREFETCH, Math.max(prefetchSize, waiting)))
          .then((batch) => prefetched.push(...batch) > 0)
          .finally(() => (fetching = undefined));
        if (!(await fetching)) return undefined;
      }
      return prefetched.shift();
    } finally {
      waiting--;
    }
  }

  let liveness: { alive: Promise<boolean>; at: number } | undefined;
  function workerAlive(): Promise<boolean> {
    if (!liveness || Date.now() - liveness.at > LIVENESS_CACHE_MS) {
      liveness = { alive: deps.workerAlive().catch(() => false), at: Date.now() };
    }
    return liveness.alive;
  }

  const fixedAnswer = testAnswer === undefined ? undefined : canonicalAnswer(testAnswer);

  async function fromPrefetched(id: string): Promise<IssuedCaptcha | undefined> {
    const captcha = await nextPooled();
    return captcha && saved(id, captcha);
  }

  async function saved(id: string, captcha: PooledCaptcha, limit?: LimitCounter): Promise<IssuedCaptcha> {
    await store.saveAnswer(id, fixedAnswer ?? captcha.answer, ttlSeconds, limit);
    return { id, image: captcha.image, expiresIn: ttlSeconds };
  }

  /** The pool is empty: a live worker refills it within a second or so; otherwise render here, off the event loop. */
  async function whenPoolEmpty(id: string): Promise<IssuedCaptcha> {
    if (poolSize > 0 && (await workerAlive())) {
      for (const deadline = Date.now() + WAIT_FOR_REFILL_MS; Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const issued = await fromPrefetched(id);
        if (issued) return issued;
      }
      logger.warn({ waitedMs: WAIT_FOR_REFILL_MS }, 'captcha pool still empty with a worker alive; rendering in the api');
    }
    ownThread ??= createRenderPool(1);
    captchaRendered.inc({ by: 'api' });
    const { answer, image } = canonical(await ownThread.render());
    return saved(id, { answer, image: Buffer.from(image, 'latin1') });
  }

  const judge = (stored: string | undefined, answer: string): CaptchaCheck => {
    const result: CaptchaCheck = stored === undefined ? 'expired' : answersMatch(stored, answer) ? 'ok' : 'wrong';
    captchaVerifications.inc({ result });
    return result;
  };

  return {
    async issue(limit) {
      const id = newCaptchaId();
      const pooled = await nextPooled();
      let issued: IssuedCaptcha;
      if (pooled) {
        // The limit is counted with the answer's SET, in one round trip (store.ts).
        issued = await saved(id, pooled, limit).catch((error: unknown) => {
          prefetched.unshift(pooled); // refused (or Redis failed): the image goes to the next request
          throw error;
        });
      } else {
        if (limit) await store.countLimit(limit);
        issued = await whenPoolEmpty(id);
      }
      captchaIssued.inc();
      return issued;
    },

    async verify(id, answer) {
      return judge(isCaptchaId(id) ? await store.takeAnswer(id) : undefined, answer);
    },

    answerKey: (id) => (isCaptchaId(id) ? keys.captchaAnswer(id) : undefined),

    judge,

    startRefilling(threads) {
      if (closed || poolSize <= 0) return { stop: async () => {} };
      const renderPool = createRenderPool(threads);
      const renderMany = async (count: number) => {
        const captchas = (await renderPool.renderMany(count)).map(canonical);
        captchaRendered.inc({ by: 'refill' }, captchas.length);
        return captchas;
      };
      // A batch (5 per thread) is one message to and from each thread: the refilling process's
      // event loop handles a message per 5 images and one RPUSH per batch.
      const refiller = startPoolRefiller({
        redis,
        store,
        lockKey: keys.captchaPoolLock,
        size: poolSize,
        render: async () => (await renderMany(1))[0],
        renderMany,
        logger,
        batchSize: renderPool.threads * 5,
        intervalMs: 500,
      });
      const refilling: Refilling = {
        async stop() {
          refillings.delete(refilling);
          await refiller.stop();
          await renderPool.close();
        },
      };
      refillings.add(refilling);
      return refilling;
    },

    async close() {
      closed = true;
      await Promise.all([...refillings].map((r) => r.stop()));
      await ownThread?.close();
    },
  };
}
