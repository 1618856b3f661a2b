/**
 * Producing publish jobs after a decision. Two jobs per count change, so a failing webhook
 * (retried for a day) never keeps re-running the count refresh:
 * - `refresh-count`: re-reads the article's count from PostgreSQL into Redis (few retries);
 * - `webhook` (only when SITE_WEBHOOK_URL is set): the signed POST to the site, retried with
 *   the policy of retry.ts. Its job id is the X-Webhook-Id.
 *
 * Called after the decision committed. If Redis is down the jobs are lost, but the decision
 * and the count stand in PostgreSQL; the count cache heals by TTL (COUNT_CACHE_TTL_SECONDS).
 */
import type { JobsOptions } from 'bullmq';
import type { Config } from '../config.js';
import { PUBLISH_JOBS, type PublishJobData, type Queues } from '../queues/index.js';
import { webhookAttempts } from './retry.js';

export const refreshJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function webhookJobOptions(config: Pick<Config, 'webhookDelivery'>): JobsOptions {
  return {
    attempts: webhookAttempts(config.webhookDelivery),
    backoff: { type: 'webhook' }, // the worker's backoffStrategy (workers/publish.ts)
    removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

/** Job id of the webhook: `wh-<comment id>-<decision id>`, unique per decision. */
export const webhookJobId = (data: PublishJobData) => `wh-${data.commentId}-${data.decisionId ?? Date.parse(data.at)}`;

export async function enqueuePublish(
  deps: { queues: Pick<Queues, 'publish'>; config: Pick<Config, 'webhook' | 'webhookDelivery'> },
  data: PublishJobData,
): Promise<void> {
  const suffix = `${data.commentId}-${data.decisionId ?? Date.parse(data.at)}`;
  const jobs: Array<{ name: string; data: PublishJobData; opts: JobsOptions }> = [
    { name: PUBLISH_JOBS.refreshCount, data, opts: { ...refreshJobOptions, jobId: `count-${suffix}` } },
  ];
  if (deps.config.webhook) {
    jobs.push({ name: PUBLISH_JOBS.webhook, data, opts: { ...webhookJobOptions(deps.config), jobId: webhookJobId(data) } });
  }
  await deps.queues.publish.addBulk(jobs);
}
