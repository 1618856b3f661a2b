import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookAttempts, webhookBackoffMs, webhookRetryWindowMs } from '../../src/publish/retry.js';
import { webhookBody, webhookSignature } from '../../src/publish/webhook.js';
import { registry } from '../../src/ops/metrics.js';
import { startTestService, waitFor, type TestService } from '../helpers/service.js';
import { adminEnv, insertComment, login, type Moderator } from '../admin/helpers.js';

const SECRET = 'bi-mat-cua-trang';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  signatureOk: boolean;
}

/** A site on 127.0.0.1 that verifies each signature and answers from a script of statuses. */
async function startReceiver(statuses: number[]): Promise<{ url: string; deliveries: Delivery[]; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
      const sent = Buffer.from(String(req.headers['x-webhook-signature'] ?? ''));
      deliveries.push({ headers: req.headers, body, signatureOk: sent.length === expected.length && timingSafeEqual(sent, expected) });
      res.statusCode = statuses[deliveries.length - 1] ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, deliveries, close: () => new Promise((r) => server.close(() => r())) };
}

describe('webhook retry policy', () => {
  it('retries for at least 24 hours with the default settings, doubling up to the cap', () => {
    const policy = { backoffMs: 10_000, backoffMaxMs: 3_600_000, retryHours: 25 };
    expect(webhookBackoffMs(1, policy)).toBe(10_000);
    expect(webhookBackoffMs(2, policy)).toBe(20_000);
    expect(webhookBackoffMs(30, policy)).toBe(3_600_000);
    expect(webhookRetryWindowMs(policy)).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(webhookAttempts(policy)).toBe(34);
    expect(webhookRetryWindowMs(policy)).toBe(5_110_000 + 24 * 3_600_000); // ≈ 25.4 h
  });

  it('signs the raw body as sha256=<hex HMAC> and builds the same bytes every time', () => {
    const data = { event: 'comment.published' as const, articleId: 'a', commentId: 'c', count: 2, at: '2026-01-01T00:00:00.000Z' };
    const body = webhookBody(data);
    expect(body).toBe('{"event":"comment.published","articleId":"a","commentId":"c","count":2,"at":"2026-01-01T00:00:00.000Z"}');
    expect(webhookBody({ ...data })).toBe(body);
    expect(webhookSignature(body, 'k')).toBe(`sha256=${createHmac('sha256', 'k').update(body).digest('hex')}`);
  });
});

describe('webhook delivery to the site', () => {
  let svc: TestService;
  let admin: Moderator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver([500]); // the first delivery fails, the rest succeed
    svc = await startTestService({
      engine: 'postgres',
      env: { ...adminEnv, SITE_WEBHOOK_URL: receiver.url, SITE_WEBHOOK_SECRET: SECRET, WEBHOOK_BACKOFF_MS: '50' },
    });
    admin = await login(svc);
  });
  afterAll(async () => {
    await svc?.stop();
    await receiver?.close();
  });

  const metric = async (result: string) =>
    (await registry.getSingleMetric('webhook_deliveries_total')!.get()).values.find((v) => v.labels.result === result)?.value ?? 0;

  it('POSTs a signed comment.published, retries a 500 with the same id and body, then comment.unpublished', async () => {
    const retriesBefore = await metric('retry');
    const okBefore = await metric('ok');
    const c = await insertComment(svc.services, { articleId: 'webhook-1' });
    expect((await admin.post(`/admin/api/comments/${c.id}/approve`, {})).status).toBe(200);
    await waitFor(() => receiver.deliveries.length >= 2, 10_000);

    const [first, retry] = receiver.deliveries;
    for (const d of [first, retry]) {
      expect(d.signatureOk).toBe(true);
      expect(d.headers['content-type']).toBe('application/json');
    }
    expect(retry.headers['x-webhook-id']).toBe(first.headers['x-webhook-id']);
    expect(retry.body).toBe(first.body);
    const payload = JSON.parse(first.body);
    expect(payload).toEqual({ event: 'comment.published', articleId: 'webhook-1', commentId: c.id, count: 1, at: expect.any(String) });
    expect(Date.parse(payload.at)).toBeGreaterThan(0);
    expect(await metric('retry')).toBe(retriesBefore + 1);
    await waitFor(async () => (await metric('ok')) === okBefore + 1, 5_000);

    expect((await admin.post(`/admin/api/comments/${c.id}/reject`, { force: true })).status).toBe(200);
    await waitFor(() => receiver.deliveries.length >= 3, 10_000);
    const third = receiver.deliveries[2];
    expect(third.signatureOk).toBe(true);
    expect(third.headers['x-webhook-id']).not.toBe(first.headers['x-webhook-id']);
    expect(JSON.parse(third.body)).toMatchObject({ event: 'comment.unpublished', articleId: 'webhook-1', commentId: c.id, count: 0 });
  });

  it('sends nothing when a decision does not change the count', async () => {
    const before = receiver.deliveries.length;
    const c = await insertComment(svc.services, { articleId: 'webhook-2' });
    expect((await admin.post(`/admin/api/comments/${c.id}/reject`, {})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.deliveries.length).toBe(before);
  });
});
