/**
 * Accepting a comment: the rules between a valid submission and a moderation job.
 *
 * The route has already checked, in this order: media type (415), body size (413), JSON (400
 * invalid_json), field rules (400 validation_failed) and the Idempotency-Key (a replay never
 * reaches this function, so it never counts against the rate limit twice). Then, here:
 *
 *   1. rate limit per client IP      429 rate_limited   cheapest refusal first; a flood cannot
 *                                                       burn captchas or touch the database
 *   2. honeypot                      202, dropped       after the limit so a bot learns nothing
 *                                                       new; before the captcha so a bot with a
 *                                                       wrong answer still "succeeds"
 *   3. captcha (consumed)            403 captcha_invalid every verification attempt uses it up
 *   4. article closed                403 comments_closed the cached flag read with 3 and 6;
 *                                                       PostgreSQL only on a cache miss, and
 *                                                       only once the captcha was right
 *                                                       (closed-articles.ts)
 *   5. parent                        404 parent_not_found
 *   6. duplicate (10 min)            409 duplicate_comment marker taken with 3, given back if
 *                                                       3, 4, 5 or 7 fails
 *   7. enqueue (jobId = comment id)  202 pending        only once BullMQ holds the job
 *   8. replicas hold it (Sentinel,   503 unavailable    REDIS_MIN_REPLICA_ACKS replicas within
 *      Cluster)
 *                                                       REDIS_REPLICA_ACK_TIMEOUT_MS (WAIT), so a
 *                                                       failover loses no comment answered 202
 *
 * Steps 1, 3, 4 (its Redis read) and 6 are one Redis script, one round trip (first-checks.ts;
 * on a Cluster, the limit and then the other three together); the answers keep the order above.
 * Over the limit, the script takes nothing else. The one visible effect: an identical comment
 * arriving within the same milliseconds as a copy with a wrong captcha may get 409 where it
 * would have been accepted; sending it again works.
 *
 * A validation failure does not consume the captcha (the route refuses before step 3); the
 * widget asks for a fresh captcha after any error anyway. Redis or the database unreachable
 * or hanging at any step: 503 unavailable within 2 s (see deadline.ts).
 */
import type { Queue } from 'bullmq';
import { AppError, unavailable } from '../errors.js';
import type { Logger } from '../logger.js';
import * as metrics from '../metrics.js';
import type { ModerationJobData } from '../queues/index.js';
import type { CommentStore } from '../store/comments.js';
import type { ClosedArticles } from './closed-articles.js';
import { withinStepTimeout } from './deadline.js';
import { duplicateHash, type DuplicateGuard } from './duplicates.js';
import type { FirstChecks } from './first-checks.js';
import { COMMENT_ID_PATTERN } from './id-patterns.js';
import { newCommentId } from './ids.js';
import { honeypotFilled, type CommentSubmission } from './submission.js';
import type { ArticleFromPage, SubmittedComment } from './types.js';

export type { CaptchaVerifier, SubmissionLimiter } from './first-checks.js';

/**
 * Redis WAIT on the connection that added the job: how many replicas hold every write made
 * on it so far. `required()` 0 (one Redis, no replica connected) skips the step.
 */
export interface ReplicaAcks {
  required(): number;
  wait(): Promise<number>;
}

export interface AcceptDeps {
  /** Steps 1, 3, 4's cached flag and 6 (firstChecks() over the limiter, captcha, duplicates, closed articles). */
  checks: FirstChecks;
  comments: Pick<CommentStore, 'isApprovedInArticle'>;
  duplicates: Pick<DuplicateGuard, 'release'>;
  closedArticles: Pick<ClosedArticles, 'load'>;
  /** ALLOWED_ORIGINS: an articleUrl of another origin is not kept. Empty: any origin. */
  allowedOrigins: readonly string[];
  moderationQueue: Pick<Queue<ModerationJobData>, 'add'>;
  /** Absent: no replica to wait for (tests of the other steps). */
  replicaAcks?: ReplicaAcks;
  logger: Pick<Logger, 'info' | 'warn'>;
}

export interface AcceptContext {
  /** From the client-ip middleware; rate limits key on it. */
  ip: string;
  userAgent: string | null;
  now?: Date;
}

export interface Accepted {
  id: string;
  status: 'pending';
}

const USER_AGENT_MAX = 512;

export async function acceptComment(deps: AcceptDeps, input: CommentSubmission, ctx: AcceptContext): Promise<Accepted> {
  if (honeypotFilled(input.website)) {
    await withinStepTimeout(deps.checks.limitOnly(ctx.ip), 'rate limit');
    const id = newCommentId(ctx.now?.getTime());
    // Counted apart from the error codes so operators see bot traffic; never as accepted.
    metrics.commentsRejected.inc({ reason: 'honeypot' });
    deps.logger.info({ commentId: id, ip: ctx.ip }, 'honeypot filled: comment dropped');
    return { id, status: 'pending' };
  }

  const id = newCommentId(ctx.now?.getTime());
  const duplicate = duplicateHash({ articleId: input.articleId, authorName: input.authorName, content: input.content });
  const first = await withinStepTimeout(
    deps.checks.run({
      ip: ctx.ip,
      captchaId: input.captchaId,
      captchaAnswer: input.captchaAnswer,
      articleId: input.articleId,
      duplicate,
      commentId: id,
    }),
    'rate limit, captcha, duplicate and closed checks',
  );
  const fresh = first.claimed;
  // Not accepted after all: the marker, if this comment took it, goes back. Not awaited: when
  // Redis hangs, waiting for this too would push the 503 past 2 s.
  const giveBackMarker = () => void (fresh ? deps.duplicates.release(duplicate, id).catch(() => {}) : undefined);
  if (first.captcha !== 'ok') {
    giveBackMarker();
    throw new AppError('captcha_invalid');
  }
  await requireOpenArticle(deps, input, first.closed).catch((error: unknown) => {
    giveBackMarker();
    throw error;
  });
  if (!fresh) throw new AppError('duplicate_comment');

  const comment: SubmittedComment = {
    id,
    articleId: input.articleId,
    parentId: input.parentId ?? null,
    authorName: input.authorName,
    authorEmail: input.authorEmail ?? null,
    content: input.content,
    ip: ctx.ip === 'unknown' ? null : ctx.ip,
    userAgent: ctx.userAgent ? ctx.userAgent.slice(0, USER_AGENT_MAX) : null,
    createdAt: (ctx.now ?? new Date()).toISOString(),
  };
  const article = articleFromPage(input, deps.allowedOrigins);
  try {
    await withinStepTimeout(deps.moderationQueue.add('moderate', article ? { comment, article } : { comment }, { jobId: id }), 'enqueue');
  } catch (error) {
    giveBackMarker(); // let the reader send the same comment again
    throw error;
  }
  await requireReplicas(deps.replicaAcks);
  metrics.commentsAccepted.inc();
  deps.logger.info({ commentId: id, articleId: comment.articleId }, 'comment accepted');
  return { id, status: 'pending' };
}

/** Closed articles refuse new comments; then a reply must answer an approved comment. */
async function requireOpenArticle(deps: AcceptDeps, input: CommentSubmission, cached: boolean | undefined): Promise<void> {
  const closed = cached ?? (await withinStepTimeout(deps.closedArticles.load(input.articleId), 'closed check'));
  if (closed) throw new AppError('comments_closed');
  if (input.parentId !== undefined) await requireApprovedParent(deps.comments, input.parentId, input.articleId);
}

/**
 * The page's title and URL for the job, or null when the reader's page sent neither. A URL
 * whose origin is not in ALLOWED_ORIGINS (when set) is dropped, not refused: the comment counts.
 */
export function articleFromPage(
  input: Pick<CommentSubmission, 'articleTitle' | 'articleUrl'>,
  allowedOrigins: readonly string[],
): ArticleFromPage | null {
  const url = input.articleUrl !== undefined && originAllowed(input.articleUrl, allowedOrigins) ? input.articleUrl : null;
  const title = input.articleTitle ?? null;
  return title === null && url === null ? null : { title, url };
}

function originAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.length === 0 || allowedOrigins.includes(new URL(url).origin);
}

/**
 * The job is on the primary; with Sentinel or Cluster it must reach a replica too before the
 * reader is told "accepted", or a failover right now would lose it. Too few replicas in time:
 * 503. The duplicate marker is kept: the job may still be processed. With Sentinel the marker
 * lives on the same primary, so it disappears exactly when the job does; on a Cluster it
 * lives on another shard, so a job lost in a failover right after this 503 leaves the reader
 * a 409 for that text for 10 minutes (docs/OPERATIONS.md, Redis Cluster).
 */
async function requireReplicas(acks: ReplicaAcks | undefined): Promise<void> {
  const required = acks?.required() ?? 0;
  if (!acks || required === 0) return;
  const acknowledged = await withinStepTimeout(acks.wait(), 'replica acknowledgement');
  // Asked again: the first WAIT of a process learns how many replicas the primary really has.
  if (acknowledged < acks.required()) {
    metrics.replicaAckShortfalls.inc();
    throw unavailable(1);
  }
}

/** Replies answer an approved comment of the same article; anything else is 404. */
async function requireApprovedParent(comments: AcceptDeps['comments'], parentId: string, articleId: string): Promise<void> {
  // Not even shaped like a comment id: no need to ask the database.
  if (!COMMENT_ID_PATTERN.test(parentId)) throw new AppError('parent_not_found');
  const approved = await withinStepTimeout(comments.isApprovedInArticle(parentId, articleId), 'parent lookup');
  if (!approved) throw new AppError('parent_not_found');
}
