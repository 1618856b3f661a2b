/**
 * The captcha's Redis state: one answer per issued id (string with TTL, taken by GETDEL on
 * the first verification), and the pool of pre-rendered images (a list of JSON entries).
 * Any Redis failure surfaces as `unavailable` (503): the caller must not mistake an outage
 * for a wrong answer.
 */
import type { Redis } from 'ioredis';
import { unavailable } from '../errors.js';
import type { RedisKeys } from '../store/keys.js';
import type { RenderedCaptcha } from './render.js';

export interface CaptchaStore {
  /** Oldest pooled captcha, or undefined when the pool is empty. */
  popPooled(): Promise<RenderedCaptcha | undefined>;
  /** Appends rendered captchas; returns the pool's new length. */
  pushPooled(entries: RenderedCaptcha[]): Promise<number>;
  poolLength(): Promise<number>;
  saveAnswer(id: string, answer: string, ttlSeconds: number): Promise<void>;
  /** Returns and deletes the answer in one step (GETDEL), so only one attempt ever sees it. */
  takeAnswer(id: string): Promise<string | undefined>;
}

export function createCaptchaStore(redis: Redis, keys: Pick<RedisKeys, 'captchaAnswer' | 'captchaPool'>): CaptchaStore {
  return {
    async popPooled() {
      const raw = await call(() => redis.lpop(keys.captchaPool));
      return raw === null ? undefined : parseEntry(raw);
    },
    async pushPooled(entries) {
      if (entries.length === 0) return call(() => redis.llen(keys.captchaPool));
      return call(() => redis.rpush(keys.captchaPool, ...entries.map((e) => JSON.stringify({ image: e.image, answer: e.answer }))));
    },
    poolLength: () => call(() => redis.llen(keys.captchaPool)),
    async saveAnswer(id, answer, ttlSeconds) {
      await call(() => redis.set(keys.captchaAnswer(id), answer, 'EX', ttlSeconds));
    },
    async takeAnswer(id) {
      const answer = await call(() => redis.getdel(keys.captchaAnswer(id)));
      return answer ?? undefined;
    },
  };
}

/** A pool entry we cannot read (older format, manual edit) is skipped, not served. */
function parseEntry(raw: string): RenderedCaptcha | undefined {
  try {
    const entry = JSON.parse(raw) as Partial<RenderedCaptcha>;
    if (typeof entry.image === 'string' && typeof entry.answer === 'string' && entry.answer.length > 0) {
      return { image: entry.image, answer: entry.answer };
    }
  } catch {
    // fall through
  }
  return undefined;
}

async function call<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw unavailable(5, error);
  }
}
