/**
 * Load for fault tests and benches: many valid submissions, fast. Captcha answers are seeded
 * straight into Redis so that the load measures the accept path, not image rendering.
 */
import { Redis } from 'ioredis';
import { canonicalAnswer } from '../../src/captcha/answer.js';
import { newCaptchaId } from '../../src/captcha/ids.js';
import { redisKeys } from '../../src/store/keys.js';
import { TEST_CAPTCHA_ANSWER } from './env.js';

/** Stores `count` captcha answers (the test answer) in Redis, as issue() would after popping a pooled image. */
export async function seedCaptchas(redisUrl: string, prefix: string, count: number, ttlSeconds = 3_600): Promise<string[]> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const keys = redisKeys(prefix);
  const ids: string[] = [];
  try {
    for (let start = 0; start < count; start += 1_000) {
      const batch = redis.pipeline();
      for (let i = start; i < Math.min(count, start + 1_000); i++) {
        const id = newCaptchaId();
        ids.push(id);
        batch.set(keys.captchaAnswer(id), canonicalAnswer(TEST_CAPTCHA_ANSWER), 'EX', ttlSeconds);
      }
      await batch.exec();
    }
  } finally {
    redis.disconnect();
  }
  return ids;
}

/** A valid comment body; `n` makes author and content unique (the 10-minute duplicate rule). */
export function commentBody(captchaId: string, n: number, articleId = 'bai-kiem-thu') {
  return {
    articleId,
    authorName: `Bạn đọc ${n}`,
    content: `Bình luận thử số ${n}: đường sá ở xã cần sửa sớm.`,
    captchaId,
    captchaAnswer: TEST_CAPTCHA_ANSWER,
  };
}

export interface SubmitOutcome {
  status: number;
  id?: string;
  ms: number;
}

/** POST /v1/comments with a 5 s client timeout; a network failure is status 0. */
export async function submitComment(baseUrl: string, body: unknown): Promise<SubmitOutcome> {
  const started = Date.now();
  try {
    const res = await fetch(`${baseUrl}/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    const json = (await res.json().catch(() => ({}))) as { id?: string };
    return { status: res.status, id: res.status === 202 ? json.id : undefined, ms: Date.now() - started };
  } catch {
    return { status: 0, ms: Date.now() - started };
  }
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function runPool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
