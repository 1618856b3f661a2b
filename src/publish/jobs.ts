/**
 * Producing publish jobs after a decision. Two jobs per count change, so a failing webhook
 * (retried for a day) never keeps re-running the count refresh:
 * - `refresh-count`: re-reads the article's count from PostgreSQL into Redis (few retries);
 * - `webhook` (only when SITE_WEBHOOK_URL is set): the signed POST to the site, retried with
 *   the policy of retry.ts. Its job id is the X-Webhook-Id.
 *
 * The jobs are written to the outbox (publish_outbox) in the decision's transaction, enqueued
 * by the api right after the commit, and otherwise by the workers' sweeper
 * (src/publish/outbox-sweeper.ts) once Redis is back: a Redis outage delays them, never loses them.
 */
import type { JobsOptions } from 'bullmq';
import type { Config } from '../config.js';
import { PUBLISH_JOBS, type PublishJobData, type Queues } from '../queues/index.js';
import type { OutboxEntry } from '../store/outbox.js';
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

/** The part of every publish job id that makes it unique per decision. */
const jobSuffix = (data: PublishJobData) => `${data.commentId}-${data.decisionId ?? Date.parse(data.at)}`;

/** Job id of the webhook: `wh-<comment id>-<decision id>`, unique per decision. It is the X-Webhook-Id. */
export const webhookJobId = (data: PublishJobData) => `wh-${jobSuffix(data)}`;

/** Job id of the count refresh: `count-<comment id>-<decision id>`. */
export const refreshJobId = (data: PublishJobData) => `count-${jobSuffix(data)}`;

/**
 * The publish jobs of one decision, as outbox rows (written in the decision's transaction).
 * The row id is the job id, so the api's fast path and the workers' sweeper enqueue the very
 * same job, and BullMQ keeps only one of them.
 */
export function publishOutboxEntries(config: Pick<Config, 'webhook'>, data: PublishJobData): Array<OutboxEntry<PublishJobData>> {
  const entries: Array<OutboxEntry<PublishJobData>> = [{ id: refreshJobId(data), kind: PUBLISH_JOBS.refreshCount, payload: data }];
  if (config.webhook) entries.push({ id: webhookJobId(data), kind: PUBLISH_JOBS.webhook, payload: data });
  return entries;
}

function jobOptions(config: Pick<Config, 'webhookDelivery'>, kind: string): JobsOptions {
  if (kind === PUBLISH_JOBS.webhook) return webhookJobOptions(config);
  if (kind === PUBLISH_JOBS.refreshCount) return refreshJobOptions;
  // An unknown kind is enqueued anyway: the worker fails it for good, visibly in the dashboard.
  return { removeOnFail: { age: 7 * 24 * 3600 } };
}

/**
 * Enqueues outbox rows on the publish queue, job id = row id. Adding a job id that already
 * exists is a no-op in BullMQ, so enqueueing a row twice (fast path and sweeper) is harmless.
 * Returns the ids enqueued (all of them; throws when Redis does not take them).
 */
export async function enqueueOutboxEntries(
  deps: { queues: Pick<Queues, 'publish'>; config: Pick<Config, 'webhookDelivery'> },
  entries: ReadonlyArray<OutboxEntry>,
): Promise<string[]> {
  if (entries.length === 0) return [];
  await deps.queues.publish.addBulk(
    entries.map((entry) => ({
      name: entry.kind,
      data: entry.payload as PublishJobData,
      opts: { ...jobOptions(deps.config, entry.kind), jobId: entry.id },
    })),
  );
  return entries.map((entry) => entry.id);
}

/** Plans and enqueues the jobs of one decision without an outbox (scripts and tests). */
export async function enqueuePublish(
  deps: { queues: Pick<Queues, 'publish'>; config: Pick<Config, 'webhook' | 'webhookDelivery'> },
  data: PublishJobData,
): Promise<void> {
  await enqueueOutboxEntries(deps, publishOutboxEntries(deps.config, data));
}
