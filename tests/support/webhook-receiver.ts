/**
 * A news site receiving our signed webhooks on 127.0.0.1, verifying them as docs/INTEGRATION.md
 * tells a site to: X-Webhook-Signature must be the HMAC of "<X-Webhook-Timestamp>.<raw body>",
 * the timestamp within 5 minutes of the receiver's clock, and an X-Webhook-Id seen before is a
 * duplicate. Records every delivery with the outcome of each check and answers 204 (the tests
 * assert on what was recorded). `deliveries` may be passed in, so a receiver started later
 * (after an outage) adds to the same list; `port` may be fixed, so deliveries can be refused
 * before it starts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How far X-Webhook-Timestamp may be from the receiver's clock (API.md: 5 minutes). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export interface WebhookDelivery {
  id: string;
  /** X-Webhook-Timestamp as sent, Unix seconds (NaN when missing). */
  timestamp: number;
  /** The receiver's clock when it arrived, Unix seconds. */
  receivedAt: number;
  /** X-Webhook-Signature is sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">. */
  signatureOk: boolean;
  /** The timestamp is within WEBHOOK_TOLERANCE_SECONDS of the receiver's clock. */
  fresh: boolean;
  /** Its X-Webhook-Id arrived before (a retry the site must drop). */
  duplicate: boolean;
  signature: string;
  raw: string;
  body: { event: string; articleId: string; commentId: string; count: number; at: string };
}

export interface WebhookReceiver {
  url: string;
  deliveries: WebhookDelivery[];
  close(): Promise<void>;
}

export interface WebhookReceiverOptions {
  secret: string;
  port?: number;
  path?: string;
  deliveries?: WebhookDelivery[];
}

/** The receiver's signature check, byte for byte as a site does it (constant time). */
export function verifyWebhookSignature(secret: string, timestamp: string, rawBody: string, signature: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`);
  const given = Buffer.from(String(signature ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The receiver's freshness check: a Unix-seconds timestamp within the tolerance of `nowMs`. */
export function freshWebhookTimestamp(timestamp: string | undefined, nowMs = Date.now()): boolean {
  if (!/^\d{1,12}$/.test(String(timestamp ?? ''))) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= WEBHOOK_TOLERANCE_SECONDS;
}

export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const deliveries = options.deliveries ?? [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['x-webhook-id']);
      const timestamp = String(req.headers['x-webhook-timestamp'] ?? '');
      const signature = String(req.headers['x-webhook-signature'] ?? '');
      const now = Date.now();
      deliveries.push({
        id,
        timestamp: timestamp === '' ? NaN : Number(timestamp),
        receivedAt: Math.floor(now / 1000),
        signatureOk: verifyWebhookSignature(options.secret, timestamp, raw, signature),
        fresh: freshWebhookTimestamp(timestamp, now),
        duplicate: deliveries.some((d) => d.id === id),
        signature,
        raw,
        body: JSON.parse(raw),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/hooks'}`,
    deliveries,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
