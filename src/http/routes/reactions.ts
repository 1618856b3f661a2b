/**
 * What readers do to a published comment (API.md "Likes", "Reports by readers"):
 *   POST   /v1/comments/:id/like     {readerId}                  → 200 {likes, liked: true}
 *   DELETE /v1/comments/:id/like     {readerId}                  → 200 {likes, liked: false}
 *   POST   /v1/comments/:id/reports  {readerId, reason, note?}   → 202 {status: "received"}
 * Each is rate limited per client IP before anything else (RATE_LIMIT_REACTIONS for likes and
 * unlikes together, RATE_LIMIT_REPORTS for reports), then the body is checked (400), then the
 * domain answers: `404 not_found` for anything that is not an approved comment.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { READER_ID_PATTERN } from '../../comments/likes.js';
import { REPORT_NOTE_MAX_LENGTH } from '../../comments/reports.js';
import type { RateLimitSetting } from '../../config.js';
import type { Services } from '../../services.js';
import { REPORT_REASONS } from '../../store/reports.js';
import { createRateLimiter, rateLimit } from '../middleware/rate-limit/index.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../openapi/declare.js';
import { errorAnswers, jsonAnswer, jsonBody } from '../openapi/schemas.js';

const readerId = z
  .string()
  .regex(READER_ID_PATTERN, 'invalid')
  .openapi({ description: 'opaque, 16–64 of [A-Za-z0-9_-], kept by the widget' });

const likeBody = z.object({ readerId });

const reportBody = z.object({
  readerId,
  reason: z.enum(REPORT_REASONS),
  // PostgreSQL refuses a NUL byte in text: bad input, not a 500.
  note: z
    .string()
    .trim()
    .max(REPORT_NOTE_MAX_LENGTH, 'too_long')
    .refine((value) => !value.includes('\u0000'), 'invalid')
    .optional(),
});

const commentParam = z.object({ id: z.string().openapi({ description: 'a comment id; anything else is 404 not_found' }) });

const likeAnswer = (liked: boolean) =>
  jsonAnswer(`the comment's likes${liked ? '' : ' after the unlike'}`, z.object({ likes: z.number().int(), liked: z.literal(liked) }));

const REFUSALS = ['validation_failed', 'invalid_json', 'payload_too_large', 'not_found', 'rate_limited', 'unavailable'] as const;

export function reactionRoutes(services: Services): DocumentedRoutes {
  const { likeService, readerReportService } = services;
  const limitedBy = (name: string, setting: RateLimitSetting) =>
    rateLimit({ limiter: createRateLimiter({ redis: services.redis, keyPrefix: services.keys.rateLimit(name), ...setting }) });
  const reactionLimit = limitedBy('reactions', services.config.rateLimits.reactions);
  const routes = documentedRoutes();

  for (const liked of [true, false]) {
    const route = createRoute({
      method: liked ? 'post' : 'delete',
      path: '/comments/{id}/like',
      tags: ['Public API'],
      summary: liked
        ? 'A reader likes an approved comment; one reader counts once, whatever it repeats (RATE_LIMIT_REACTIONS per client IP)'
        : 'A reader takes back their like (RATE_LIMIT_REACTIONS per client IP)',
      middleware: [reactionLimit],
      request: { params: commentParam, body: jsonBody(likeBody) },
      responses: { 200: likeAnswer(liked), ...errorAnswers(...REFUSALS) },
    });
    declareRoute(routes, route, async (c) => {
      const { id } = c.req.valid('param');
      const { readerId } = c.req.valid('json');
      return c.json(liked ? await likeService.like(id, readerId) : await likeService.unlike(id, readerId));
    });
  }

  const reportRoute = createRoute({
    method: 'post',
    path: '/comments/{id}/reports',
    tags: ['Public API'],
    summary: 'A reader reports an approved comment; it stays published until a moderator decides (RATE_LIMIT_REPORTS per client IP)',
    middleware: [limitedBy('reports', services.config.rateLimits.reports)],
    request: { params: commentParam, body: jsonBody(reportBody) },
    responses: {
      202: jsonAnswer('received (also when this reader had reported it already)', z.object({ status: z.literal('received') })),
      ...errorAnswers(...REFUSALS),
    },
  });
  declareRoute(routes, reportRoute, async (c) => {
    const { readerId: reader, reason, note } = c.req.valid('json');
    await readerReportService.report({ commentId: c.req.valid('param').id, readerId: reader, reason, note: note || null });
    return c.json({ status: 'received' as const }, 202);
  });

  return routes;
}
