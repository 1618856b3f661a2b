/**
 * The captcha's Redis state: one answer per issued id (string with TTL, taken by GETDEL on
 * the first verification), and the pool of pre-rendered images: a list of `<answer>\n<image>`
 * entries (plain text: the image is a ~5 KB data URL, and parsing JSON around it on every
 * issue was a visible cost).
 * Any Redis failure surfaces as `unavailable` (503): the caller must not mistake an outage
 * for a wrong answer.
 */
import type { Redis } from 'ioredis';
import { unavailable } from '../errors.js';
import type { RedisKeys } from '../store/keys.js';
import type { RenderedCaptcha } from './render.js';

export interface CaptchaStore {
  /** Takes up to `count` of the oldest pooled captchas (fewer, or none, when the pool runs low). Unreadable entries are dropped, never served. */
  takePooled(count: number): Promise<RenderedCaptcha[]>;
  /** Appends rendered captchas; returns the pool's new length. */
  pushPooled(entries: RenderedCaptcha[]): Promise<number>;
  poolLength(): Promise<number>;
  saveAnswer(id: string, answer: string, ttlSeconds: number): Promise<void>;
  /** Returns and deletes the answer in one step (GETDEL), so only one attempt ever sees it. */
  takeAnswer(id: string): Promise<string | undefined>;
}

/** A pool entry: the answer (never contains a newline), a newline, the image. */
const poolEntry = (captcha: RenderedCaptcha) => `${captcha.answer}\n${captcha.image}`;

export function createCaptchaStore(redis: Redis, keys: Pick<RedisKeys, 'captchaAnswer' | 'captchaPool'>): CaptchaStore {
  return {
    async takePooled(count) {
      const entries = await call(() => redis.lpop(keys.captchaPool, count));
      return (entries ?? []).map(parseEntry).filter((entry) => entry !== undefined);
    },
    async pushPooled(entries) {
      if (entries.length === 0) return call(() => redis.llen(keys.captchaPool));
      return call(() => redis.rpush(keys.captchaPool, ...entries.map(poolEntry)));
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

function parseEntry(entry: string): RenderedCaptcha | undefined {
  const newline = entry.indexOf('\n');
  if (newline < 1 || newline === entry.length - 1) return undefined;
  return { answer: entry.slice(0, newline), image: entry.slice(newline + 1) };
}

async function call<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw unavailable(5, error);
  }
}
