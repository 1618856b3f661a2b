/**
 * The captcha's Redis state: one answer per issued id (string with TTL, taken by GETDEL on
 * the first verification), and the pool of pre-rendered images: a list of `<answer>\n<image>`
 * entries (plain text: the image is a ~5 KB data URL, and parsing JSON around it on every
 * issue was a visible cost).
 *
 * saveAnswer() with a limit counts the client's event in its rate limit (the counter
 * rate-limiter-flexible keeps, src/http/middleware/rate-limit) and stores the answer in one
 * Lua script: GET /v1/captcha is one round trip (the image comes from memory, index.ts). The
 * captchas issued in the same turn of the event loop share that script call, each counted and
 * answered as if alone.
 * A pop per request in that script cost Redis more than it saved (docs/BENCHMARKS.md).
 *
 * Any Redis failure surfaces as `unavailable` (503): the caller must not mistake an outage
 * for a wrong answer.
 */
import { isAscii } from 'node:buffer';
import type { Redis } from 'ioredis';
import { rateLimited, unavailable } from '../errors.js';
import type { RedisKeys } from '../store/keys.js';
import { COUNT_EVENT_LUA, type LimitCounter } from '../store/limit-counter.js';
import type { RenderedCaptcha } from './render.js';

/**
 * A captcha taken from the pool. The image stays the bytes Redis sent (a data URL is ASCII):
 * decoding ~5 KB into a string per request, to encode it again into the response, was most of
 * GET /v1/captcha's garbage (docs/BENCHMARKS.md). Only bytes a JSON string may hold verbatim
 * get here (isDataUrl below), so the route can copy them into its body unescaped.
 */
export interface PooledCaptcha {
  answer: string;
  /** `data:image/png;base64,…`, ASCII bytes */
  image: Buffer;
}

export interface CaptchaStore {
  /**
   * Stores the answer of captcha `id`; with a `limit`, first counts one event in it, in the same
   * round trip (one Lua script; on a Redis Cluster, whose slots it would span, two commands).
   * Over the limit: nothing stored, throws rate_limited (429).
   */
  saveAnswer(id: string, answer: string, ttlSeconds: number, limit?: LimitCounter): Promise<void>;
  /** Counts one event of `limit` (rate-limiter-flexible's script); throws rate_limited (429) over it. */
  countLimit(limit: LimitCounter): Promise<void>;
  /**
   * Takes up to `count` of the oldest pooled captchas (fewer, or none, when the pool runs low),
   * their images as the bytes Redis sent. Unreadable entries are dropped, never served.
   */
  takePooled(count: number): Promise<PooledCaptcha[]>;
  /** Appends rendered captchas; returns the pool's new length. */
  pushPooled(entries: RenderedCaptcha[]): Promise<number>;
  poolLength(): Promise<number>;
  /** Returns and deletes the answer in one step (GETDEL), so only one attempt ever sees it. */
  takeAnswer(id: string): Promise<string | undefined>;
}

/** A pool entry: the answer (never contains a newline), a newline, the image. */
const poolEntry = (captcha: RenderedCaptcha) => `${captcha.answer}\n${captcha.image}`;

/** Returns {0, ms before the window ends} over the limit, {1} within it. */
const LIMIT_SCRIPT = `${COUNT_EVENT_LUA}
local consumed, ttl = count_event(KEYS[1], ARGV[2])
if consumed > tonumber(ARGV[1]) then return {0, ttl} end
return {1}`;

/**
 * The captchas issued in one turn of the event loop, in one script call: for each i, KEYS
 * 2i-1 its limit's counter and 2i its answer; ARGV 4i-3 points allowed, 4i-2 window seconds,
 * 4i-1 the answer, 4i its TTL seconds. Each is counted and stored in order, exactly as alone
 * (two from one client in a batch count twice). Returns, for each, -1 once its answer is
 * stored, or the ms before its window ends when it is over the limit (nothing stored).
 */
const SAVE_BATCH_WITHIN_LIMITS_SCRIPT = `${COUNT_EVENT_LUA}
local out = {}
for i = 1, #KEYS / 2 do
  local consumed, ttl = count_event(KEYS[2 * i - 1], ARGV[4 * i - 2])
  if consumed > tonumber(ARGV[4 * i - 3]) then
    out[i] = ttl
  else
    redis.call('set', KEYS[2 * i], ARGV[4 * i - 1], 'EX', ARGV[4 * i])
    out[i] = -1
  end
end
return out`;

/** At most this many captchas in one script call: a longer script would hold Redis up for others. */
const MAX_BATCH = 64;

interface PendingSave {
  limit: LimitCounter;
  answerKey: string;
  answer: string;
  ttlSeconds: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type ScriptReply = [0, number] | [1];

interface CaptchaScripts {
  captchaSaveBatchWithinLimits(numberOfKeys: number, ...keysAndArgs: string[]): Promise<number[]>;
  captchaLimit(limitKey: string, points: string, window: string): Promise<ScriptReply>;
}

export function createCaptchaStore(redis: Redis, keys: Pick<RedisKeys, 'captchaAnswer' | 'captchaPool'>): CaptchaStore {
  // defineCommand: EVALSHA, and EVAL once when Redis does not know the script (after a restart).
  // No fixed key count: the batch's size says it, as the first argument.
  redis.defineCommand('captchaSaveBatchWithinLimits', { lua: SAVE_BATCH_WITHIN_LIMITS_SCRIPT });
  redis.defineCommand('captchaLimit', { numberOfKeys: 1, lua: LIMIT_SCRIPT });
  const scripts = redis as unknown as CaptchaScripts;
  const countLimit = async (limit: LimitCounter) => {
    const reply = await call(() => scripts.captchaLimit(limit.key, String(limit.points), String(limit.durationSeconds)));
    if (reply[0] === 0) throw rateLimited(reply[1]);
  };
  // The saves asked for in one turn of the event loop go out as one script call at its end
  // (setImmediate: after every socket that had a request to read): one command for Redis and
  // ioredis instead of one each (docs/BENCHMARKS.md has the figures).
  let queued: PendingSave[] = [];
  const queueSave = (save: PendingSave) => {
    if (queued.length === 0) setImmediate(sendQueued);
    queued.push(save);
  };
  const sendQueued = () => {
    const all = queued;
    queued = [];
    while (all.length > 0) void saveBatch(all.splice(0, MAX_BATCH));
  };
  const saveBatch = async (batch: PendingSave[]) => {
    const keysAndArgs = [
      ...batch.flatMap((save) => [save.limit.key, save.answerKey]),
      ...batch.flatMap((save) => [String(save.limit.points), String(save.limit.durationSeconds), save.answer, String(save.ttlSeconds)]),
    ];
    try {
      const replies = await call(() => scripts.captchaSaveBatchWithinLimits(batch.length * 2, ...keysAndArgs));
      for (const [i, save] of batch.entries()) {
        if (replies[i] === -1) save.resolve();
        else save.reject(rateLimited(replies[i]));
      }
    } catch (error) {
      for (const save of batch) save.reject(error);
    }
  };
  const set = (id: string, answer: string, ttlSeconds: number) => call(() => redis.set(keys.captchaAnswer(id), answer, 'EX', ttlSeconds));
  return {
    async saveAnswer(id, answer, ttlSeconds, limit) {
      if (!limit) {
        await set(id, answer, ttlSeconds);
      } else if (redis.isCluster) {
        await countLimit(limit); // the two keys are in different slots: two round trips
        await set(id, answer, ttlSeconds);
      } else {
        await new Promise<void>((resolve, reject) =>
          queueSave({ limit, answerKey: keys.captchaAnswer(id), answer, ttlSeconds, resolve, reject }),
        );
      }
    },
    countLimit,
    async takePooled(count) {
      const entries = await call(() => redis.lpopBuffer(keys.captchaPool, count));
      return (entries ?? []).map(parseEntry).filter((entry) => entry !== undefined);
    },
    async pushPooled(entries) {
      if (entries.length === 0) return call(() => redis.llen(keys.captchaPool));
      return call(() => redis.rpush(keys.captchaPool, ...entries.map(poolEntry)));
    },
    poolLength: () => call(() => redis.llen(keys.captchaPool)),
    async takeAnswer(id) {
      const answer = await call(() => redis.getdel(keys.captchaAnswer(id)));
      return answer ?? undefined;
    },
  };
}

const NEWLINE = 0x0a;
const DATA_IMAGE = Buffer.from('data:image/');

function parseEntry(entry: Buffer): PooledCaptcha | undefined {
  const newline = entry.indexOf(NEWLINE);
  if (newline < 1) return undefined;
  const image = entry.subarray(newline + 1);
  if (!isDataUrl(image)) return undefined;
  return { answer: entry.toString('latin1', 0, newline), image };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A data URL of an image whose bytes a JSON string holds verbatim: ASCII, no quote, no
 * backslash, no control character. Native scans only (simdutf, memchr: ~2 µs for 5 KB); a
 * JavaScript loop over the bytes took 14 µs, a regex over a latin1 string 8 µs.
 */
export function isDataUrl(image: Buffer): boolean {
  if (image.length <= DATA_IMAGE.length || DATA_IMAGE.compare(image, 0, DATA_IMAGE.length) !== 0) return false;
  if (!isAscii(image) || image.indexOf(QUOTE) !== -1 || image.indexOf(BACKSLASH) !== -1) return false;
  for (let control = 0; control < 0x20; control++) if (image.indexOf(control) !== -1) return false;
  return true;
}

async function call<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw unavailable(5, error);
  }
}
