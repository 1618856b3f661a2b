/**
 * BullMQ queue names, job payloads and producers. Workers live in workers/; this module is
 * what the api and the workers agree on.
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ArticleFromPage, SubmittedComment } from '../comments/types.js';

export const QUEUE_NAMES = {
  moderation: 'moderation',
  publish: 'publish',
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/**
 * One accepted comment to run through the filters; the job id is the comment id. It carries
 * the commenter's email, IP address and user agent because the comment is not in PostgreSQL
 * yet: the worker checks bans on them and writes them with the row. Once the job has failed
 * for good they are removed from it (withoutPersonalData), see docs/SECURITY.md.
 */
export interface ModerationJobData {
  comment: SubmittedComment;
  /** The page the comment was sent from (POST /v1/comments articleTitle/articleUrl), when it said; the worker keeps it per article. */
  article?: ArticleFromPage;
  /** ISO time the email, IP address and user agent were removed from this failed job. */
  personalDataRemovedAt?: string;
}

/**
 * The job data without the commenter's email, IP address and user agent (set to null, the
 * rest kept for a person looking at the failed job). Takes any shape: a malformed payload
 * loses those fields too. Retrying such a job stores the comment without them.
 */
export function withoutPersonalData(data: unknown, now: Date = new Date()): ModerationJobData {
  const source = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const comment = source.comment;
  const redacted = typeof comment === 'object' && comment !== null ? { ...comment, authorEmail: null, ip: null, userAgent: null } : comment;
  return { ...source, comment: redacted, personalDataRemovedAt: now.toISOString() } as ModerationJobData;
}

/** True when the job data still holds an email, IP address or user agent. */
export function holdsPersonalData(data: unknown): boolean {
  const comment = (data as { comment?: Record<string, unknown> } | null)?.comment;
  if (typeof comment !== 'object' || comment === null) return false;
  return [comment.authorEmail, comment.ip, comment.userAgent].some((v) => v !== null && v !== undefined);
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

/** How long BullMQ keeps a completed moderation job (its comment is in PostgreSQL by then). */
export const COMPLETED_MODERATION_JOB_SECONDS = 3600;
/** How long a failed moderation job stays for the dashboard, at most (see failedModerationJobSeconds). */
export const FAILED_MODERATION_JOB_SECONDS = 7 * 24 * 3600;

/**
 * Retries with exponential backoff: a database outage of a minute or two must not lose a
 * comment. Completed jobs are kept briefly so the same comment id cannot be enqueued twice
 * while a retry of the submit is in flight; failed ones stay for the dashboard.
 */
export const moderationJobOptions: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: COMPLETED_MODERATION_JOB_SECONDS, count: 100_000 },
  removeOnFail: { age: FAILED_MODERATION_JOB_SECONDS },
};

/** A failed moderation job is kept 7 days, never longer than RETENTION_IP_DAYS. */
export function failedModerationJobSeconds(retention: { ipDays: number }): number {
  return Math.min(FAILED_MODERATION_JOB_SECONDS, retention.ipDays * 86_400);
}

/** moderationJobOptions with failed jobs kept no longer than the retention of IP addresses. */
export function moderationJobOptionsFor(retention: { ipDays: number }): JobsOptions {
  return { ...moderationJobOptions, removeOnFail: { age: failedModerationJobSeconds(retention) } };
}

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

export interface QueueOptions {
  /** RETENTION_IP_DAYS: bounds how long failed moderation jobs are kept. */
  retention?: { ipDays: number };
}

export function createQueues(connection: Redis, prefix: string, options: QueueOptions = {}): Queues {
  const moderation = new Queue<ModerationJobData>(QUEUE_NAMES.moderation, {
    connection,
    prefix,
    defaultJobOptions: options.retention ? moderationJobOptionsFor(options.retention) : moderationJobOptions,
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
