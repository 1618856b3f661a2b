/**
 * `POST /v1/comments`: a reader submits a comment (API.md). The route only checks the request
 * at the edge and maps; the rules live in src/comments/accept.ts.
 *
 * Order of checks (each refuses before the next costs anything):
 *   415 unsupported_media_type → 413 payload_too_large → 400 invalid_json (also for bytes
 *   that are not UTF-8) →
 *   400 validation_failed → Idempotency-Key (replay of a 202, 422 idempotency_key_reused for
 *   another body, or 409 conflict while in flight) →
 *   acceptComment: 429 rate_limited → honeypot → 403 captcha_invalid → 403 comments_closed → 404 parent_not_found →
 *   409 duplicate_comment → enqueue → 202.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { acceptComment, type AcceptDeps } from '../../comments/accept.js';
import { firstChecks } from '../../comments/first-checks.js';
import { submissionFingerprint } from '../../comments/idempotency.js';
import { commentSubmissionSchema, type CommentSubmission } from '../../comments/submission.js';
import { commentsRejected } from '../../metrics.js';
import type { Services } from '../../services.js';
import { toAppError } from '../errors.js';
import { answerJson } from '../json-answer.js';
import { idempotency } from '../middleware/idempotency/index.js';
import { hotPathBodyLimit } from '../hot-path/index.js';
import { requireJson } from '../middleware/json-body/index.js';
import { documentedRoutes, type DocumentedRoutes } from '../openapi/declare.js';
import { errorAnswers, jsonAnswer } from '../openapi/schemas.js';
import { createRateLimiter, ipBucket } from '../middleware/rate-limit/index.js';
import { requireUtf8 } from '../middleware/utf8-body/index.js';
import { validate } from '../validation.js';

/** API.md: a body over 32 KiB is 413. */
export const MAX_COMMENT_BODY_BYTES = 32 * 1024;

/**
 * The route as documented. It is registered in the document only, not mounted through
 * zod-openapi: the hot path keeps its own order of checks above (415 before 413 before 400,
 * bytes checked as UTF-8, the field reasons of src/comments/submission.ts).
 */
const submitComment = createRoute({
  method: 'post',
  path: '/comments',
  tags: ['Public API'],
  summary: 'Submit a comment; it waits for a moderator',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(1).max(100).optional() }),
    body: { required: true, content: { 'application/json': { schema: commentSubmissionSchema } } },
  },
  responses: {
    202: jsonAnswer(
      'accepted: the job is in the queue (a filled honeypot answers the same and is dropped)',
      z.object({ id: z.string(), status: z.literal('pending') }),
    ),
    ...errorAnswers(
      'invalid_json',
      'validation_failed',
      'captcha_invalid',
      'comments_closed',
      'parent_not_found',
      'duplicate_comment',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'idempotency_key_reused',
      'rate_limited',
      'unavailable',
    ),
  },
});

export function publicCommentRoutes(services: Services): DocumentedRoutes {
  const { redis, keys, config, logger } = services;
  const limiter = createRateLimiter({ redis, keyPrefix: keys.rateLimit('comments'), ...config.rateLimits.comments });
  const deps: AcceptDeps = {
    checks: firstChecks({
      redis,
      // Counted like captchas: IPv4 per address, IPv6 per /64 (one subscriber holds a whole /64).
      limiter: {
        consume: (ip) => limiter.consume(ipBucket(ip)),
        counter: (ip) => limiter.counter(ipBucket(ip)),
      },
      captcha: services.captcha,
      duplicates: services.duplicates,
      closedArticles: services.closedArticles,
    }),
    comments: services.comments,
    duplicates: services.duplicates,
    closedArticles: services.closedArticles,
    allowedOrigins: config.allowedOrigins,
    moderationQueue: services.queues.moderation,
    replicaAcks: services.replicaAcks,
    logger,
  };
  const store = services.idempotency;

  const routes = documentedRoutes();
  routes.openAPIRegistry.registerPath(submitComment);
  routes.post(
    '/comments',
    countRefusals(),
    requireJson(),
    hotPathBodyLimit(MAX_COMMENT_BODY_BYTES),
    requireUtf8(),
    // The schema words its own reasons and checks its own text (src/comments/submission.ts).
    validate('json', commentSubmissionSchema, { whole: 'body', checkText: false }),
    // Keyed per client (address bucket), compared on what the comment says (not the captcha).
    idempotency({ store, logger, fingerprint: (c) => submissionFingerprint(c.req.valid('json' as never) as CommentSubmission) }),
    async (c) => {
      const accepted = await acceptComment(deps, c.req.valid('json'), {
        ip: c.get('clientIp'),
        userAgent: c.req.header('user-agent') ?? null,
      });
      return answerJson(c, accepted, 202);
    },
  );
  return routes;
}

/** comments_rejected_total{reason}: every refused submission, by its error code (replays excluded). */
function countRefusals(): MiddlewareHandler {
  return async function countRefusalsMiddleware(c, next) {
    await next();
    if (c.error) commentsRejected.inc({ reason: toAppError(c.error).code });
  };
}
