/**
 * 4. Pipeline: how fast one worker process turns accepted comments into `pending` rows.
 * - Throughput: 20,000 jobs, as the accept path enqueues them (addBulk, jobId = comment id),
 *   into the queue of one running `src/main.ts worker`; comments/s until all are stored.
 *   Baseline: a no-op BullMQ worker (same concurrency) over the same 20,000 jobs. Concurrency:
 *   the default WORKER_CONCURRENCY, or PIPELINE_CONCURRENCY.
 *   Goal ≥ 2,000/s.
 * - Latency: POST /v1/comments at a steady 200/s through an api process, 202 → pending
 *   measured per comment as moderated_at − created_at (both stamped by the service).
 *   Goal p99 ≤ 250 ms.
 */
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { newCommentId } from '../src/comments/ids.js';
import { loadConfig } from '../src/config.js';
import { moderationJobOptions, QUEUE_NAMES, type ModerationJobData } from '../src/queues/index.js';
import { createRedis } from '../src/store/redis.js';
import { redisKeys } from '../src/store/keys.js';
import { commentBody, seedCaptchas } from '../tests/support/load.js';
import { uniqueName } from '../tests/support/names.js';
import { deleteRedisPrefix, REDIS_URL } from '../tests/support/redis.js';
import { waitFor } from '../tests/support/wait.js';
import { cannon, load, startService, verdict } from './lib.js';

const contents = [
  'Bài viết hay, cảm ơn tác giả.',
  'Đường ở xã tôi cũng hư hỏng như vậy, mong được sửa sớm.',
  'Thông tin hữu ích cho bà con.',
];

function jobs(count: number): Array<{ name: string; data: ModerationJobData; opts: { jobId: string } }> {
  return Array.from({ length: count }, (_, n) => {
    const id = newCommentId();
    return {
      name: 'moderate',
      data: {
        comment: {
          id,
          articleId: `bai-${n % 100}`,
          parentId: null,
          authorName: `Bạn đọc ${n}`,
          authorEmail: n % 3 === 0 ? `ban${n}@example.vn` : null,
          content: `${contents[n % contents.length]} (${n})`,
          ip: `203.0.113.${n % 250}`,
          userAgent: 'bench',
          createdAt: new Date().toISOString(),
        },
      },
      opts: { jobId: id },
    };
  });
}

async function addAll(queue: Queue<ModerationJobData>, all: ReturnType<typeof jobs>): Promise<void> {
  for (let i = 0; i < all.length; i += 1_000) await queue.addBulk(all.slice(i, i + 1_000));
}

/** The worker's concurrency: PIPELINE_CONCURRENCY, else the service's default WORKER_CONCURRENCY. */
const defaultConcurrency = () => Number(process.env.PIPELINE_CONCURRENCY ?? loadConfig({}).workerConcurrency);

export async function benchPipeline(total: number, latencySeconds: number, concurrency = defaultConcurrency()): Promise<string[]> {
  const lines: string[] = [];
  // Baseline: a no-op worker in this process over the same number of jobs.
  {
    const prefix = uniqueName('benchnoop');
    const connection = createRedis(REDIS_URL, 'command');
    const queue = new Queue<ModerationJobData>(QUEUE_NAMES.moderation, {
      connection,
      prefix: redisKeys(prefix).queuePrefix,
      defaultJobOptions: moderationJobOptions,
    });
    await addAll(queue, jobs(total));
    let done = 0;
    const started = performance.now();
    const worker = new Worker(QUEUE_NAMES.moderation, async () => void done++, {
      connection: createRedis(REDIS_URL, 'blocking'),
      prefix: redisKeys(prefix).queuePrefix,
      concurrency,
    });
    await waitFor(() => done >= total, 600_000, 50);
    const seconds = (performance.now() - started) / 1000;
    await worker.close();
    await queue.close();
    connection.disconnect();
    await deleteRedisPrefix(prefix);
    lines.push(
      `pipeline baseline no-op BullMQ worker (concurrency ${concurrency}): ${(total / seconds).toFixed(0)} jobs/s (${total} in ${seconds.toFixed(1)} s; load ${load()})`,
    );
  }

  const sut = await startService(['api', 'worker'], { WORKER_CONCURRENCY: String(concurrency) });
  const db = new pg.Client({ connectionString: sut.database.url });
  await db.connect();
  try {
    const storedCount = async () => Number((await db.query('SELECT count(*) AS n FROM comments')).rows[0].n);
    const connection = createRedis(REDIS_URL, 'command');
    const queue = new Queue<ModerationJobData>(QUEUE_NAMES.moderation, {
      connection,
      prefix: redisKeys(sut.prefix).queuePrefix,
      defaultJobOptions: moderationJobOptions,
    });
    const all = jobs(total);
    const started = performance.now();
    await addAll(queue, all);
    const added = (performance.now() - started) / 1000;
    await waitFor(async () => (await storedCount()) >= total, 1_200_000, 250);
    const seconds = (performance.now() - started) / 1000;
    const rate = total / seconds;
    lines.push(
      `pipeline one worker process (concurrency ${concurrency}): ${rate.toFixed(0)} comments/s to pending (${total} in ${seconds.toFixed(1)} s, of which ${added.toFixed(1)} s adding the jobs meanwhile; load ${load()}): ${verdict(rate >= 2_000)}`,
    );
    await queue.close();
    connection.disconnect();

    // Latency at a steady 200/s through the api (autocannon paces the requests).
    const before = await storedCount();
    const count = 200 * latencySeconds;
    const captchas = await seedCaptchas(REDIS_URL, sut.prefix, count);
    let k = 0;
    const since = new Date();
    const figures = await cannon({
      url: sut.api!.baseUrl,
      connections: 20,
      overallRate: 200,
      amount: count,
      requests: [
        {
          method: 'POST',
          path: '/v1/comments',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: JSON.stringify(commentBody(captchas[k], total + k++)) }),
        },
      ],
    });
    const accepted = figures.requests - figures.non2xx - figures.errors;
    await waitFor(async () => (await storedCount()) >= before + accepted, 300_000, 250).catch(() => {});
    const q = await db.query<{ n: number; p50: number; p99: number; max: number }>(
      `SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
         FROM (SELECT EXTRACT(EPOCH FROM (moderated_at - created_at)) * 1000 AS ms FROM comments WHERE created_at >= $1) t`,
      [since],
    );
    const { n, p50, p99, max } = q.rows[0];
    lines.push(
      `pipeline 202→pending at ${figures.rps.toFixed(0)} req/s (target 200/s; ${n} stored of ${figures.requests} sent, ${figures.non2xx} non-2xx, ${figures.errors} errors; HTTP p99 ${figures.p99} ms): p50 ${Number(p50).toFixed(0)} ms, p99 ${Number(p99).toFixed(0)} ms, max ${Number(max).toFixed(0)} ms (load ${load()}): ${verdict(Number(p99) <= 250 && n > 0)}`,
    );
  } finally {
    await db.end();
    await sut.stop();
  }
  return lines;
}
