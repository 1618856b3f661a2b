/**
 * Accept latency: N sequential `POST /v1/comments` against a real service (HTTP server,
 * moderation worker, Redis, PostgreSQL, all in this process as the test harness builds it),
 * and the time from each 202 until the worker has written the comment as `pending`.
 *
 *   npx tsx bench/accept-latency.ts [count=1000] [engine=postgres|pglite]
 *
 * Needs Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (or TEST_REDIS_URL /
 * TEST_PG_ADMIN_URL); creates and drops its own database and Redis prefix. Captchas are
 * issued in test mode (NODE_ENV=test, CAPTCHA_TEST_ANSWER) outside the timed part; only the
 * POST is timed. "Pending" is observed on the live-events channel the worker publishes to
 * right after its transaction commits.
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { ModerationEvent } from '../src/comments/events.js';
import type { Engine } from '../tests/support/database.js';
import { TEST_CAPTCHA_ANSWER } from '../tests/support/env.js';
import { REDIS_URL } from '../tests/support/redis.js';
import { startTestService } from '../tests/support/service.js';

const count = Number(process.argv[2] ?? 1000);
const engine = (process.argv[3] ?? 'postgres') as Engine;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

async function main() {
  const svc = await startTestService({
    engine,
    env: { RATE_LIMIT_COMMENTS: '999999/60', RATE_LIMIT_CAPTCHAS: '999999/60', LOG_LEVEL: 'warn' },
  });
  const subscriber = new Redis(REDIS_URL);
  const acceptedAt = new Map<string, number>();
  const pendingAfter: number[] = [];
  let notPending = 0;
  let allWritten: () => void = () => {};
  const written = new Promise<void>((resolve) => (allWritten = resolve));
  subscriber.on('message', (_channel, message) => {
    const event = JSON.parse(message) as ModerationEvent;
    const at = performance.now();
    if (event.type !== 'comment.queued') return;
    const accepted = acceptedAt.get(event.id);
    if (accepted === undefined) return;
    if (event.status === 'pending') pendingAfter.push(at - accepted);
    else notPending += 1;
    acceptedAt.delete(event.id);
    if (pendingAfter.length + notPending === count) allWritten();
  });
  await subscriber.subscribe(svc.services.keys.eventsChannel);

  try {
    // Warm-up (first-request compilation, connection pools): not counted.
    for (let i = 0; i < 20; i++) await submit(-1 - i);

    const acceptMs: number[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) acceptMs.push(await submit(i));
    const elapsed = performance.now() - started;
    const timeout = setTimeout(() => allWritten(), 30_000);
    await written;
    clearTimeout(timeout);

    const result = {
      engine,
      submissions: count,
      accept202Ms: summary(acceptMs),
      acceptedToPendingMs: summary(pendingAfter),
      notPending,
      neverSeen: count - pendingAfter.length - notPending,
      wallSeconds: Math.round(elapsed) / 1000,
      node: process.version,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    subscriber.disconnect();
    await svc.stop();
  }

  async function submit(i: number): Promise<number> {
    const captcha = await svc.services.captcha.issue();
    const body = JSON.stringify({
      articleId: `bench/${i % 50}`,
      authorName: `Bạn đọc ${i}`,
      content: `Bình luận thử nghiệm số ${i}: bài viết cung cấp nhiều thông tin hữu ích cho bà con.`,
      captchaId: captcha.id,
      captchaAnswer: TEST_CAPTCHA_ANSWER,
    });
    const t0 = performance.now();
    const res = await fetch(`${svc.baseUrl}/v1/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await res.json()) as { id: string };
    const t1 = performance.now();
    if (res.status !== 202) throw new Error(`submission ${i} answered ${res.status}: ${JSON.stringify(answer)}`);
    if (i >= 0) acceptedAt.set(answer.id, t1);
    return t1 - t0;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
