/**
 * Data retention and privacy requests.
 *
 * - Rejected comments are deleted RETENTION_REJECTED_DAYS after their rejection.
 * - IP addresses and user agents are forgotten RETENTION_IP_DAYS after a comment was posted
 *   (they serve rate limits, bans and abuse review, which look back days, not years).
 * - Moderation jobs in Redis: failed ones lose email, IP address and user agent and are
 *   deleted after RETENTION_IP_DAYS (7 days at most); see jobs.ts.
 * - Privacy requests (everything stored about one email address) are in ./privacy.ts.
 *
 * The maintenance worker runs runRetention() on a BullMQ job scheduler (scheduleRetention),
 * so exactly one worker runs it each hour however many worker copies there are.
 */
import type { Queue } from 'bullmq';
import type { Config } from '../config.js';
import type { Queryable } from '../store/db.js';
import { forgetNetworkDataBefore, purgeRejectedBefore } from '../store/retention.js';

const DAY_MS = 86_400_000;

export const RETENTION_JOB = 'retention';
export const RETENTION_EVERY_MS = 3_600_000;

export interface RetentionResult {
  rejectedDeleted: number;
  networkDataForgotten: number;
}

export async function runRetention(db: Queryable, retention: Config['retention'], now: Date = new Date()): Promise<RetentionResult> {
  const rejectedDeleted = await purgeRejectedBefore(db, new Date(now.getTime() - retention.rejectedDays * DAY_MS));
  const networkDataForgotten = await forgetNetworkDataBefore(db, new Date(now.getTime() - retention.ipDays * DAY_MS));
  return { rejectedDeleted, networkDataForgotten };
}

/**
 * Creates or updates the hourly retention schedule. Idempotent: every worker copy calls it
 * at start and BullMQ keeps one scheduler under this id.
 */
export async function scheduleRetention(queue: Queue, everyMs = RETENTION_EVERY_MS): Promise<void> {
  await queue.upsertJobScheduler(
    RETENTION_JOB,
    { every: everyMs },
    { name: RETENTION_JOB, data: {}, opts: { removeOnComplete: { count: 48 }, removeOnFail: { count: 100 } } },
  );
}
