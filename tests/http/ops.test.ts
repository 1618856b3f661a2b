import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { insertComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { addModerator, adminEnv, login } from '../support/moderators.js';
import { startTestService, type TestService } from '../support/service.js';
import { useServiceOnPrivateRedis, useTestService } from '../support/hooks.js';
import { waitFor } from '../support/wait.js';

async function readyz(svc: TestService) {
  const res = await svc.fetch('/readyz');
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string>; failed: string[] } };
}

describe.each(ENGINES)('health and readiness (%s)', (engine) => {
  let svc: TestService;
  let workers: RunningWorkers | undefined;
  beforeAll(async () => {
    svc = await startTestService({ engine, workers: false });
  });
  afterAll(async () => {
    await workers?.close();
    await svc.stop();
  });

  it('GET /healthz answers 200 while the process runs', async () => {
    const res = await svc.fetch('/healthz');
    expect(res.status).toBe(200);
  });

  it('GET /readyz answers 503 naming the workers while no worker has sent a heartbeat', async () => {
    const { status, body } = await readyz(svc);
    expect(status).toBe(503);
    expect(body.checks.redis).toBe('ok');
    expect(body.checks.database).toBe('ok');
    expect(body.failed).toEqual(['workers']);
    expect(body.checks.workers).toMatch(/no worker heartbeat within 60 s/);
  });

  it('GET /readyz answers 200 once a worker beats, and 503 again when it stops', async () => {
    workers = await startWorkers(svc.services);
    await waitFor(async () => (await readyz(svc)).status === 200, 10_000);
    const { body } = await readyz(svc);
    // redisPrimary: the address of the Redis this copy writes to (the primary, with Sentinel).
    expect(body).toEqual({
      status: 'ok',
      checks: { redis: 'ok', database: 'ok', workers: 'ok' },
      failed: [],
      redisPrimary: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    });
    await workers.close();
    workers = undefined;
    const after = await readyz(svc);
    expect(after.status).toBe(503);
    expect(after.body.failed).toEqual(['workers']);
  });

  it('unknown paths answer the contract error shape', async () => {
    const res = await svc.fetch('/nope', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('GET /readyz answers 503 as soon as shutdown starts, while /healthz stays 200', async () => {
    svc.services.lifecycle.beginDrain();
    const { status, body } = await readyz(svc);
    expect(status).toBe(503);
    expect(body.checks.shutdown).toBe('shutting down');
    expect((await svc.fetch('/healthz')).status).toBe(200);
  });
});

describe('GET /metrics', () => {
  const app = useTestService({ engine: 'postgres', env: adminEnv });

  const scrape = async () => {
    const res = await app.svc.fetch('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('exposes every series of the contract, the HTTP histogram and process metrics', async () => {
    await app.svc.fetch('/healthz');
    const text = await scrape();
    for (const name of [
      'comments_queue_jobs',
      'comments_pending',
      'comments_oldest_pending_seconds',
      'comments_accepted_total',
      'comments_rejected_total',
      'comments_verdicts_total',
      'comments_decisions_total',
      'captcha_issued_total',
      'captcha_verifications_total',
      'webhook_deliveries_total',
      'http_request_duration_seconds',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    for (const queue of ['moderation', 'publish', 'maintenance']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
        expect(text).toMatch(new RegExp(`^comments_queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, 'm'));
      }
    }
  });

  it('counts pending comments and the age of the oldest from the database', async () => {
    // insertComment dates comments in January 2026, so the oldest is months old.
    await insertComment(app.svc.services);
    await insertComment(app.svc.services);
    await insertComment(app.svc.services, { status: 'rejected' });
    const text = await scrape();
    expect(sample(text, 'comments_pending')).toBe(2);
    const age = sample(text, 'comments_oldest_pending_seconds')!;
    expect(age).toBeGreaterThan(Date.now() / 1000 - Date.parse('2026-01-02T00:00:00Z') / 1000);
  });

  it('counts jobs per queue and state', async () => {
    await app.svc.services.queues.publish.add('probe', {} as never, { delay: 60_000, jobId: 'ops-metrics-probe' });
    const text = await scrape();
    expect(text).toMatch(/^comments_queue_jobs\{queue="publish",state="delayed"\} 1$/m);
    await (await app.svc.services.queues.publish.getJob('ops-metrics-probe'))?.remove();
  });

  it('labels HTTP requests by route pattern, method and status, never by raw path', async () => {
    await app.svc.fetch('/v1/articles/bai-viet-so-42/comments');
    await app.svc.fetch('/khong-co-trang-nay');
    const text = await scrape();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{route="\/v1\/articles\/:articleId\/comments",method="GET",status="200"\} \d+/,
    );
    expect(text).toMatch(/http_request_duration_seconds_count\{route="unmatched",method="GET",status="404"\} \d+/);
    expect(text).not.toContain('bai-viet-so-42');
    expect(text).not.toContain('khong-co-trang-nay');
  });

  it('/admin/queues: redirect or 401 without a session, 403 for a moderator, the dashboard for an admin', async () => {
    const page = await app.svc.fetch('/admin/queues', { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toMatch(/^\/admin\/login/);
    const api = await app.svc.fetch('/admin/queues/api/queues');
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');

    const moderator = await addModerator(app.svc, 'moderator');
    const forbidden = await moderator.fetch('/admin/queues/api/queues');
    expect(forbidden.status).toBe(403);

    const admin = await login(app.svc);
    const html = await admin.fetch('/admin/queues');
    expect(html.status).toBe(200);
    const body = await html.text();
    expect(body).toContain('static/js/');
    expect(body).toContain('/admin/queues');
    const asset = /src="(static\/js\/[^"]+)"/.exec(body)![1];
    expect((await admin.fetch(`/admin/queues/${asset}`)).status).toBe(200);
    const queues = await admin.fetch('/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(['maintenance', 'moderation', 'publish']);
  });

  it('/admin/queues: an admin can retry a failed job; a cross-origin write is refused', async () => {
    const admin = await login(app.svc);
    const queue = app.svc.services.queues.maintenance;
    // A job the maintenance worker fails at once (unknown name), as a broken job would.
    await queue.add('no-such-task', {}, { jobId: 'ops-retry-probe', attempts: 1 });
    await waitFor(async () => (await queue.getJobState('ops-retry-probe')) === 'failed', 10_000);
    const retryPath = '/admin/queues/api/queues/maintenance/ops-retry-probe/retry';

    const crossOrigin = await admin.fetch(retryPath, { method: 'PUT', headers: { origin: 'https://evil.example' } });
    expect(crossOrigin.status).toBe(403);
    expect(await queue.getJobState('ops-retry-probe')).toBe('failed');

    const retried = await admin.fetch(retryPath, { method: 'PUT', headers: { origin: app.svc.baseUrl } });
    expect(retried.status).toBeLessThan(300);
    const job = await waitFor(async () => {
      const j = await queue.getJob('ops-retry-probe');
      return j && j.attemptsMade >= 2 ? j : undefined;
    }, 10_000);
    expect(job.attemptsMade).toBeGreaterThanOrEqual(2);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const app = useTestService({ engine: 'postgres', workers: false, env: { METRICS_TOKEN: 'jeton-bi-mat-123' } });

  it('answers 401 without the bearer token or with a wrong one', async () => {
    for (const headers of <Record<string, string>[]>[{}, { authorization: 'Bearer sai' }, { authorization: 'jeton-bi-mat-123' }]) {
      const res = await app.svc.fetch('/metrics', { headers });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('answers 200 with the right token', async () => {
    const res = await app.svc.fetch('/metrics', { headers: { authorization: 'Bearer jeton-bi-mat-123' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('comments_pending');
  });
});

describe('ops endpoints when Redis hangs', () => {
  const app = useServiceOnPrivateRedis({ engine: 'postgres', workers: false });

  it('/metrics still answers 200 in time, with what it could gather; /readyz names redis', async () => {
    app.redis.pause();
    const started = Date.now();
    const res = await app.svc.fetch('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(text).toMatch(/^comments_metrics_source_up\{source="redis"\} 0$/m);
    expect(text).toMatch(/^comments_metrics_source_up\{source="database"\} 1$/m);
    expect(text).not.toMatch(/^comments_queue_jobs\{/m);
    expect(text).toMatch(/^comments_pending 0$/m);

    const ready = await app.svc.fetch('/readyz');
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { failed: string[] };
    expect(body.failed).toContain('redis');
    expect(body.failed).not.toContain('database');
    app.redis.resume();
  });
});
