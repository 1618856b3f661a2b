/**
 * The moderation worker: filter one accepted comment and write it to PostgreSQL as `pending`
 * (for a person) or `rejected` by `filter` on a block verdict when AUTO_REJECT is on.
 * Idempotent: the insert is keyed on the comment id, so a job that runs twice changes nothing.
 */
import type { Processor } from 'bullmq';
import { z } from 'zod';
import { BAN_REASON } from '../src/admin/bans/index.js';
import { publishEvent } from '../src/comments/events.js';
import type { Comment } from '../src/comments/types.js';
import * as metrics from '../src/ops/metrics.js';
import { InvalidJobError } from '../src/queues/errors.js';
import { QUEUE_NAMES, type ModerationJobData } from '../src/queues/index.js';
import type { Services } from '../src/services.js';
import { BanStore } from '../src/store/bans.js';

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

export interface ModerationResult {
  id: string;
  status: Comment['status'];
  created: boolean;
}

export type ModerationDeps = Pick<Services, 'comments' | 'filter' | 'config' | 'redis' | 'keys' | 'db'>;

export function moderationProcessor(deps: ModerationDeps): Processor<ModerationJobData, ModerationResult> {
  const bans = new BanStore(deps.db);
  return async function moderate(job) {
    const parsed = submittedComment.safeParse(job.data?.comment);
    if (!parsed.success) throw new InvalidJobError(QUEUE_NAMES.moderation, parsed.error.issues[0]?.message ?? 'bad payload');
    const comment = parsed.data;

    const filtered = deps.filter.evaluate(comment.content);
    // A banned commenter's comment is rejected whatever the filter says (and AUTO_REJECT).
    const banned = (await bans.findActive({ email: comment.authorEmail, ip: comment.ip })) !== null;
    const verdict = banned ? { ...filtered, action: 'block' as const, reasons: [BAN_REASON, ...filtered.reasons] } : filtered;
    const autoReject = banned || (deps.config.autoReject && verdict.action === 'block');
    const { comment: stored, created } = await deps.comments.saveModerated({
      comment,
      verdict,
      status: autoReject ? 'rejected' : 'pending',
      decidedBy: autoReject ? 'filter' : null,
      decisionReason: autoReject ? verdict.reasons.map((r) => r.rule).join(', ') : null,
    }).catch(failForGoodWhenPermanent);

    if (created) {
      metrics.verdicts.inc({ action: verdict.action });
      if (autoReject) metrics.decisions.inc({ decision: 'reject', by: 'filter' });
      await publishEvent(deps.redis, deps.keys.eventsChannel, {
        type: 'comment.queued',
        id: stored.id,
        articleId: stored.articleId,
        status: stored.status,
        at: new Date().toISOString(),
      });
    }
    return { id: stored.id, status: stored.status, created };
  };
}

/**
 * Retrying helps when the database is unreachable or busy, not when it refuses the row itself
 * (SQLSTATE class 22 "data exception", 23 "integrity constraint violation", e.g. a parent
 * comment purged meanwhile): those fail the job at once, kept in the failed list for a person.
 */
function failForGoodWhenPermanent(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) {
    throw new InvalidJobError(QUEUE_NAMES.moderation, `the database refused the comment (SQLSTATE ${code})`);
  }
  throw error;
}
