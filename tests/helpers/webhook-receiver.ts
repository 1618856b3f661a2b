/**
 * A news site receiving our signed webhooks on 127.0.0.1: records every delivery with its
 * X-Webhook-Id and whether its X-Webhook-Signature matches the raw body, answers 204.
 * `deliveries` may be passed in, so a receiver started later (after an outage) adds to the
 * same list; `port` may be fixed, so deliveries can be refused before it starts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookDelivery {
  id: string;
  signatureOk: boolean;
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

export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const deliveries = options.deliveries ?? [];
  const signed = (raw: string, sent: string | string[] | undefined) => {
    const expected = Buffer.from(`sha256=${createHmac('sha256', options.secret).update(raw).digest('hex')}`);
    const got = Buffer.from(String(sent ?? ''));
    return got.length === expected.length && timingSafeEqual(got, expected);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      deliveries.push({ id: String(req.headers['x-webhook-id']), signatureOk: signed(raw, req.headers['x-webhook-signature']), body: JSON.parse(raw) });
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
