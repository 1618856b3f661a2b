/**
 * The moderation worker against real Redis and both database engines: a comment reaches
 * `pending` with its verdict, a profane one is rejected by the filter with a decisions row,
 * the same job twice changes nothing, database failures are retried and bad payloads are not.
 */
import { Queue, UnrecoverableError, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import type { SubmittedComment } from '../../src/comments/types.js';
import { QUEUE_NAMES, moderationJobOptions, type ModerationJobData } from '../../src/queues/index.js';
import { moderationProcessor } from '../../workers/moderation.js';
import { submittedComment } from '../support/comments.js';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/database.js';
import { testEnv } from '../support/env.js';
import { uniqueName } from '../support/names.js';
import { startServiceProcess } from '../support/processes.js';
import { deleteRedisPrefix, REDIS_URL } from '../support/redis.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

const PROFANE = 'Địt mẹ thằng viết bài này';

const submitted = (overrides: Partial<SubmittedComment> = {}) =>
  submittedComment({ content: 'Cảm ơn bài viết, thông tin rất hữu ích.', ...overrides });

/** The processor needs only `data` (and an id for logs): a plain object stands in for a BullMQ Job. */
const asJob = (comment: unknown) => ({ id: 'direct', data: { comment } }) as unknown as Job<ModerationJobData>;

describe.each(ENGINES)('moderation worker (%s)', (engine) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine, http: false });
  });
  afterAll(() => svc?.stop());

  const count = async (sql: string, params: unknown[]) => {
    const { rows } = await svc.services.db.query<{ n: number }>(sql, params);
    return Number(rows[0].n);
  };

  it('a queued comment reaches pending with its verdict', async () => {
    const comment = submitted();
    await svc.services.queues.moderation.add('moderate', { comment }, { jobId: comment.id });
    const stored = await waitFor(() => svc.services.comments.findById(comment.id));
    expect(stored.status).toBe('pending');
    expect(stored.decidedBy).toBeNull();
    expect(stored.verdict).toMatchObject({ action: 'pass', score: 0, reasons: [] });
    expect(stored.content).toBe(comment.content);
    expect(stored.createdAt.toISOString()).toBe(comment.createdAt);
  });

  it('a profane comment is rejected by the filter, with a decisions row', async () => {
    const comment = submitted({ content: PROFANE });
    await svc.services.queues.moderation.add('moderate', { comment }, { jobId: comment.id });
    const stored = await waitFor(() => svc.services.comments.findById(comment.id));
    expect(stored.status).toBe('rejected');
    expect(stored.decidedBy).toBe('filter');
    expect(stored.decidedAt).not.toBeNull();
    expect(stored.verdict?.action).toBe('block');
    expect(stored.verdict?.reasons[0]).toMatchObject({ rule: 'profanity.vi', tier: 'block', start: 0 });
    const { rows } = await svc.services.db.query<{ decision: string; decided_by: string; previous_status: string }>(
      'SELECT decision, decided_by, previous_status FROM decisions WHERE comment_id = $1',
      [comment.id],
    );
    expect(rows).toEqual([{ decision: 'reject', decided_by: 'filter', previous_status: 'queued' }]);
  });

  it('the same job processed twice writes one row and one decision', async () => {
    const process = moderationProcessor(svc.services);
    const comment = submitted({ content: PROFANE });
    const first = await process(asJob(comment));
    const second = await process(asJob(comment));
    expect(first).toEqual({ id: comment.id, status: 'rejected', created: true });
    expect(second).toEqual({ id: comment.id, status: 'rejected', created: false });
    expect(await count('SELECT count(*) AS n FROM comments WHERE id = $1', [comment.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM decisions WHERE comment_id = $1', [comment.id])).toBe(1);
  });

  it('a job run again after a moderator decided does not change the decision', async () => {
    const process = moderationProcessor(svc.services);
    const comment = submitted();
    await process(asJob(comment));
    await svc.services.db.query(`UPDATE comments SET status = 'approved', decided_by = 'mod-1', decided_at = now() WHERE id = $1`, [
      comment.id,
    ]);
    const again = await process(asJob({ ...comment, content: PROFANE }));
    expect(again).toEqual({ id: comment.id, status: 'approved', created: false });
    const stored = await svc.services.comments.findById(comment.id);
    expect(stored?.status).toBe('approved');
    expect(stored?.content).toBe(comment.content);
  });

  it('the same comment queued twice (same job id, then a new job id) is one row', async () => {
    const queue = svc.services.queues.moderation;
    const comment = submitted();
    const a = await queue.add('moderate', { comment }, { jobId: comment.id });
    const b = await queue.add('moderate', { comment }, { jobId: comment.id });
    expect(b.id).toBe(a.id);
    await waitFor(async () => (await queue.getJob(comment.id))?.finishedOn);
    const other = await queue.add('moderate', { comment }, { jobId: `${comment.id}-again` });
    await waitFor(async () => (await queue.getJob(other.id!))?.finishedOn);
    expect((await queue.getJob(other.id!))?.returnvalue).toEqual({ id: comment.id, status: 'pending', created: false });
    expect(await count('SELECT count(*) AS n FROM comments WHERE id = $1', [comment.id])).toBe(1);
  });

  it('a bad payload fails at once, without retries', async () => {
    const process = moderationProcessor(svc.services);
    await expect(process(asJob({ id: 'x' }))).rejects.toBeInstanceOf(UnrecoverableError);
    const queue = svc.services.queues.moderation;
    const job = await queue.add('moderate', { comment: { id: 'broken' } } as unknown as ModerationJobData, { jobId: 'broken-1' });
    await waitFor(async () => (await queue.getJob(job.id!))?.finishedOn);
    const failed = await queue.getJob(job.id!);
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/Invalid moderation job/);
  });

  it('a comment the database refuses (unknown parent) fails at once', async () => {
    const process = moderationProcessor(svc.services);
    await expect(process(asJob(submitted({ parentId: newCommentId() })))).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('a banned email or IP is rejected with rule ban from the moment the ban is committed', async () => {
    const process = moderationProcessor(svc.services);
    const email = `ban-${newCommentId()}@example.vn`;
    const before = await process(asJob(submitted({ authorEmail: email })));
    expect(before.status).toBe('pending');
    await svc.services.db.query(`INSERT INTO bans (email, created_by) VALUES ($1, 'mod-1')`, [email]);
    const banned = await process(asJob(submitted({ authorEmail: email.toUpperCase() })));
    expect(banned).toMatchObject({ status: 'rejected', created: true });
    const stored = await svc.services.comments.findById(banned.id);
    expect(stored?.verdict?.action).toBe('block');
    expect(stored?.verdict?.reasons[0]).toMatchObject({ rule: 'ban', tier: 'block' });
    expect(stored?.decidedBy).toBe('filter');
    expect(await count('SELECT count(*) AS n FROM decisions WHERE comment_id = $1', [banned.id])).toBe(1);
    await svc.services.db.query(`UPDATE bans SET lifted_at = now(), lifted_by = 'mod-1' WHERE email = $1`, [email]);
    expect((await process(asJob(submitted({ authorEmail: email })))).status).toBe('pending');
  });

  it('jobs saved in one batch: a comment the database refuses fails alone', async () => {
    const process = moderationProcessor(svc.services);
    const good = [submitted(), submitted()];
    const results = await Promise.allSettled([
      process(asJob(good[0])),
      process(asJob(submitted({ parentId: newCommentId() }))),
      process(asJob(good[1])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(UnrecoverableError);
    for (const c of good) expect((await svc.services.comments.findById(c.id))?.status).toBe('pending');
  });

  it('a database failure is retried with backoff until the comment is written', async () => {
    const queue = svc.services.queues.moderation;
    const comment = submitted();
    // A real failure of the real database: the table is gone for a moment.
    await svc.services.db.exec('ALTER TABLE comments RENAME TO comments_away');
    try {
      await queue.add('moderate', { comment }, { jobId: comment.id });
      // Wait for the first attempt to fail (BullMQ keeps one stack trace per failed attempt).
      await waitFor(async () => (await queue.getJob(comment.id))?.stacktrace?.length, 5_000);
    } finally {
      await svc.services.db.exec('ALTER TABLE comments_away RENAME TO comments');
    }
    const stored = await waitFor(() => svc.services.comments.findById(comment.id), 10_000);
    expect(stored.status).toBe('pending');
    // The row is committed before BullMQ records the job completed: wait for that too.
    const job = await waitFor(async () => {
      const j = await queue.getJob(comment.id);
      return j?.finishedOn ? j : undefined;
    }, 10_000);
    expect(await job.getState()).toBe('completed');
    expect(job.stacktrace?.length).toBeGreaterThanOrEqual(1);
    expect(job.stacktrace?.[0]).toMatch(/comments/);
  });

  /**
   * The job hash as BullMQ keeps it in Redis (data, opts, failedReason, stacktrace…), read
   * directly, plus the queue's event stream: nothing of it may hold the commenter's email,
   * IP address or user agent once the job has failed for good.
   */
  const storedJob = async (id: string) => {
    const { redis, queues } = svc.services;
    const hash = await redis.hgetall(queues.moderation.toKey(id));
    const events = await redis.xrange(queues.moderation.keys.events, '-', '+');
    return { hash, text: JSON.stringify([hash, events]) };
  };
  const withPersonalData = (overrides: Partial<SubmittedComment> = {}) => {
    const id = newCommentId();
    return submitted({
      id,
      authorEmail: `rieng-tu-${id}@example.vn`,
      ip: '198.51.100.231',
      userAgent: `Mozilla/5.0 (rieng-tu ${id})`,
      ...overrides,
    });
  };
  const expectNoPersonalData = async (comment: SubmittedComment) => {
    const { hash, text } = await storedJob(comment.id);
    expect(Object.keys(hash)).toContain('data'); // the job is still there for a person to look at
    for (const value of [comment.authorEmail!, comment.ip!, comment.userAgent!]) expect(text).not.toContain(value);
    const data = JSON.parse(hash.data) as ModerationJobData;
    expect(data.comment).toMatchObject({ id: comment.id, content: comment.content, authorEmail: null, ip: null, userAgent: null });
  };

  it('a job the database refuses for good keeps no email, IP or user agent in Redis', async () => {
    const queue = svc.services.queues.moderation;
    const comment = withPersonalData({ parentId: newCommentId() }); // unknown parent: refused at once
    await queue.add('moderate', { comment }, { jobId: comment.id });
    await waitFor(async () => (await queue.getJob(comment.id))?.finishedOn);
    expect(await (await queue.getJob(comment.id))?.getState()).toBe('failed');
    await expectNoPersonalData(comment);
  });

  it('a job failing its last attempt keeps no email, IP or user agent in Redis', async () => {
    const queue = svc.services.queues.moderation;
    const comment = withPersonalData();
    await svc.services.db.exec('ALTER TABLE comments RENAME TO comments_away');
    try {
      await queue.add('moderate', { comment }, { jobId: comment.id, attempts: 2, backoff: { type: 'fixed', delay: 10 } });
      await waitFor(async () => (await queue.getJob(comment.id))?.finishedOn, 10_000);
    } finally {
      await svc.services.db.exec('ALTER TABLE comments_away RENAME TO comments');
    }
    const job = await queue.getJob(comment.id);
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(2);
    await expectNoPersonalData(comment);
  });
});

describe('moderation worker with AUTO_REJECT=0', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', http: false, workers: false, env: { AUTO_REJECT: '0' } });
  });
  afterAll(() => svc?.stop());

  it('a block verdict is kept pending for a moderator', async () => {
    const process = moderationProcessor(svc.services);
    const result = await process(asJob(submitted({ content: PROFANE })));
    expect(result.status).toBe('pending');
    const stored = await svc.services.comments.findById(result.id);
    expect(stored?.verdict?.action).toBe('block');
    expect(stored?.decidedBy).toBeNull();
  });
});

describe('moderation retry policy', () => {
  it('retries for a window of several minutes before giving up', () => {
    const attempts = moderationJobOptions.attempts!;
    const backoff = moderationJobOptions.backoff as { type: string; delay: number };
    expect(backoff.type).toBe('exponential');
    // BullMQ waits delay * 2^(n-1) before retry n.
    const windowMs = Array.from({ length: attempts - 1 }, (_, n) => backoff.delay * 2 ** n).reduce((a, b) => a + b, 0);
    expect(windowMs).toBeGreaterThan(10 * 60_000); // outlives a database restart or failover
    expect(windowMs).toBeLessThan(60 * 60_000); // a broken comment does not linger for hours
  });
});

/**
 * main.ts under TypeScript as one process (`node --import tsx`), so SIGTERM reaches it the way
 * an orchestrator delivers it to `node dist/src/main.js`. Not through `npx tsx`: npm runs the
 * command under `sh -c`, which dies of the signal without passing it on, and npm re-raises
 * SIGTERM on itself, so `npx …` never exits 0 and leaves main.ts running. Not through the
 * `tsx` wrapper either: it SIGKILLs its child when the child does not acknowledge a relayed
 * signal within about 60 ms, which happens on a busy machine (exit 143 seen here).
 */
describe('main.ts on SIGTERM', () => {
  let database: TestDatabase;
  let blocker: pg.Client;
  let queueConnection: Redis;
  const prefix = uniqueName('t');

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await blocker?.end().catch(() => {});
    queueConnection?.disconnect();
    await deleteRedisPrefix(prefix);
    await database.drop();
  });

  it('finishes the active job, then exits 0', { timeout: 90_000 }, async () => {
    const main = await startServiceProcess('all', testEnv(prefix, { DATABASE_URL: database.url, LOG_LEVEL: 'info' }), {
      startTimeoutMs: 60_000,
    });
    try {
      // Hold the job inside its INSERT: another transaction has written the same id and not
      // committed, so the worker's INSERT … ON CONFLICT waits for it.
      const comment = submitted();
      blocker = new pg.Client({ connectionString: database.url });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query(
        `INSERT INTO comments (id, article_id, author_name, content, status, created_at) VALUES ($1, 'x', 'x', 'x', 'pending', now())`,
        [comment.id],
      );
      queueConnection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue<ModerationJobData>(QUEUE_NAMES.moderation, { connection: queueConnection, prefix: `{${prefix}}` });
      await queue.add('moderate', { comment }, { jobId: comment.id });
      await waitFor(async () => (await (await queue.getJob(comment.id))?.getState()) === 'active', 10_000);

      main.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(main.child.exitCode).toBeNull(); // still waiting for its active job

      await blocker.query('ROLLBACK');
      expect((await main.exited).code).toBe(0);
      const job = await queue.getJob(comment.id);
      expect(await job?.getState()).toBe('completed');
      const { rows } = await blocker.query('SELECT status, author_name FROM comments WHERE id = $1', [comment.id]);
      expect(rows).toEqual([{ status: 'pending', author_name: comment.authorName }]);
      expect(main.output.join('\n')).toMatch(/shutting down/);
      await queue.close();
    } finally {
      await main.stop('SIGKILL');
    }
  });
});
