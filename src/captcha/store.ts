/**
 * The captcha's Redis state: one answer per issued id (string with TTL, taken by GETDEL on
 * the first verification), and the pool of pre-rendered images: a list of `<answer>\n<image>`
 * entries (plain text: the image is a ~20 KB data URL, and parsing JSON around it on every
 * issue was a visible cost).
 * Any Redis failure surfaces as `unavailable` (503): the caller must not mistake an outage
 * for a wrong answer.
 */
import type { Redis } from 'ioredis';
import { unavailable } from '../errors.js';
import type { RedisKeys } from '../store/keys.js';
import type { RenderedCaptcha } from './render.js';

export interface CaptchaStore {
  /**
   * Takes the oldest pooled captcha and stores its answer (or `answerOverride`, test mode)
   * under `id` for `ttlSeconds`, in one atomic step; returns its image, or undefined when the
   * pool is empty. Unreadable entries are dropped, never served.
   */
  takePooled(id: string, ttlSeconds: number, answerOverride?: string): Promise<string | undefined>;
  /** Appends rendered captchas; returns the pool's new length. */
  pushPooled(entries: RenderedCaptcha[]): Promise<number>;
  poolLength(): Promise<number>;
  saveAnswer(id: string, answer: string, ttlSeconds: number): Promise<void>;
  /** Returns and deletes the answer in one step (GETDEL), so only one attempt ever sees it. */
  takeAnswer(id: string): Promise<string | undefined>;
}

// KEYS[1] = pool, KEYS[2] = the new id's answer key; ARGV = ttl seconds, answer override ('' = none).
// Pops until a readable entry (at most 10), saves its answer, returns its image; nil when empty.
const TAKE_POOLED = `
for _ = 1, 10 do
  local entry = redis.call('LPOP', KEYS[1])
  if not entry then return false end
  local newline = string.find(entry, '\\n', 1, true)
  if newline and newline > 1 and newline < #entry then
    local answer = ARGV[2] ~= '' and ARGV[2] or string.sub(entry, 1, newline - 1)
    redis.call('SET', KEYS[2], answer, 'EX', tonumber(ARGV[1]))
    return string.sub(entry, newline + 1)
  end
end
return false`;

/** A pool entry: the answer (never contains a newline), a newline, the image. */
const poolEntry = (captcha: RenderedCaptcha) => `${captcha.answer}\n${captcha.image}`;

export function createCaptchaStore(redis: Redis, keys: Pick<RedisKeys, 'captchaAnswer' | 'captchaPool'>): CaptchaStore {
  return {
    async takePooled(id, ttlSeconds, answerOverride) {
      const image = await call(() => redis.eval(TAKE_POOLED, 2, keys.captchaPool, keys.captchaAnswer(id), ttlSeconds, answerOverride ?? ''));
      return typeof image === 'string' ? image : undefined;
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

async function call<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw unavailable(5, error);
  }
}
