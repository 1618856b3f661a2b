/**
 * The publish outbox: a decision taken while the queue's Redis is unreachable still gets its
 * webhook delivered and its count cached once Redis is back (the workers' sweeper), and a
 * decision taken with Redis up is enqueued and marked by the api itself, delivered once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecisionService } from '../../src/comments/decide.js';
import { enqueueOutboxEntries, refreshJobId, webhookJobId } from '../../src/publish/jobs.js';
import { MIN_AGE_MS, startOutboxSweeper } from '../../src/publish/outbox-sweeper.js';
import { createQueues, PUBLISH_JOBS, type PublishJobData } from '../../src/queues/index.js';
import { createRedis } from '../../src/store/redis.js';
import { insertComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { useTestService } from '../support/hooks.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';
import { startWebhookReceiver, type WebhookDelivery, type WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'bi-mat-outbox';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('decisions while the queue Redis is down (postgres, private Redis, real workers)', () => {
  let redis: PrivateRedis;
  let svc: TestService;
  let receiver: WebhookReceiver | undefined;
  const deliveries: WebhookDelivery[] = [];
  const idsOf = (commentId: string) => deliveries.filter((d) => d.body.commentId === commentId).map((d) => d.id);

  beforeAll(async () => {
    redis = await startPrivateRedis();
    receiver = await startWebhookReceiver({ secret: SECRET, deliveries });
    svc = await startTestService({
      engine: 'postgres',
      http: false,
      env: {
        REDIS_URL: redis.url,
        SITE_WEBHOOK_URL: receiver.url,
        SITE_WEBHOOK_SECRET: SECRET,
        WEBHOOK_BACKOFF_MS: '200',
        WEBHOOK_BACKOFF_MAX_MS: '1000',
        WEBHOOK_TIMEOUT_MS: '2000',
        OUTBOX_SWEEP_MS: '250',
      },
    });
  }, 120_000);

  afterAll(async () => {
    try {
      // stop() closes the workers more cleanly with Redis up and reconnected.
      await redis?.start().catch(() => {});
      await waitFor(() => svc?.services.redis.status === 'ready', 10_000).catch(() => {});
      // Bounded, so the private redis-server below is killed even if a close hangs.
      await Promise.race([svc?.stop(), sleep(30_000)]);
    } finally {
      await redis?.kill();
      await receiver?.close();
    }
  }, 60_000);

  it('fast path: enqueued and marked by the api at once, delivered exactly once', async () => {
    const comment = await insertComment(svc.services, { articleId: 'outbox-bai' });
    await svc.services.decisionService.decide({ commentId: comment.id, decision: 'approve', moderatorId: 'm1' });
    const [row] = (
      await svc.services.db.query<{ id: string; marked_after_ms: number | null }>(
        `SELECT id, (extract(epoch FROM enqueued_at - created_at) * 1000)::int AS marked_after_ms
         FROM publish_outbox WHERE id LIKE $1`,
        [`wh-${comment.id}-%`],
      )
    ).rows;
    // Marked by the api: the sweeper never touches a row younger than MIN_AGE_MS.
    expect(row.marked_after_ms).not.toBeNull();
    expect(row.marked_after_ms!).toBeLessThan(MIN_AGE_MS);
    expect(await svc.services.outbox.waiting()).toEqual([]);

    await waitFor(() => idsOf(comment.id).length >= 1, 15_000, 50);
    // Several sweeps later still one delivery: the sweeper had nothing to send again.
    await sleep(MIN_AGE_MS + 1_000);
    expect(idsOf(comment.id)).toEqual([row.id]);
    expect(deliveries.find((d) => d.id === row.id)).toMatchObject({ signatureOk: true, body: { event: 'comment.published', count: 1 } });
  }, 30_000);

  it('Redis killed: the decision stands, its jobs wait in the outbox, and are delivered once Redis is back', async () => {
    const comment = await insertComment(svc.services, { articleId: 'outbox-sap' });
    await redis.kill();

    const started = Date.now();
    const decided = await svc.services.decisionService.decide({ commentId: comment.id, decision: 'approve', moderatorId: 'm1' });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(decided.status).toBe('approved');

    const waiting = await svc.services.outbox.waiting();
    expect(waiting.map((e) => e.kind).sort()).toEqual([PUBLISH_JOBS.refreshCount, PUBLISH_JOBS.webhook]);
    const webhookRow = waiting.find((e) => e.kind === PUBLISH_JOBS.webhook)!;
    const payload = webhookRow.payload as PublishJobData;
    // The id both paths use: the same X-Webhook-Id the fast path would have sent.
    expect(webhookRow.id).toBe(webhookJobId(payload));
    expect(webhookRow.id).toMatch(new RegExp(`^wh-${comment.id}-\\d+$`));
    expect(payload).toMatchObject({ event: 'comment.published', commentId: comment.id, count: 1, at: decided.decidedAt!.toISOString() });

    // The sweeper keeps ticking while Redis is away; nothing is lost, nothing is marked.
    await sleep(MIN_AGE_MS + 1_000);
    expect((await svc.services.outbox.waiting()).length).toBe(2);
    expect(idsOf(comment.id)).toEqual([]);

    await redis.start();
    const back = Date.now();
    await waitFor(() => idsOf(comment.id).length >= 1, 30_000, 100);
    console.info(`[outbox] webhook delivered ${Date.now() - back} ms after Redis came back (OUTBOX_SWEEP_MS=250)`);
    const delivery = deliveries.find((d) => d.body.commentId === comment.id)!;
    expect(delivery.id).toBe(webhookRow.id);
    expect(delivery.signatureOk).toBe(true);
    expect(delivery.body).toEqual({ event: 'comment.published', articleId: 'outbox-sap', commentId: comment.id, count: 1, at: payload.at });

    // The refresh-count job ran too: the fresh (empty) Redis holds the right count.
    const countKey = svc.services.keys.count('outbox-sap');
    await waitFor(async () => (await svc.services.redis.get(countKey).catch(() => null))?.startsWith('1|'), 15_000, 100);
    await waitFor(async () => (await svc.services.outbox.waiting()).length === 0, 10_000, 100);

    // A little later: still exactly one delivery per decision.
    await sleep(1_000);
    expect(idsOf(comment.id)).toEqual([webhookRow.id]);
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(deliveries.length);
  }, 90_000);
});

describe.each(ENGINES)('outbox sweeper (%s)', (engine) => {
  const app = useTestService({
    engine,
    workers: false,
    http: false,
    env: { SITE_WEBHOOK_URL: 'http://127.0.0.1:9/hooks', SITE_WEBHOOK_SECRET: SECRET, OUTBOX_SWEEP_MS: '600000' },
  });

  /** A decision whose fast path fails: the queues point at a Redis nobody listens on. */
  async function decideWithDeadQueue(articleId: string) {
    const deadQueues = createQueues(createRedis('redis://127.0.0.1:1', 'command'), app.svc.services.keys.queuePrefix);
    for (const queue of deadQueues.all()) queue.on('error', () => {});
    try {
      const comment = await insertComment(app.svc.services, { articleId });
      await createDecisionService({ ...app.svc.services, queues: deadQueues }).decide({
        commentId: comment.id,
        decision: 'approve',
        moderatorId: 'm1',
      });
      return comment;
    } finally {
      await deadQueues.close().catch(() => {});
    }
  }

  it('leaves young rows to the fast path, then enqueues the rest under the outbox ids, once', async () => {
    const comment = await decideWithDeadQueue(`sweep-${engine}`);
    const rows = await app.svc.services.outbox.waiting();
    const ids = rows.map((r) => r.id).sort();
    expect(ids).toHaveLength(2);
    const payload = rows[0].payload as PublishJobData;
    expect(ids).toEqual([refreshJobId(payload), webhookJobId(payload)].sort());
    expect(payload.commentId).toBe(comment.id);

    const sweeper = startOutboxSweeper(app.svc.services);
    try {
      // Ages set by hand: a loaded machine must not decide what counts as young.
      const age = (ms: number) =>
        app.svc.services.db.query(
          `UPDATE publish_outbox SET created_at = now() - make_interval(secs => $1::double precision / 1000) WHERE enqueued_at IS NULL`,
          [ms],
        );
      await age(MIN_AGE_MS - 1_000); // younger than MIN_AGE_MS: the fast path may still be at it
      expect(await sweeper.sweep()).toBe(0);
      await age(MIN_AGE_MS + 500);
      expect(await sweeper.sweep()).toBe(2);
      expect(await sweeper.sweep()).toBe(0);
    } finally {
      await sweeper.stop();
    }
    expect(await app.svc.services.outbox.waiting()).toEqual([]);
    const webhookJob = await app.svc.services.queues.publish.getJob(webhookJobId(payload));
    expect(webhookJob?.name).toBe(PUBLISH_JOBS.webhook);
    expect(webhookJob?.data).toEqual(payload);
    expect(webhookJob?.opts.attempts).toBeGreaterThan(20); // the webhook's ≥ 24 h policy

    // Enqueueing the same rows again (a late fast path) adds nothing: BullMQ keeps one job per id.
    const before = await app.svc.services.queues.publish.count();
    await enqueueOutboxEntries(app.svc.services, rows);
    expect(await app.svc.services.queues.publish.count()).toBe(before);
  }, 30_000);

  it('does nothing while the queue Redis is down, and two sweepers at once enqueue each row once', async () => {
    await decideWithDeadQueue(`sweep-two-${engine}`);
    await decideWithDeadQueue(`sweep-two-${engine}`);
    await sleep(MIN_AGE_MS + 200);

    const deadConnection = createRedis('redis://127.0.0.1:1', 'command');
    const deadQueues = createQueues(deadConnection, app.svc.services.keys.queuePrefix);
    for (const queue of deadQueues.all()) queue.on('error', () => {});
    const stranded = startOutboxSweeper({ ...app.svc.services, queues: deadQueues });
    try {
      expect(await stranded.sweep()).toBe(0);
    } finally {
      await stranded.stop();
      await deadQueues.close().catch(() => {});
      deadConnection.disconnect();
    }
    expect(await app.svc.services.outbox.waiting()).toHaveLength(4);

    const a = startOutboxSweeper(app.svc.services);
    const b = startOutboxSweeper(app.svc.services);
    try {
      const [fromA, fromB] = await Promise.all([a.sweep(), b.sweep()]);
      expect(fromA + fromB).toBe(4);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(await app.svc.services.outbox.waiting()).toEqual([]);
  }, 30_000);

  it('deletes rows enqueued more than the keep time ago, never waiting ones', async () => {
    await decideWithDeadQueue(`purge-${engine}`);
    const [waitingRow] = await app.svc.services.outbox.waiting();
    await app.svc.services.db.query(`UPDATE publish_outbox SET enqueued_at = now() - interval '8 days' WHERE enqueued_at IS NOT NULL`);
    const deleted = await app.svc.services.outbox.purgeEnqueuedBefore(new Date(Date.now() - 7 * 86_400_000));
    expect(deleted).toBeGreaterThan(0);
    expect(await app.svc.services.outbox.find(waitingRow.id)).toMatchObject({ enqueuedAt: null });
    const { rows } = await app.svc.services.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM publish_outbox WHERE enqueued_at IS NOT NULL`,
    );
    expect(rows[0].n).toBe(0);
  }, 30_000);
});
