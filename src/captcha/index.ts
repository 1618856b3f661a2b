/**
 * The captcha: issue an image whose answer only Redis knows, verify an answer once.
 *
 * - Issuing takes a pre-rendered image from the Redis pool (see pool.ts; a few at a time, kept
 *   in memory until issued) and stores its answer under a fresh random id with a TTL; when the pool is empty it renders inline (slower,
 *   never fails). The answer is never in the response, the image metadata or the id.
 * - Verifying takes the answer with GETDEL: the first attempt consumes the captcha, right or
 *   wrong. Outcomes: `ok`; `wrong` (the captcha existed, the answer did not match); `expired`
 *   (no answer stored: it expired, was already used, or the id was never issued — we cannot
 *   and need not tell those apart).
 * - Test mode (NODE_ENV=test with CAPTCHA_TEST_ANSWER): every answer is that value.
 *
 * The pool refiller starts on the first issue(), so only processes that serve captchas (the
 * api) render; close() stops it.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { captchaIssued, captchaVerifications } from '../metrics.js';
import type { RedisKeys } from '../store/keys.js';
import { answersMatch, canonicalAnswer, randomAnswer } from './answer.js';
import { isCaptchaId, newCaptchaId } from './ids.js';
import { startPoolRefiller, type PoolRefiller } from './pool.js';
import { renderCaptcha, type RenderedCaptcha } from './render.js';
import { createCaptchaStore } from './store.js';

export type CaptchaCheck = 'ok' | 'wrong' | 'expired';

/** At most this many pooled captchas are taken into a process's memory at once (64 ≈ 1.3 MB). */
const MAX_PREFETCH = 64;

export interface IssuedCaptcha {
  /** Opaque, unguessable (144 random bits, base64url). */
  id: string;
  /** `data:image/png;base64,…` */
  image: string;
  /** Seconds until the captcha expires. */
  expiresIn: number;
}

export interface CaptchaService {
  /** Throws `unavailable` (503) when Redis cannot be reached. */
  issue(): Promise<IssuedCaptcha>;
  /** Consumes the captcha whatever the outcome. Throws `unavailable` when Redis cannot be reached. */
  verify(id: string, answer: string): Promise<CaptchaCheck>;
  /**
   * Starts the pool refiller now rather than on the first issue, so the pool is full before
   * readers arrive: a burst on a cold pool would otherwise render inline on the event loop.
   */
  warmUp(): void;
  /** Stops the pool refiller. */
  close(): Promise<void>;
}

export interface CaptchaDeps {
  redis: Redis;
  keys: RedisKeys;
  config: Config;
  logger: Logger;
}

export function createCaptchaService(deps: CaptchaDeps): CaptchaService {
  const { redis, keys, config, logger } = deps;
  const { ttlSeconds, testAnswer, poolSize } = config.captcha;
  const store = createCaptchaStore(redis, keys);
  // Answers are stored the way verify() compares them: case-folded.
  const render = async () => {
    const rendered = await renderCaptcha(randomAnswer());
    return { image: rendered.image, answer: canonicalAnswer(rendered.answer) };
  };
  let refiller: PoolRefiller | undefined;
  let closed = false;

  // Pooled captchas are taken from Redis a few at a time and issued from memory: moving a
  // ~20 KB image out of Redis per request was most of Redis's work on GET /v1/captcha. A few
  // images (never answers of issued captchas) are lost if the process stops.
  const prefetchSize = Math.max(1, Math.min(MAX_PREFETCH, Math.floor(poolSize / 10)));
  const prefetched: RenderedCaptcha[] = [];
  let fetching: Promise<boolean> | undefined; // resolves false when the pool had nothing
  let waiting = 0;

  async function nextPooled(): Promise<RenderedCaptcha | undefined> {
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
        if (!(await fetching)) return undefined; // the pool is empty: render inline
      }
      return prefetched.shift();
    } finally {
      waiting--;
    }
  }

  function ensureRefiller() {
    if (refiller || closed || poolSize <= 0) return;
    refiller = startPoolRefiller({ redis, store, lockKey: keys.captchaPoolLock, size: poolSize, render, logger });
  }

  return {
    async issue() {
      ensureRefiller();
      const captcha = (await nextPooled()) ?? (await render());
      const id = newCaptchaId();
      await store.saveAnswer(id, testAnswer === undefined ? captcha.answer : canonicalAnswer(testAnswer), ttlSeconds);
      captchaIssued.inc();
      return { id, image: captcha.image, expiresIn: ttlSeconds };
    },

    async verify(id, answer) {
      const stored = isCaptchaId(id) ? await store.takeAnswer(id) : undefined;
      const result: CaptchaCheck = stored === undefined ? 'expired' : answersMatch(stored, answer) ? 'ok' : 'wrong';
      captchaVerifications.inc({ result });
      return result;
    },

    warmUp: ensureRefiller,

    async close() {
      closed = true;
      await refiller?.stop();
    },
  };
}
