/**
 * acceptComment's failure paths that the HTTP tests cannot reach one at a time: the moderation
 * queue's Redis failing or hanging while the api's own Redis is fine. The answer must be 503
 * within 2 s, and a comment that was not enqueued must not hold the duplicate marker.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptComment, type AcceptDeps } from '../../src/comments/accept.js';
import { DuplicateGuard } from '../../src/comments/duplicates.js';
import { firstChecks } from '../../src/comments/first-checks.js';
import { commentSubmissionSchema } from '../../src/comments/submission.js';
import { AppError } from '../../src/errors.js';
import { createRateLimiter } from '../../src/http/middleware/rate-limit/index.js';
import { QUEUE_NAMES, type ModerationJobData } from '../../src/queues/index.js';
import { createRedis, waitForRedis } from '../../src/store/redis.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis.js';
import { startTestService, type TestService } from '../support/service.js';

describe('acceptComment when the queue cannot take the job', () => {
  let svc: TestService;
  let queueRedis: PrivateRedis;
  let brokenQueue: Queue<ModerationJobData>;
  let connection: ReturnType<typeof createRedis>;

  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false, http: false });
    queueRedis = await startPrivateRedis();
    connection = createRedis(queueRedis.url, 'command'); // as src/services.ts builds it
    await waitForRedis(connection);
    brokenQueue = new Queue<ModerationJobData>(QUEUE_NAMES.moderation, { connection, prefix: svc.services.keys.queuePrefix });
    brokenQueue.on('error', () => {});
    await brokenQueue.waitUntilReady();
  });
  afterAll(async () => {
    queueRedis.resume();
    await queueRedis.kill();
    await brokenQueue.close().catch(() => {});
    await svc.stop();
  });

  const deps = (moderationQueue: AcceptDeps['moderationQueue']): AcceptDeps => {
    const { redis, keys, captcha, comments, logger } = svc.services;
    const duplicates = new DuplicateGuard(redis, keys);
    const limiter = createRateLimiter({ redis, keyPrefix: keys.rateLimit('accept-test'), points: 1000, durationSeconds: 60 });
    const { closedArticles } = svc.services;
    return {
      checks: firstChecks({ redis, limiter, captcha, duplicates, closedArticles }),
      comments,
      duplicates,
      closedArticles,
      allowedOrigins: [],
      moderationQueue,
      logger,
    };
  };
  const input = async (content: string) =>
    commentSubmissionSchema.parse({
      articleId: 'a1',
      authorName: 'Phạm Minh',
      content,
      captchaId: (await svc.services.captcha.issue()).id,
      captchaAnswer: TEST_CAPTCHA_ANSWER,
    });
  const ctx = { ip: '192.0.2.1', userAgent: 'vitest' };

  async function expectUnavailableWithin2s(promise: Promise<unknown>) {
    const started = Date.now();
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    // Either our step timeout (AppError) or the connection error, which the app maps to 503.
    if (error instanceof AppError) expect(error.code).toBe('unavailable');
    else expect(String(error)).toMatch(/Connection is closed|enableOfflineQueue|Command timed out|ECONNREFUSED/);
  }

  it('Redis of the queue down: fails fast, and the same comment can be sent again later', async () => {
    await queueRedis.kill();
    const content = `Queue down ${Date.now()}`;
    await expectUnavailableWithin2s(acceptComment(deps(brokenQueue), await input(content), ctx));
    const accepted = await acceptComment(deps(svc.services.queues.moderation), await input(content), ctx);
    expect(accepted.status).toBe('pending');
    expect(await svc.services.queues.moderation.getJob(accepted.id)).toBeDefined();
    await queueRedis.start();
  });

  it('Redis of the queue hanging (SIGSTOP): answers within 2 s instead of waiting', async () => {
    await waitForRedis(connection, 5_000);
    expect(connection.status).toBe('ready');
    queueRedis.pause();
    try {
      const content = `Queue hangs ${Date.now()}`;
      await expectUnavailableWithin2s(acceptComment(deps(brokenQueue), await input(content), ctx));
      const accepted = await acceptComment(deps(svc.services.queues.moderation), await input(content), ctx);
      expect(accepted.status).toBe('pending');
    } finally {
      queueRedis.resume();
    }
  });
});
