/**
 * The signed webhook to the site. The body is built deterministically from the job data, so
 * every retry sends the same bytes; X-Webhook-Id is the job id, unique per delivery and
 * stable across retries, so the site can drop duplicates. Each attempt carries its own
 * X-Webhook-Timestamp (Unix seconds) and is signed over "<timestamp>.<body>", so the site can
 * refuse a delivery more than 5 minutes old: a captured request cannot be replayed later,
 * and changing its timestamp breaks the signature.
 */
import { createHmac } from 'node:crypto';
import type { PublishJobData } from '../queues/index.js';

export interface WebhookPayload {
  event: PublishJobData['event'];
  articleId: string;
  commentId: string;
  count: number;
  at: string;
}

/** Fixed key order: the raw body is what gets signed. */
export function webhookBody(data: PublishJobData & { count: number }): string {
  const payload: WebhookPayload = {
    event: data.event,
    articleId: data.articleId,
    commentId: data.commentId,
    count: data.count,
    at: data.at,
  };
  return JSON.stringify(payload);
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, timestamp in Unix seconds. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export interface DeliveryRequest {
  url: string;
  secret: string;
  deliveryId: string;
  body: string;
  timeoutMs: number;
}

/** Thrown for a non-2xx answer or a network failure; the job is retried with backoff. */
export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export async function deliverWebhook(req: DeliveryRequest): Promise<{ status: number }> {
  // Taken now, for this attempt: a retry hours later is signed with its own time.
  const timestamp = Math.floor(Date.now() / 1000);
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-id': req.deliveryId,
        'x-webhook-timestamp': String(timestamp),
        'x-webhook-signature': webhookSignature(req.secret, timestamp, req.body),
        'user-agent': 'binh-luan-webhook/1',
      },
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (error) {
    throw new WebhookDeliveryError(`webhook request failed: ${(error as Error).message}`);
  }
  // Drain the body so the connection can be reused; its content does not matter.
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new WebhookDeliveryError(`webhook answered ${res.status}`, res.status);
  return { status: res.status };
}
