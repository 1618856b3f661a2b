/**
 * The captcha: issue an image whose answer only Redis knows, verify an answer once.
 *
 * - Issuing pops a pre-rendered image from the Redis pool (see pool.ts) and stores its answer
 *   under a fresh random id with a TTL; when the pool is empty it renders inline (slower,
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
import { captchaIssued, captchaVerifications } from '../ops/metrics.js';
import type { RedisKeys } from '../store/keys.js';
import { answersMatch, canonicalAnswer, randomAnswer } from './answer.js';
import { isCaptchaId, newCaptchaId } from './ids.js';
import { startPoolRefiller, type PoolRefiller } from './pool.js';
import { renderCaptcha } from './render.js';
import { createCaptchaStore } from './store.js';

export type CaptchaCheck = 'ok' | 'wrong' | 'expired';

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

  function ensureRefiller() {
    if (refiller || closed || poolSize <= 0) return;
    refiller = startPoolRefiller({ redis, store, lockKey: keys.captchaPoolLock, size: poolSize, render, logger });
  }

  return {
    async issue() {
      ensureRefiller();
      const id = newCaptchaId();
      const override = testAnswer === undefined ? undefined : canonicalAnswer(testAnswer);
      let image = poolSize > 0 ? await store.takePooled(id, ttlSeconds, override) : undefined;
      if (image === undefined) {
        const rendered = await render();
        await store.saveAnswer(id, override ?? rendered.answer, ttlSeconds);
        image = rendered.image;
      }
      captchaIssued.inc();
      return { id, image, expiresIn: ttlSeconds };
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
