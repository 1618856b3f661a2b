/**
 * The publish worker: after a decision changed an article's approved count,
 * - `refresh-count` re-reads the count from PostgreSQL into the Redis cache (compare-and-set
 *   by version, so a late job never overwrites a newer count);
 * - `webhook` POSTs the signed event to SITE_WEBHOOK_URL. The body is rebuilt from the job
 *   data byte for byte on every attempt and X-Webhook-Id is the job id, so retries are
 *   recognisable; X-Webhook-Timestamp and the signature are of each attempt (src/publish/webhook.ts).
 *   A non-2xx answer or a network error throws, and BullMQ retries with the
 *   backoff of src/publish/retry.ts (≥ 24 h in all).
 */
import type { BackoffStrategy, Job, Processor } from 'bullmq';
import { z } from 'zod';
import * as metrics from '../src/metrics.js';
import { webhookBackoffMs } from '../src/publish/retry.js';
import { deliverWebhook, webhookBody } from '../src/publish/webhook.js';
import { InvalidJobError } from '../src/queues/errors.js';
import { PUBLISH_JOBS, QUEUE_NAMES, type PublishJobData } from '../src/queues/index.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { CountCache } from '../src/publish/count-cache.js';

const publishData = z.object({
  event: z.enum(['comment.published', 'comment.unpublished']),
  articleId: z.string().min(1),
  commentId: z.string().min(1),
  at: z.string().min(1),
  count: z.number().int().min(0).optional(),
  decisionId: z.number().int().optional(),
});

export type PublishResult =
  | { job: 'refresh-count'; articleId: string; count: number }
  | { job: 'webhook'; delivered: boolean; status?: number };

export interface PublishDeps {
  countCache: Pick<CountCache, 'refresh'>;
  config: Pick<Config, 'webhook' | 'webhookDelivery'>;
  logger: Logger;
}

export function publishProcessor(deps: PublishDeps): Processor<PublishJobData, PublishResult> {
  return async function publish(job) {
    const parsed = publishData.safeParse(job.data);
    if (!parsed.success) throw new InvalidJobError(QUEUE_NAMES.publish, parsed.error.issues[0]?.message ?? 'bad payload');
    const data = parsed.data;

    if (job.name === PUBLISH_JOBS.refreshCount) {
      const counts = await deps.countCache.refresh([data.articleId]);
      return { job: 'refresh-count', articleId: data.articleId, count: counts.get(data.articleId) ?? 0 };
    }
    if (job.name === PUBLISH_JOBS.webhook) return deliver(deps, job, data);
    throw new InvalidJobError(QUEUE_NAMES.publish, `unknown job name ${job.name}`);
  };
}

async function deliver(deps: PublishDeps, job: Job<PublishJobData>, data: z.output<typeof publishData>): Promise<PublishResult> {
  const webhook = deps.config.webhook;
  // Turned off since the job was queued: nothing to deliver, and nothing to retry.
  if (!webhook) return { job: 'webhook', delivered: false };
  // Jobs from the api always carry the count as of the decision; read it once only for
  // older jobs, and keep it in the job data so every retry signs the same body.
  let count = data.count;
  if (count === undefined) {
    count = (await deps.countCache.refresh([data.articleId])).get(data.articleId) ?? 0;
    await job.updateData({ ...job.data, count });
  }
  const body = webhookBody({ ...data, count });
  try {
    const { status } = await deliverWebhook({
      url: webhook.url,
      secret: webhook.secret,
      deliveryId: String(job.id),
      body,
      timeoutMs: deps.config.webhookDelivery.timeoutMs,
    });
    metrics.webhookDeliveries.inc({ result: 'ok' });
    return { job: 'webhook', delivered: true, status };
  } catch (error) {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    metrics.webhookDeliveries.inc({ result: lastAttempt ? 'failed' : 'retry' });
    deps.logger.warn(
      { jobId: job.id, articleId: data.articleId, attempt: job.attemptsMade + 1, err: (error as Error).message },
      lastAttempt ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry',
    );
    throw error;
  }
}

/** Worker `settings.backoffStrategy`: the `webhook` backoff type of src/publish/jobs.ts. */
export function publishBackoff(deps: { config: Pick<Config, 'webhookDelivery'> }): BackoffStrategy {
  return (attemptsMade, type) => {
    if (type === 'webhook') return webhookBackoffMs(attemptsMade, deps.config.webhookDelivery);
    return 1_000 * 2 ** Math.max(0, attemptsMade - 1);
  };
}
