/**
 * BullMQ queue names, job payloads and producers. Workers live in workers/; this module is
 * what the api and the workers agree on.
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SubmittedComment } from '../comments/types.js';

export const QUEUE_NAMES = {
  moderation: 'moderation',
  publish: 'publish',
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** One accepted comment to run through the filters; the job id is the comment id. */
export interface ModerationJobData {
  comment: SubmittedComment;
}

export type PublishEvent = 'comment.published' | 'comment.unpublished';

/** An article's approved count changed because of this comment's decision. */
export interface PublishJobData {
  event: PublishEvent;
  articleId: string;
  commentId: string;
  /** ISO time of the decision. */
  at: string;
  /** The article's approved count right after the decision (the webhook body's `count`). */
  count?: number;
  /** Id of the decisions row: makes the job id, hence X-Webhook-Id, unique per delivery. */
  decisionId?: number;
}

/** Job names on the publish queue (see src/publish/jobs.ts). */
export const PUBLISH_JOBS = { refreshCount: 'refresh-count', webhook: 'webhook' } as const;

/**
 * Retries with exponential backoff: a database outage of a minute or two must not lose a
 * comment. Completed jobs are kept briefly so the same comment id cannot be enqueued twice
 * while a retry of the submit is in flight; failed ones stay for the dashboard.
 */
export const moderationJobOptions: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** A housekeeping run; the job name says which (`retention`). Empty data: settings come from config. */
export type MaintenanceJobData = Record<string, never>;

export interface Queues {
  moderation: Queue<ModerationJobData>;
  publish: Queue<PublishJobData>;
  /** Scheduled housekeeping (retention); see src/retention and workers/maintenance.ts. */
  maintenance: Queue<MaintenanceJobData>;
  all(): Queue[];
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string): Queues {
  const moderation = new Queue<ModerationJobData>(QUEUE_NAMES.moderation, {
    connection,
    prefix,
    defaultJobOptions: moderationJobOptions,
  });
  const publish = new Queue<PublishJobData>(QUEUE_NAMES.publish, { connection, prefix });
  const maintenance = new Queue<MaintenanceJobData>(QUEUE_NAMES.maintenance, { connection, prefix });
  return {
    moderation,
    publish,
    maintenance,
    all: () => [moderation, publish, maintenance],
    async close() {
      await Promise.all([moderation.close(), publish.close(), maintenance.close()]);
    },
  };
}
