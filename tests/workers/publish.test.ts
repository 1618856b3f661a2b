import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { registry } from '../../src/metrics.js';
import { PUBLISH_JOBS, type PublishJobData } from '../../src/queues/index.js';
import { insertComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { testEnv } from '../support/env.js';
import { startTestService, type TestService } from '../support/service.js';
import { publishBackoff, publishProcessor } from '../../workers/publish.js';

/** Just what the processor reads of a BullMQ job. */
function fakeJob(name: string, data: unknown, attemptsMade = 0, attempts = 3) {
  const job = {
    id: `job-${Math.random().toString(36).slice(2)}`,
    name,
    data,
    attemptsMade,
    opts: { attempts },
    async updateData(next: unknown) {
      job.data = next;
    },
  };
  return job;
}

const run = (processor: ReturnType<typeof publishProcessor>, job: ReturnType<typeof fakeJob>) =>
  processor(job as unknown as Job<PublishJobData>, 'token');

describe.each(ENGINES)('publish processor (%s)', (engine) => {
  let svc: TestService;
  let site: Server;
  let siteUrl: string;
  const bodies: string[] = [];
  beforeAll(async () => {
    svc = await startTestService({ engine, workers: false, http: false });
    site = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        bodies.push(body);
        res.statusCode = 503;
        res.end();
      });
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await svc?.stop();
    await new Promise((r) => site?.close(r));
  });

  const data = (articleId: string): PublishJobData => ({
    event: 'comment.published',
    articleId,
    commentId: 'c1',
    at: new Date().toISOString(),
  });

  it('refresh-count writes the PostgreSQL count to Redis, overwriting a stale value', async () => {
    const articleId = `refresh-${engine}`;
    const c = await insertComment(svc.services, { articleId });
    // A decision taken without the api: count 1 in PostgreSQL.
    await svc.services.decisions.apply({ commentId: c.id, decision: 'approve', decidedBy: 'm1', reason: null, allowedFrom: ['pending'] });
    await svc.services.redis.set(svc.services.keys.count(articleId), '7|1', 'EX', 60);
    const result = await run(publishProcessor(svc.services), fakeJob(PUBLISH_JOBS.refreshCount, data(articleId)));
    expect(result).toEqual({ job: 'refresh-count', articleId, count: 1 });
    expect(await svc.services.redis.get(svc.services.keys.count(articleId))).toMatch(/^1\|\d+$/);
  });

  it('never overwrites a newer cached count with an older one', async () => {
    const articleId = `newer-${engine}`;
    const key = svc.services.keys.count(articleId);
    await svc.services.countCache.put({ articleId, count: 5, version: 2_000 });
    await svc.services.countCache.put({ articleId, count: 4, version: 1_000 });
    expect(await svc.services.redis.get(key)).toBe('5|2000');
  });

  it('fails bad payloads and unknown job names for good (UnrecoverableError)', async () => {
    const processor = publishProcessor(svc.services);
    await expect(run(processor, fakeJob(PUBLISH_JOBS.refreshCount, { articleId: 5 }))).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run(processor, fakeJob('other', data('a')))).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('skips the webhook when no URL is configured', async () => {
    const result = await run(publishProcessor(svc.services), fakeJob(PUBLISH_JOBS.webhook, data('a')));
    expect(result).toEqual({ job: 'webhook', delivered: false });
  });

  it('counts a retry, then a final failure; a job without a count gets one stored for its retries', async () => {
    const config = loadConfig(
      testEnv(svc.config.redisPrefix, { SITE_WEBHOOK_URL: siteUrl, SITE_WEBHOOK_SECRET: 's', WEBHOOK_TIMEOUT_MS: '2000' }),
    );
    const processor = publishProcessor({ ...svc.services, config });
    const metric = async (result: string) =>
      (await registry.getSingleMetric('webhook_deliveries_total')!.get()).values.find((v) => v.labels.result === result)?.value ?? 0;
    const [retry0, failed0] = [await metric('retry'), await metric('failed')];

    const job = fakeJob(PUBLISH_JOBS.webhook, data(`wh-${engine}`), 0, 2);
    await expect(run(processor, job)).rejects.toThrow(/503/);
    expect((job.data as PublishJobData).count).toBe(0);
    expect(await metric('retry')).toBe(retry0 + 1);
    job.attemptsMade = 1;
    await expect(run(processor, job)).rejects.toThrow(/503/);
    expect(await metric('failed')).toBe(failed0 + 1);
    expect(bodies.at(-1)).toBe(bodies.at(-2));
  });

  it('backs webhooks off exponentially from WEBHOOK_BACKOFF_MS up to the cap', () => {
    const config = loadConfig(testEnv('x', { WEBHOOK_BACKOFF_MS: '100', WEBHOOK_BACKOFF_MAX_MS: '350' }));
    const backoff = publishBackoff({ config });
    expect([1, 2, 3, 4].map((n) => backoff(n, 'webhook'))).toEqual([100, 200, 350, 350]);
  });
});
