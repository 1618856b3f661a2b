import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import type { SubmittedComment } from '../../src/comments/types.js';
import { QUEUE_NAMES, type MaintenanceJobData, type ModerationJobData } from '../../src/queues/index.js';
import { RETENTION_JOB, runRetention, scheduleRetention } from '../../src/retention/index.js';
import { maintenanceProcessor } from '../../workers/maintenance.js';
import { insertComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { addModerator, adminEnv, login } from '../support/moderators.js';
import { REDIS_URL } from '../support/redis.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe.each(ENGINES)('retention (%s)', (engine) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine, workers: false, env: adminEnv });
  });
  afterAll(() => svc.stop());

  const db = () => svc.services.db;
  /** Moves a comment's dates into the past, as if it had been posted and decided then. */
  const backdate = (id: string, days: number) =>
    db().query(
      `UPDATE comments SET created_at = $2::timestamptz, decided_at = CASE WHEN decided_at IS NULL THEN NULL ELSE $2::timestamptz END WHERE id = $1`,
      [id, daysAgo(days)],
    );
  const exists = async (id: string) => (await db().query('SELECT 1 FROM comments WHERE id = $1', [id])).rows.length === 1;
  const network = async (id: string) =>
    (await db().query<{ ip: string | null; user_agent: string | null }>('SELECT ip, user_agent FROM comments WHERE id = $1', [id])).rows[0];

  it('deletes comments rejected longer ago than rejectedDays, with their decisions, and nothing else', async () => {
    const oldRejected = await insertComment(svc.services, { status: 'rejected' });
    const newRejected = await insertComment(svc.services, { status: 'rejected' });
    const oldPending = await insertComment(svc.services);
    await backdate(oldRejected.id, 100);
    await backdate(newRejected.id, 10);
    await backdate(oldPending.id, 400);

    const result = await runRetention(db(), { rejectedDays: 90, ipDays: 30 });
    expect(result.rejectedDeleted).toBe(1);
    expect(await exists(oldRejected.id)).toBe(false);
    expect((await db().query('SELECT 1 FROM decisions WHERE comment_id = $1', [oldRejected.id])).rows).toEqual([]);
    expect(await exists(newRejected.id)).toBe(true);
    expect(await exists(oldPending.id)).toBe(true);
  });

  it('keeps an old rejected comment that still has a reply (the reply points at it)', async () => {
    const parent = await insertComment(svc.services, { status: 'rejected' });
    const reply = await insertComment(svc.services, { parentId: parent.id });
    await backdate(parent.id, 200);
    await runRetention(db(), { rejectedDays: 90, ipDays: 30 });
    expect(await exists(parent.id)).toBe(true);
    expect(await exists(reply.id)).toBe(true);
  });

  it('forgets IP address and user agent of comments older than ipDays, keeps newer ones', async () => {
    const old = await insertComment(svc.services, { ip: '198.51.100.7', userAgent: 'Mozilla/5.0 cũ' });
    const recent = await insertComment(svc.services, { ip: '198.51.100.8', userAgent: 'Mozilla/5.0 mới' });
    await backdate(old.id, 31);
    await backdate(recent.id, 29);
    const result = await runRetention(db(), { rejectedDays: 90, ipDays: 30 });
    expect(result.networkDataForgotten).toBeGreaterThanOrEqual(1);
    expect(await network(old.id)).toEqual({ ip: null, user_agent: null });
    expect(await network(recent.id)).toEqual({ ip: '198.51.100.8', user_agent: 'Mozilla/5.0 mới' });
    expect(await exists(old.id)).toBe(true);
  });

  it('a second run changes nothing more', async () => {
    expect(await runRetention(db(), { rejectedDays: 90, ipDays: 30 })).toEqual({ rejectedDeleted: 0, networkDataForgotten: 0 });
  });

  it('privacy export: an admin gets every comment, decision and ban of one email, case-insensitively', async () => {
    const email = `Ban-Doc-${engine}@Example.vn`;
    const first = await insertComment(svc.services, { authorEmail: email, content: 'bình luận thứ nhất' });
    const second = await insertComment(svc.services, { authorEmail: email.toLowerCase(), status: 'rejected' });
    await insertComment(svc.services, { authorEmail: 'nguoi-khac@example.vn' });
    await db().query(`INSERT INTO bans (email, reason, created_by) VALUES ($1, 'spam', 'admin')`, [email.toUpperCase()]);

    const admin = await login(svc);
    const res = await admin.fetch(`/admin/api/privacy/export?email=${encodeURIComponent(email.toLowerCase())}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      email: string;
      comments: { id: string; content: string; ip: string | null }[];
      decisions: { comment_id: string; decision: string }[];
      bans: { email: string; reason: string }[];
    };
    expect(body.comments.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(body.comments[0]).toMatchObject({ content: 'bình luận thứ nhất', ip: '203.0.113.9' });
    expect(body.decisions).toEqual([expect.objectContaining({ comment_id: second.id, decision: 'reject' })]);
    expect(body.bans).toEqual([expect.objectContaining({ reason: 'spam' })]);

    const audit = await db().query<{ actor: string; details: unknown }>(
      `SELECT actor, details FROM audit_log WHERE action = 'privacy.export'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0])).not.toContain('example.vn');
  });

  it('privacy export: 401 without a session, 403 for a moderator, 400 for a bad address', async () => {
    expect((await svc.fetch('/admin/api/privacy/export?email=a@example.vn')).status).toBe(401);
    const moderator = await addModerator(svc, 'moderator');
    expect((await moderator.fetch('/admin/api/privacy/export?email=a@example.vn')).status).toBe(403);
    const admin = await login(svc);
    const bad = await admin.fetch('/admin/api/privacy/export?email=khong-phai-email');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; details: { fields: Record<string, string> } } }).error).toMatchObject({
      code: 'validation_failed',
      details: { fields: { email: expect.any(String) } },
    });
  });
});

describe('retention schedule and maintenance worker', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres' });
  });
  afterAll(() => svc.stop());

  it('workers upsert one hourly retention scheduler, however often they start', async () => {
    await scheduleRetention(svc.services.queues.maintenance);
    const schedulers = await svc.services.queues.maintenance.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: RETENTION_JOB, every: 3_600_000 });
  });

  it('the maintenance worker runs a retention job against the database', async () => {
    const old = await insertComment(svc.services, { status: 'rejected' });
    await svc.services.db.query(`UPDATE comments SET created_at = $2::timestamptz, decided_at = $2::timestamptz WHERE id = $1`, [
      old.id,
      daysAgo(365),
    ]);
    const job = await svc.services.queues.maintenance.add(RETENTION_JOB, {});
    const result = await waitFor(async () => (await svc.services.queues.maintenance.getJob(job.id!))?.returnvalue, 10_000);
    // A scheduled run may get there first (a worker's upsert starts one at once), so the
    // row being gone is the assertion; the job's own count may be 0 or 1.
    expect(result).toEqual({
      rejectedDeleted: expect.any(Number),
      networkDataForgotten: expect.any(Number),
      failedJobsRedacted: expect.any(Number),
      failedJobsRemoved: expect.any(Number),
      completedJobsRemoved: expect.any(Number),
    });
    expect((await svc.services.db.query('SELECT 1 FROM comments WHERE id = $1', [old.id])).rows).toEqual([]);
  });
});

/**
 * Moderation jobs carry the commenter's email, IP address and user agent until the worker has
 * written the comment. The hourly retention run holds jobs to the rows' schedule: a failed job
 * keeps none of them (also one our worker never saw fail: BullMQ's stalled-job check fails a
 * job without running our code, and a bare worker stands in for it here), failed jobs go after
 * RETENTION_IP_DAYS, completed ones after an hour. Jobs are read straight from Redis.
 */
describe('retention of personal data in moderation jobs', () => {
  const IP_DAYS = 3;
  let svc: TestService;
  let worker: Worker<ModerationJobData> | undefined;
  let workerConnection: Redis | undefined;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres', workers: false, http: false, env: { RETENTION_IP_DAYS: String(IP_DAYS) } });
    // Fails every job whose content says so, completes the others; none of our code runs.
    workerConnection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    worker = new Worker<ModerationJobData>(
      QUEUE_NAMES.moderation,
      async (job) => {
        if (job.data.comment.content.startsWith('fail')) throw new Error('job stalled more than allowable limit');
        return { id: job.data.comment.id, status: 'pending', created: true };
      },
      { connection: workerConnection, prefix: svc.services.keys.queuePrefix },
    );
  });
  afterAll(async () => {
    await worker?.close();
    workerConnection?.disconnect();
    await svc?.stop();
  });

  const queue = () => svc.services.queues.moderation;
  const jobKey = (id: string) => `${svc.services.keys.queuePrefix}:${QUEUE_NAMES.moderation}:${id}`;
  const rawJob = (id: string) => svc.services.redis.hgetall(jobKey(id));
  /** Moves a finished job's finish time `ms` into the past, in its set and in its hash. */
  const backdate = async (id: string, state: 'failed' | 'completed', ms: number) => {
    const at = Date.now() - ms;
    await svc.services.redis.zadd(`${svc.services.keys.queuePrefix}:${QUEUE_NAMES.moderation}:${state}`, at, id);
    await svc.services.redis.hset(jobKey(id), 'finishedOn', String(at));
  };
  const comment = (content: string): SubmittedComment => {
    const id = newCommentId();
    return {
      id,
      articleId: 'thoi-su/2',
      parentId: null,
      authorName: 'Lê Thị Hoa',
      authorEmail: `hoa-${id}@example.vn`,
      content,
      ip: '192.0.2.77',
      userAgent: `Mozilla/5.0 (hoa ${id})`,
      createdAt: new Date().toISOString(),
    };
  };
  const finished = async (c: SubmittedComment, state: 'failed' | 'completed') => {
    await queue().add('moderate', { comment: c }, { jobId: c.id, attempts: 1 });
    await waitFor(async () => (await queue().getJob(c.id))?.finishedOn);
    expect(await (await queue().getJob(c.id))?.getState()).toBe(state);
  };
  const runHourly = () => maintenanceProcessor(svc.services)({ name: RETENTION_JOB, data: {} } as Job<MaintenanceJobData>, 'token');
  const personal = (c: SubmittedComment) => [c.authorEmail!, c.ip!, c.userAgent!];

  it('a failed job our worker never saw keeps no email, IP or user agent after the hourly run', async () => {
    const failed = comment('fail: Đường liên xã xuống cấp');
    await finished(failed, 'failed');
    const before = JSON.stringify(await rawJob(failed.id));
    for (const value of personal(failed)) expect(before).toContain(value); // what the fix is about

    const result = await runHourly();
    expect(result).toMatchObject({ failedJobsRedacted: 1 });
    const after = await rawJob(failed.id);
    for (const value of personal(failed)) expect(JSON.stringify(after)).not.toContain(value);
    expect(JSON.parse(after.data).comment).toMatchObject({
      id: failed.id,
      content: failed.content,
      authorEmail: null,
      ip: null,
      userAgent: null,
    });
    expect(after.failedReason).toBe('job stalled more than allowable limit');
    expect((await runHourly()).failedJobsRedacted).toBe(0);
  });

  it(`deletes failed jobs older than RETENTION_IP_DAYS (${IP_DAYS}), keeps newer ones; BullMQ is told the same limit`, async () => {
    const old = comment('fail: cũ');
    const recent = comment('fail: mới');
    await finished(old, 'failed');
    await finished(recent, 'failed');
    expect((await queue().getJob(old.id))?.opts.removeOnFail).toEqual({ age: IP_DAYS * 86_400 });
    await backdate(old.id, 'failed', (IP_DAYS * 24 + 1) * 3_600_000);
    await backdate(recent.id, 'failed', (IP_DAYS * 24 - 1) * 3_600_000);

    const result = await runHourly();
    expect(result.failedJobsRemoved).toBe(1);
    expect(await svc.services.redis.exists(jobKey(old.id))).toBe(0);
    expect(await queue().getJob(old.id)).toBeUndefined();
    expect(await (await queue().getJob(recent.id))?.getState()).toBe('failed');
    expect(JSON.stringify(await rawJob(recent.id))).not.toContain(recent.authorEmail!);
  });

  it('deletes completed jobs older than an hour, keeps newer ones', async () => {
    const old = comment('Cảm ơn tòa soạn');
    const recent = comment('Bài viết hay');
    await finished(old, 'completed');
    await finished(recent, 'completed');
    await backdate(old.id, 'completed', 2 * 3_600_000);

    const result = await runHourly();
    expect(result.completedJobsRemoved).toBe(1);
    expect(await svc.services.redis.exists(jobKey(old.id))).toBe(0);
    expect(await (await queue().getJob(recent.id))?.getState()).toBe('completed');
  });
});
