/**
 * The moderation worker: filter one accepted comment and write it to PostgreSQL as `pending`
 * (for a person) or `rejected` by `filter` on a block verdict when AUTO_REJECT is on.
 * Idempotent: the insert is keyed on the comment id, so a job that runs twice changes nothing.
 * The saves of jobs running at the same time share one statement (see SAVE_BATCH below).
 */
import { UnrecoverableError, type Job, type Processor } from 'bullmq';
import { z } from 'zod';
import { BAN_REASON } from '../src/moderation/bans.js';
import { publishEvent } from '../src/comments/events.js';
import type { Comment } from '../src/comments/types.js';
import * as metrics from '../src/metrics.js';
import { InvalidJobError } from '../src/queues/errors.js';
import { QUEUE_NAMES, withoutPersonalData, type ModerationJobData } from '../src/queues/index.js';
import type { Redis } from 'ioredis';
import type { Config } from '../src/config.js';
import type { FilterEngine, Verdict } from '../src/filters/index.js';
import type { Logger } from '../src/logger.js';
import { createBatcher } from '../src/store/batcher.js';
import type { CommentStore, ModeratedOutcome, SaveModeratedRequest, SavedComment } from '../src/store/comments.js';
import type { RedisKeys } from '../src/store/keys.js';

const submittedComment = z.object({
  id: z.string().min(1),
  articleId: z.string().min(1),
  parentId: z.string().nullable(),
  authorName: z.string().min(1),
  authorEmail: z.string().nullable(),
  content: z.string().min(1),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string().datetime({ offset: true }),
});

/** The page's title and URL (optional; the api checked them): a malformed one is ignored, never fails the job. */
const articleFromPage = z.object({ title: z.string().max(2000).nullable(), url: z.string().max(2000).nullable() });

export interface ModerationResult {
  id: string;
  status: Comment['status'];
  created: boolean;
}

export interface ModerationDeps {
  comments: Pick<CommentStore, 'saveModeratedMany'>;
  filter: Pick<FilterEngine, 'evaluate'>;
  config: Pick<Config, 'autoReject'>;
  redis: Redis;
  keys: Pick<RedisKeys, 'eventsChannel'>;
  logger: Logger;
}

/**
 * Saves of jobs running at the same time go to PostgreSQL together (src/store/batcher.ts):
 * at most SAVE_BATCH rows per statement, SAVE_IN_FLIGHT statements at once.
 */
const SAVE_BATCH = 64;
const SAVE_IN_FLIGHT = 4;

export function moderationProcessor(deps: ModerationDeps): Processor<ModerationJobData, ModerationResult> {
  const saves = createBatcher<SaveModeratedRequest, SavedComment>((reqs) => deps.comments.saveModeratedMany(reqs), {
    maxBatch: SAVE_BATCH,
    maxInFlight: SAVE_IN_FLIGHT,
    isolate: isPermanent,
  });
  return async function moderate(job) {
    try {
      return await moderateOne(job);
    } catch (error) {
      // Failing for good: BullMQ keeps the job in its failed list (for a person, up to the
      // retention of IP addresses), so it keeps it without email, IP address and user agent.
      if (isFinalFailure(job, error)) await forgetPersonalData(job, deps);
      throw error;
    }
  };

  async function moderateOne(job: Job<ModerationJobData>): Promise<ModerationResult> {
    const parsed = submittedComment.safeParse(job.data?.comment);
    if (!parsed.success) throw new InvalidJobError(QUEUE_NAMES.moderation, parsed.error.issues[0]?.message ?? 'bad payload');
    const comment = parsed.data;
    const article = articleFromPage.safeParse(job.data?.article);

    const verdict = deps.filter.evaluate(comment.content);
    const autoReject = deps.config.autoReject && verdict.action === 'block';
    // A banned commenter's comment is rejected whatever the filter says (and AUTO_REJECT). The
    // store looks the ban up inside the insert statement (no round trip of its own), so a ban
    // counts from the moment it is committed.
    const bannedVerdict = { ...verdict, action: 'block' as const, reasons: [BAN_REASON, ...verdict.reasons] };
    const { created, banned, ...stored } = await saves
      .run({
        comment,
        ...rejectedBy(verdict, autoReject),
        whenBanned: rejectedBy(bannedVerdict, true),
        article: article.success ? article.data : undefined,
      })
      .catch(failForGoodWhenPermanent);

    if (created) {
      metrics.verdicts.inc({ action: banned ? 'block' : verdict.action });
      if (banned || autoReject) metrics.decisions.inc({ decision: 'reject', by: 'filter' });
      await publishEvent(deps.redis, deps.keys.eventsChannel, {
        type: 'comment.queued',
        id: stored.id,
        articleId: stored.articleId,
        status: stored.status,
        at: new Date().toISOString(),
      });
    }
    return { id: stored.id, status: stored.status, created };
  }
}

/** BullMQ will not retry this: the error is unrecoverable, or this was the last attempt. */
function isFinalFailure(job: Job<ModerationJobData>, error: unknown): boolean {
  if (error instanceof UnrecoverableError || (error as Error | null)?.name === 'UnrecoverableError') return true;
  return (job.attemptsMade ?? 0) + 1 >= (job.opts?.attempts ?? 1);
}

/**
 * Replaces the job's data before BullMQ moves it to the failed list. Best effort: when Redis
 * does not answer, the hourly retention run removes them (src/retention/jobs.ts), as it does
 * for jobs the stalled-job check fails, which never reach this code.
 */
async function forgetPersonalData(job: Job<ModerationJobData>, deps: ModerationDeps): Promise<void> {
  try {
    await job.updateData(withoutPersonalData(job.data));
  } catch (error) {
    deps.logger.warn({ jobId: job.id, err: (error as Error).message }, 'could not remove personal data from a failed job');
  }
}

/** The outcome a verdict leads to: rejected by `filter` (naming the rules), or pending for a person. */
function rejectedBy(verdict: Verdict, reject: boolean): ModeratedOutcome {
  return reject
    ? { verdict, status: 'rejected', decidedBy: 'filter', decisionReason: verdict.reasons.map((r) => r.rule).join(', ') }
    : { verdict, status: 'pending', decidedBy: null, decisionReason: null };
}

/**
 * Retrying helps when the database is unreachable or busy, not when it refuses the row itself
 * (SQLSTATE class 22 "data exception", 23 "integrity constraint violation", e.g. a parent
 * comment purged meanwhile): those fail the job at once, kept in the failed list for a person.
 */
function failForGoodWhenPermanent(error: unknown): never {
  if (isPermanent(error)) {
    throw new InvalidJobError(QUEUE_NAMES.moderation, `the database refused the comment (SQLSTATE ${(error as { code: string }).code})`);
  }
  throw error;
}

function isPermanent(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
