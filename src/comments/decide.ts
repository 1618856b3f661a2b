/**
 * A moderator approves or rejects a comment.
 *
 * Rules:
 * - a `pending` comment takes either decision;
 * - a comment already decided (by a moderator, or rejected by the filter) answers
 *   `409 already_decided`, unless the request says `force: true`: then the decision
 *   overturns the earlier one and is audited with `overturn: true`;
 * - deciding what the comment already is (approve an approved comment) is a conflict too
 *   without `force`; with `force` it is a no-op answered with the comment, and writes nothing.
 *
 * The write is one transaction (src/store/decisions.ts), which also writes the publish jobs
 * (count refresh + webhook) to the outbox. After it commits: the count cache is refreshed at
 * once when the count changed (counts right within 2 s), the publish jobs are enqueued and
 * marked in the outbox, and `comment.decided` goes to live screens. None of these after-steps
 * can undo the decision; their failures are logged. Jobs Redis did not take stay in the
 * outbox and the workers' sweeper enqueues them once Redis is back (outbox-sweeper.ts).
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { FilterEngine } from '../filters/index.js';
import type { Logger } from '../logger.js';
import * as metrics from '../metrics.js';
import type { CountCache } from '../publish/count-cache.js';
import { enqueueOutboxEntries, publishOutboxEntries } from '../publish/jobs.js';
import type { Queues } from '../queues/index.js';
import type { DecisionKind, DecisionStore } from '../store/decisions.js';
import type { RedisKeys } from '../store/keys.js';
import type { ArticleCount } from '../store/counts.js';
import type { OutboxEntry, OutboxStore } from '../store/outbox.js';
import { withTimeout } from '../util/timeout.js';
import { publishEvent } from './events.js';
import type { Comment, StoredStatus } from './types.js';

/** What a decision uses: the transaction, then the after-steps (count cache, publish jobs, live event). */
export interface DecideDeps {
  decisions: Pick<DecisionStore, 'apply'>;
  outbox: Pick<OutboxStore, 'markEnqueued'>;
  countCache: Pick<CountCache, 'put'>;
  /** The verdict of a moderator's new text (approve with `content`). */
  filter: Pick<FilterEngine, 'evaluate'>;
  queues: Pick<Queues, 'publish'>;
  config: Pick<Config, 'webhook' | 'webhookDelivery'>;
  redis: Redis;
  keys: Pick<RedisKeys, 'eventsChannel'>;
  logger: Logger;
}

export interface DecideRequest {
  commentId: string;
  decision: DecisionKind;
  moderatorId: string;
  reason?: string | null;
  force?: boolean;
  /** Approve with a moderator's new text (checked like a reader's content): edited and decided in one transaction. */
  content?: string;
}

const STATUSES: readonly StoredStatus[] = ['pending', 'approved', 'rejected'];

/**
 * Longest wait for the publish queue. BullMQ waits for its connection to become ready, which
 * never happens while Redis is down; the moderator must get the answer anyway.
 */
const ENQUEUE_TIMEOUT_MS = 1_500;

export const statusAfter = (decision: DecisionKind): StoredStatus => (decision === 'approve' ? 'approved' : 'rejected');

/**
 * The fast path of the outbox: enqueue now and mark the rows, so the sweeper has nothing to
 * do. A failure only delays the jobs: the rows stay unmarked and the sweeper takes them.
 */
export async function enqueueAfterCommit(
  deps: Pick<DecideDeps, 'queues' | 'config' | 'outbox' | 'logger'>,
  comment: Comment,
  outbox: readonly OutboxEntry[],
): Promise<void> {
  if (outbox.length === 0) return;
  let enqueued: string[];
  try {
    enqueued = await withTimeout(enqueueOutboxEntries(deps, outbox), ENQUEUE_TIMEOUT_MS);
  } catch (error) {
    deps.logger.error(
      { err: (error as Error).message, commentId: comment.id, articleId: comment.articleId },
      'publish jobs not enqueued; they wait in the outbox for the sweeper',
    );
    return;
  }
  try {
    await deps.outbox.markEnqueued(enqueued);
  } catch (error) {
    // Harmless: the sweeper enqueues them again under the same job ids, which BullMQ ignores.
    deps.logger.warn({ err: (error as Error).message, commentId: comment.id }, 'outbox rows not marked as enqueued');
  }
}

/**
 * After a committed change of the approved count (a decision, a reopen): the count cache gets
 * the committed count at once (counts right within 2 s; the publish job re-reads it too),
 * then the publish jobs go out. A change that moved no count has nothing to publish.
 */
export async function publishCountChange(
  deps: Pick<DecideDeps, 'countCache' | 'queues' | 'config' | 'outbox' | 'logger'>,
  comment: Comment,
  count: ArticleCount | null,
  outbox: readonly OutboxEntry[],
): Promise<void> {
  if (!count) return;
  await deps.countCache.put(count);
  await enqueueAfterCommit(deps, comment, outbox);
}

async function decideComment(deps: DecideDeps, req: DecideRequest): Promise<Comment> {
  const target = statusAfter(req.decision);
  const allowedFrom = req.force ? STATUSES.filter((s) => s !== target) : (['pending'] as const);
  const result = await deps.decisions.apply({
    commentId: req.commentId,
    decision: req.decision,
    decidedBy: req.moderatorId,
    reason: req.reason ?? null,
    allowedFrom,
    edit: req.content === undefined ? undefined : { content: req.content, verdict: deps.filter.evaluate(req.content) },
    outbox: (decided) =>
      publishOutboxEntries(deps.config, {
        event: decided.comment.status === 'approved' ? 'comment.published' : 'comment.unpublished',
        articleId: decided.comment.articleId,
        commentId: decided.comment.id,
        at: (decided.comment.decidedAt ?? new Date()).toISOString(),
        count: decided.count.count,
        decisionId: decided.decisionId,
      }),
  });
  if (result.outcome === 'not_found') throw new AppError('not_found');
  if (result.outcome === 'conflict') {
    if (req.force && result.comment.status === target) return result.comment;
    throw new AppError('already_decided', { status: result.comment.status, decidedBy: result.comment.decidedBy });
  }

  const { comment, count, outbox } = result;
  metrics.decisions.inc({ decision: req.decision, by: 'moderator' });
  await publishCountChange(deps, comment, count, outbox);
  await publishEvent(deps.redis, deps.keys.eventsChannel, {
    type: 'comment.decided',
    id: comment.id,
    articleId: comment.articleId,
    status: comment.status,
    decidedBy: comment.decidedBy,
    at: new Date().toISOString(),
  });
  return comment;
}

export type BulkResult = { id: string; status: StoredStatus } | { id: string; error: 'not_found' | 'already_decided' };

/** Decisions of one bulk request running at once: fast on PostgreSQL, harmless on PGlite. */
const BULK_CONCURRENCY = 4;

/**
 * Decides several comments, one transaction each: a conflict on one id never undoes another.
 * Distinct ids run a few at a time; a repeated id is decided after its first occurrence, so
 * the first one wins and the repeat reports already_decided, as if run in order. Results
 * follow the order of `ids`. Only not_found and already_decided are reported per id;
 * anything else (database down) fails the whole request.
 */
async function decideMany(
  deps: DecideDeps,
  req: { ids: readonly string[]; decision: DecisionKind; moderatorId: string; reason?: string | null },
): Promise<BulkResult[]> {
  const decideOne = async (id: string): Promise<BulkResult> => {
    try {
      const comment = await decideComment(deps, {
        commentId: id,
        decision: req.decision,
        moderatorId: req.moderatorId,
        reason: req.reason,
      });
      return { id, status: comment.status };
    } catch (error) {
      if (error instanceof AppError && (error.code === 'not_found' || error.code === 'already_decided')) return { id, error: error.code };
      throw error;
    }
  };
  const firsts = [...new Set(req.ids)];
  const byId = new Map<string, BulkResult>();
  let next = 0;
  const lane = async () => {
    while (next < firsts.length) {
      const id = firsts[next++];
      byId.set(id, await decideOne(id));
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, firsts.length) }, lane));
  const seen = new Set<string>();
  const results: BulkResult[] = [];
  for (const id of req.ids) {
    results.push(seen.has(id) ? await decideOne(id) : byId.get(id)!);
    seen.add(id);
  }
  return results;
}

/** The moderator's decisions, over the composition root's stores and queues. */
export function createDecisionService(deps: DecideDeps) {
  return {
    decide: (req: DecideRequest) => decideComment(deps, req),
    decideMany: (req: Parameters<typeof decideMany>[1]) => decideMany(deps, req),
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
