/**
 * Personal data in BullMQ jobs, on the same hourly schedule as the rows (src/retention).
 *
 * A moderation job carries the commenter's email, IP address and user agent until the worker
 * has written the comment (the worker needs them: bans, and the row itself). A job failing
 * for good has them removed by the worker before BullMQ files it as failed
 * (workers/moderation.ts); this run catches what that misses: jobs failed by BullMQ's
 * stalled-job check (a worker that died twice on them runs none of our code), or a removal
 * that Redis did not take. It also deletes failed jobs older than RETENTION_IP_DAYS (7 days
 * at most) and completed ones older than an hour: BullMQ's own removeOnFail / removeOnComplete
 * ages only apply when another job finishes, so on a quiet site old jobs would stay.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import {
  COMPLETED_MODERATION_JOB_SECONDS,
  failedModerationJobSeconds,
  holdsPersonalData,
  withoutPersonalData,
  type ModerationJobData,
} from '../queues/index.js';

export interface JobRetentionResult {
  /** Failed moderation jobs whose email, IP address and user agent were removed now. */
  failedJobsRedacted: number;
  /** Failed moderation jobs deleted for being older than the limit. */
  failedJobsRemoved: number;
  /** Completed moderation jobs deleted for being older than an hour. */
  completedJobsRemoved: number;
}

/**
 * Replaces a job's data only while the job is still failed and its data is what was read: a
 * job a person has meanwhile retried from the dashboard (back in `wait`) is left alone.
 * Both keys share the queue's hash tag, so this works on a Redis Cluster too.
 */
const REPLACE_FAILED_JOB_DATA = `
if redis.call('ZSCORE', KEYS[2], ARGV[1]) and redis.call('HGET', KEYS[1], 'data') == ARGV[2] then
  redis.call('HSET', KEYS[1], 'data', ARGV[3])
  return 1
end
return 0`;

const PAGE = 200;

export async function forgetJobPersonalData(
  deps: { redis: Redis; queue: Queue<ModerationJobData> },
  retention: Pick<Config['retention'], 'ipDays'>,
): Promise<JobRetentionResult> {
  const { redis, queue } = deps;
  const failedJobsRemoved = (await queue.clean(failedModerationJobSeconds(retention) * 1000, 0, 'failed')).length;
  const completedJobsRemoved = (await queue.clean(COMPLETED_MODERATION_JOB_SECONDS * 1000, 0, 'completed')).length;

  let failedJobsRedacted = 0;
  for (let start = 0; ; start += PAGE) {
    const ids = await redis.zrange(queue.keys.failed, start, start + PAGE - 1);
    // One round trip for the page's data, not one per job.
    const read = await redis.pipeline(ids.map((id) => ['hget', queue.toKey(id), 'data'])).exec();
    for (const [i, id] of ids.entries()) {
      const jobKey = queue.toKey(id);
      const [error, raw] = read?.[i] ?? [null, null];
      if (error) throw error;
      if (typeof raw !== 'string') continue;
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch {
        data = null; // not JSON: nothing we can read, so nothing to keep either
      }
      if (data !== null && !holdsPersonalData(data)) continue;
      // withoutPersonalData takes any shape: unreadable data is replaced by the bare marker.
      const replacement = JSON.stringify(withoutPersonalData(data));
      failedJobsRedacted += Number(await redis.eval(REPLACE_FAILED_JOB_DATA, 2, jobKey, queue.keys.failed, id, raw, replacement));
    }
    if (ids.length < PAGE) break;
  }
  return { failedJobsRedacted, failedJobsRemoved, completedJobsRemoved };
}
