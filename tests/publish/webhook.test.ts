import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookAttempts, webhookBackoffMs, webhookRetryWindowMs } from '../../src/publish/retry.js';
import { webhookBody, webhookSignature } from '../../src/publish/webhook.js';
import { registry } from '../../src/metrics.js';
import { insertComment } from '../support/comments.js';
import { adminEnv, login, type Moderator } from '../support/moderators.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';
import { freshWebhookTimestamp, verifyWebhookSignature } from '../support/webhook-receiver.js';

const SECRET = 'bi-mat-cua-trang';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  /** X-Webhook-Timestamp as sent. */
  timestamp: string;
  /** The signature verifies over "<timestamp>.<body>" (docs/INTEGRATION.md). */
  signatureOk: boolean;
  /** The timestamp is within 5 minutes of the receiver's clock. */
  fresh: boolean;
  /** Receiver's clock at arrival, ms. */
  receivedAt: number;
}

/**
 * A site on 127.0.0.1 that verifies each delivery as INTEGRATION.md says and answers 500 while
 * `failNext` is above zero (counting it down), 200 otherwise.
 */
async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; failNext: number; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const receiver = {
    url: '',
    deliveries,
    failNext: 0,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-webhook-timestamp'] ?? '');
      const signature = String(req.headers['x-webhook-signature'] ?? '');
      deliveries.push({
        headers: req.headers,
        body,
        timestamp,
        signatureOk: verifyWebhookSignature(SECRET, timestamp, body, signature),
        fresh: freshWebhookTimestamp(timestamp),
        receivedAt: Date.now(),
      });
      res.statusCode = receiver.failNext > 0 ? 500 : 200;
      if (receiver.failNext > 0) receiver.failNext -= 1;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/hook`;
  return receiver;
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

  it('signs "<timestamp>.<raw body>" as sha256=<hex HMAC> and builds the same bytes every time', () => {
    const data = { event: 'comment.published' as const, articleId: 'a', commentId: 'c', count: 2, at: '2026-01-01T00:00:00.000Z' };
    const body = webhookBody(data);
    expect(body).toBe('{"event":"comment.published","articleId":"a","commentId":"c","count":2,"at":"2026-01-01T00:00:00.000Z"}');
    expect(webhookBody({ ...data })).toBe(body);
    const timestamp = 1_796_600_000;
    expect(webhookSignature('k', timestamp, body)).toBe(`sha256=${createHmac('sha256', 'k').update(`${timestamp}.${body}`).digest('hex')}`);
    // A fixed vector, from `printf '%s' "1796600000.$body" | openssl dgst -sha256 -hmac k`: not the same code path as the one checked.
    expect(webhookSignature('k', timestamp, body)).toBe('sha256=25e4ef4dd3753ceb2ed93307a7c67e4bd02c603631ae6912051cf16a5e696a30');
    // The timestamp is part of what is signed: another one, another signature.
    expect(webhookSignature('k', timestamp + 1, body)).not.toBe(webhookSignature('k', timestamp, body));
    expect(webhookSignature('k', timestamp, body)).not.toBe(`sha256=${createHmac('sha256', 'k').update(body).digest('hex')}`);
  });
});

describe('webhook delivery to the site', () => {
  let svc: TestService;
  let admin: Moderator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    svc = await startTestService({
      engine: 'postgres',
      // Over a second: a retry's X-Webhook-Timestamp (Unix seconds) is then a later second.
      env: { ...adminEnv, SITE_WEBHOOK_URL: receiver.url, SITE_WEBHOOK_SECRET: SECRET, WEBHOOK_BACKOFF_MS: '1100' },
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
    receiver.failNext = 1; // the first delivery fails, the retry succeeds
    expect((await admin.post(`/admin/api/comments/${c.id}/approve`, {})).status).toBe(200);
    await waitFor(() => receiver.deliveries.length >= 2, 10_000);

    const [first, retry] = receiver.deliveries;
    for (const d of [first, retry]) {
      expect(d.signatureOk).toBe(true);
      expect(d.fresh).toBe(true);
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

  it('each attempt is signed with a fresh X-Webhook-Timestamp; X-Webhook-Id and body stay the same', async () => {
    const before = receiver.deliveries.length;
    const c = await insertComment(svc.services, { articleId: 'webhook-3' });
    receiver.failNext = 2; // two failures, then the third attempt is taken
    const sentAt = Math.floor(Date.now() / 1000);
    expect((await admin.post(`/admin/api/comments/${c.id}/approve`, {})).status).toBe(200);
    await waitFor(() => receiver.deliveries.length >= before + 3, 15_000);
    const attempts = receiver.deliveries.slice(before, before + 3);

    expect(new Set(attempts.map((d) => d.headers['x-webhook-id'])).size).toBe(1);
    expect(new Set(attempts.map((d) => d.body)).size).toBe(1);
    for (const d of attempts) {
      expect(d.timestamp).toMatch(/^\d{10}$/); // Unix seconds
      expect(d.signatureOk).toBe(true);
      expect(d.fresh).toBe(true);
      // The time of this attempt, not of the decision: at most a second from arrival.
      expect(Math.abs(Number(d.timestamp) - d.receivedAt / 1000)).toBeLessThanOrEqual(1);
      expect(Number(d.timestamp)).toBeGreaterThanOrEqual(sentAt);
    }
    // Every retry is a later second (backoff ≥ 1.1 s), hence a different signature.
    const stamps = attempts.map((d) => Number(d.timestamp));
    expect(stamps[1]).toBeGreaterThan(stamps[0]);
    expect(stamps[2]).toBeGreaterThan(stamps[1]);
    expect(new Set(attempts.map((d) => d.headers['x-webhook-signature'])).size).toBe(3);
  });

  it('the signature covers the timestamp: the same delivery under another X-Webhook-Timestamp does not verify', async () => {
    const d = receiver.deliveries.at(-1)!;
    const signature = String(d.headers['x-webhook-signature']);
    expect(verifyWebhookSignature(SECRET, d.timestamp, d.body, signature)).toBe(true);
    // A replay a day later with the timestamp moved to "now", or any other change of it, fails.
    for (const other of [
      Number(d.timestamp) + 1,
      Number(d.timestamp) - 1,
      Number(d.timestamp) + 86_400,
      Math.floor(Date.now() / 1000) + 3_600,
    ]) {
      expect(verifyWebhookSignature(SECRET, String(other), d.body, signature)).toBe(false);
    }
    expect(verifyWebhookSignature(SECRET, d.timestamp, d.body.replace('"count":1', '"count":9'), signature)).toBe(false);
    // Replayed unchanged outside the window, it is signed right but stale.
    expect(freshWebhookTimestamp(d.timestamp, Date.now() + 301_000)).toBe(false);
    expect(freshWebhookTimestamp(d.timestamp, Date.now() + 60_000)).toBe(true);
  });

  it('sends nothing when a decision does not change the count', async () => {
    const before = receiver.deliveries.length;
    const c = await insertComment(svc.services, { articleId: 'webhook-2' });
    expect((await admin.post(`/admin/api/comments/${c.id}/reject`, {})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.deliveries.length).toBe(before);
  });
});
