/**
 * The accept path's first Redis checks (src/comments/first-checks.ts): the one-script form (a
 * single Redis, Sentinel) and the command-by-command form (a Cluster) must answer alike and
 * count in the same place as the rate limiter, on a real Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalAnswer } from '../../src/captcha/answer.js';
import { newCaptchaId } from '../../src/captcha/ids.js';
import { createCaptchaService } from '../../src/captcha/index.js';
import { closedArticles } from '../../src/comments/closed-articles.js';
import { DuplicateGuard } from '../../src/comments/duplicates.js';
import {
  checksCommandByCommand,
  checksInOneScript,
  type FirstChecks,
  type FirstChecksDeps,
  type FirstChecksQuery,
} from '../../src/comments/first-checks.js';
import { newCommentId } from '../../src/comments/ids.js';
import { loadConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { createRateLimiter } from '../../src/http/middleware/rate-limit/index.js';
import { createLogger } from '../../src/logger.js';
import { createRedis, waitForRedis } from '../../src/store/redis.js';
import { redisKeys } from '../../src/store/keys.js';
import { testEnv } from '../support/env.js';
import { uniqueName } from '../support/names.js';
import { deleteRedisPrefix, REDIS_URL } from '../support/redis.js';

const prefix = uniqueName('first-checks');
const keys = redisKeys(prefix);
const redis = createRedis(REDIS_URL, 'command');
const POINTS = 3;

function depsFor(limitName: string): FirstChecksDeps {
  const config = loadConfig(testEnv(prefix, { REDIS_URL }));
  const captcha = createCaptchaService({ redis, keys, config, logger: createLogger('silent'), workerAlive: async () => false });
  const limiter = createRateLimiter({ redis, keyPrefix: keys.rateLimit(limitName), points: POINTS, durationSeconds: 60 });
  const articles = closedArticles({ redis, keys, articles: { isClosed: async () => false } });
  return { redis, limiter, captcha, duplicates: new DuplicateGuard(redis, keys), closedArticles: articles };
}

async function seededCaptcha(answer: string): Promise<string> {
  const id = newCaptchaId();
  await redis.set(keys.captchaAnswer(id), canonicalAnswer(answer), 'EX', 60);
  return id;
}

const query = async (over: Partial<FirstChecksQuery> = {}): Promise<FirstChecksQuery> => ({
  ip: '192.0.2.7',
  captchaId: await seededCaptcha('AB3DE'),
  captchaAnswer: 'ab3de',
  articleId: 'bai-1',
  duplicate: uniqueName('hash'),
  commentId: newCommentId(),
  ...over,
});

beforeAll(async () => {
  await waitForRedis(redis);
});
afterAll(async () => {
  await deleteRedisPrefix(prefix);
  redis.disconnect();
});

describe.each([
  ['one script', checksInOneScript],
  ['command by command (Cluster)', checksCommandByCommand],
] as const)('first checks, %s', (name, make) => {
  const limitName = `limit-${name.length}`;
  const deps = depsFor(limitName);
  const checks: FirstChecks = make(deps);

  it('takes the captcha and the marker, and reads the closed flag', async () => {
    const q = await query({ articleId: `bai-${name.length}` });
    expect(await checks.run(q)).toEqual({ captcha: 'ok', claimed: true, closed: undefined });
    expect(await redis.exists(keys.captchaAnswer(q.captchaId))).toBe(0);
    expect(await redis.get(keys.duplicate(q.duplicate))).toBe(q.commentId);

    // The same captcha again is expired, the same comment finds the marker taken; a closed flag is read.
    await redis.set(keys.articleClosed(q.articleId), '1');
    const again = await checks.run({ ...q, ip: '192.0.2.8', commentId: newCommentId() });
    expect(again).toEqual({ captcha: 'expired', claimed: false, closed: true });
    await redis.set(keys.articleClosed(q.articleId), '0');
    expect((await checks.run(await query({ ip: '192.0.2.8', articleId: q.articleId, captchaAnswer: 'wrong' }))).closed).toBe(false);
    await redis.del(`${keys.rateLimit(limitName)}:192.0.2.8`);
  });

  it('a wrong answer consumes the captcha; an id that is no captcha id takes nothing', async () => {
    const q = await query({ ip: '192.0.2.9', captchaAnswer: 'zzzzz' });
    expect((await checks.run(q)).captcha).toBe('wrong');
    expect(await redis.exists(keys.captchaAnswer(q.captchaId))).toBe(0);
    expect((await checks.run(await query({ ip: '192.0.2.9', captchaId: 'not a captcha' }))).captcha).toBe('expired');
  });

  it('past the limit: 429 with Retry-After, and neither the captcha nor the marker is taken', async () => {
    const ip = `198.51.100.${name.length}`;
    for (let i = 0; i < POINTS - 1; i++) await checks.run(await query({ ip }));
    await checks.limitOnly(ip); // a filled honeypot counts in the same counter
    const q = await query({ ip });
    const refusal = await checks.run(q).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('rate_limited');
    expect((refusal as AppError).retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(await redis.exists(keys.captchaAnswer(q.captchaId))).toBe(1);
    expect(await redis.exists(keys.duplicate(q.duplicate))).toBe(0);
    // The limiter itself sees the same count.
    await expect(deps.limiter.consume(ip)).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
