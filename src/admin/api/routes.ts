/**
 * The moderator comment API: validate input at the edge, call one domain function, answer its
 * result. Every route needs a session (401) and, when it changes state, the session's CSRF
 * token (403), checked in that order.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { articleIdSchema, commentIdParamSchema } from '../../comments/ids.js';
import { encodeCursor } from '../../store/page-cursor.js';
import { pageStart } from '../../http/cursor-param.js';
import { AppError } from '../../errors.js';
import type { Services } from '../../services.js';
import { requireCsrf, requireSession } from '../auth/index.js';
import type { EventHub } from './events-hub.js';
import { findAdminComment } from './find-comment.js';
import { withContext, withReports } from './serialize.js';
import type { Comment } from '../../comments/types.js';
import { contentSchema } from '../../comments/submission.js';
import { parseInput } from '../../http/validation.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import { jsonAnswer, jsonBody, moderatorRoute, SESSION, textAnswer } from '../../http/openapi/schemas.js';
import { adminCommentSchema } from './comment-schema.js';
import { searchPageQuery } from './page-query.js';

const listQuery = searchPageQuery.extend({
  // `reported`: approved comments with open reports by readers, most reported first (articleId only; q is ignored).
  status: z.enum(['pending', 'approved', 'rejected', 'reported']).default('pending'),
  articleId: articleIdSchema.optional(),
});

const idParam = z.object({ id: commentIdParamSchema });

const decideBody = z.object({
  reason: z.string().trim().max(500).optional(),
  force: z.boolean().optional(),
});

/** Approve may carry the moderator's new text: edited and approved in one step. */
const approveBody = decideBody.extend({
  // New text, 1–5,000 characters after trim and NFC, as for a reader (no .openapi(): a schema of src/comments).
  content: contentSchema.optional(),
});

const editBody = z.object({
  content: contentSchema,
});

export const BULK_MAX_IDS = 200;
const bulkBody = z.object({
  ids: z.array(commentIdParamSchema).min(1).max(BULK_MAX_IDS),
  action: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500).optional(),
});

const oneComment = jsonAnswer('the comment', adminCommentSchema);

const listRoute = moderatorRoute({
  method: 'get',
  path: '/',
  summary:
    'Comments by status: pending oldest first, approved and rejected newest first, reported (approved with open reports by readers) most reported first (keyset pages)',
  request: { query: listQuery },
  errors: ['validation_failed'],
  responses: { 200: jsonAnswer('a page', z.object({ comments: z.array(adminCommentSchema), nextCursor: z.string().nullable() })) },
});

const bulkRoute = moderatorRoute({
  method: 'post',
  path: '/bulk',
  summary: `Approve or reject up to ${BULK_MAX_IDS} comments at once`,
  request: { body: jsonBody(bulkBody) },
  errors: ['validation_failed', 'invalid_json', 'payload_too_large'],
  responses: {
    200: jsonAnswer(
      'one result per id',
      z.object({
        results: z.array(
          z.union([
            z.object({ id: z.string(), status: z.string() }),
            z.object({ id: z.string(), error: z.enum(['not_found', 'already_decided']) }),
          ]),
        ),
      }),
    ),
  },
});

/** A route about one comment by its id, answering that comment. */
const oneCommentRoute = <M extends 'get' | 'post', P extends string>(
  method: M,
  path: P,
  summary: string,
  errors: Array<'validation_failed' | 'not_found' | 'already_decided'> = ['validation_failed', 'not_found'],
) =>
  moderatorRoute({
    method,
    path,
    summary,
    request: { params: idParam },
    errors,
    responses: { 200: oneComment },
  });

const oneRoute = oneCommentRoute('get', '/{id}', 'One comment, also while its moderation job is still queued (status `queued`)');

const decideRoute = (decision: 'approve' | 'reject') =>
  moderatorRoute({
    method: 'post',
    path: `/{id}/${decision}`,
    summary: `${decision === 'approve' ? 'Approve' : 'Reject'} a comment; 409 already_decided when another moderator decided first (force: true overturns, audited)`,
    // Optional: no body decides with no reason (read by optionalJson below).
    request: {
      params: idParam,
      body: { required: false, content: { 'application/json': { schema: decision === 'approve' ? approveBody : decideBody } } },
    },
    errors: ['validation_failed', 'invalid_json', 'not_found', 'already_decided', 'payload_too_large'],
    responses: { 200: oneComment },
  });

const editRoute = moderatorRoute({
  method: 'patch',
  path: '/{id}',
  summary:
    "Edit the text readers will see of a pending or approved comment (the reader's own is kept in originalContent; audited with both texts); 409 already_decided for a rejected one",
  request: { params: idParam, body: jsonBody(editBody) },
  errors: ['validation_failed', 'invalid_json', 'not_found', 'already_decided', 'payload_too_large'],
  responses: { 200: oneComment },
});

const reopenRoute = oneCommentRoute(
  'post',
  '/{id}/reopen',
  'Back to pending from approved (unpublishes it: count and webhook comment.unpublished) or rejected; audited; 409 already_decided when pending',
  ['validation_failed', 'not_found', 'already_decided'],
);

const dismissRoute = oneCommentRoute(
  'post',
  '/{id}/reports/dismiss',
  'Dismiss every open report by readers of a comment (audited); it stays as it is, published if it was',
);

const eventsRoute = moderatorRoute({
  method: 'get',
  path: '/',
  security: SESSION,
  summary: 'Server-sent events for queue changes: `data:` lines of JSON {type, id, articleId, status, …}, a `: ping` every 15 s',
  responses: { 200: textAnswer('the event stream', 'text/event-stream') },
});

/** Seconds between SSE heartbeat comments: keeps proxies from closing an idle stream. */
export const SSE_HEARTBEAT_MS = 15_000;

/**
 * The decide body is optional (`POST …/approve` with no body approves): an empty body is
 * `{}`, anything else must be a JSON object of the schema.
 */
async function optionalJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const raw = await c.req.text();
  let value: unknown = {};
  if (raw.trim() !== '') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new AppError('invalid_json');
    }
  }
  return parseInput(schema, value);
}

export function commentRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();
  routes.use('*', requireSession(services), requireCsrf());

  // Pending comments come oldest first, decided ones newest first (CommentListing.list).
  // Reported: approved comments with open reports, most reported first (ReportReviewService).
  const { reportReviewService } = services;
  /** Comments as the API answers them: with their open reports and their context, one query each. */
  const inFull = async (comments: readonly Comment[]) =>
    withContext(services.commentContext, await withReports(comments, reportReviewService.summaries));
  declareRoute(routes, listRoute, async (c) => {
    const { status, articleId, q, limit, cursor } = c.req.valid('query');
    const after = pageStart(cursor);
    const page =
      status === 'reported'
        ? await reportReviewService.listReported({ articleId, limit, after })
        : await services.commentListing.list({ status, articleId, q: q || undefined, limit, after });
    return c.json({ comments: await inFull(page.items), nextCursor: page.next ? encodeCursor(page.next) : null });
  });

  declareRoute(routes, bulkRoute, async (c) => {
    const { ids, action, reason } = c.req.valid('json');
    const results = await services.decisionService.decideMany({
      ids,
      decision: action,
      moderatorId: c.get('moderator').id,
      reason: reason ?? null,
    });
    return c.json({ results });
  });

  declareRoute(routes, oneRoute, async (c) => {
    const comment = await findAdminComment(services, c.req.valid('param').id);
    if (!comment) throw new AppError('not_found');
    return c.json(comment);
  });

  /** One changed comment as the API answers it, with its context. */
  const answer = async (c: Context, comment: Comment) => c.json((await inFull([comment]))[0]);

  declareRoute(routes, dismissRoute, async (c) => {
    const comment = await reportReviewService.dismiss(c.req.valid('param').id, c.get('moderator').id);
    return answer(c, comment);
  });

  for (const decision of ['approve', 'reject'] as const) {
    declareRoute(routes, decideRoute(decision), async (c) => {
      const body: z.output<typeof approveBody> = await optionalJson(c, decision === 'approve' ? approveBody : decideBody);
      const comment = await services.decisionService.decide({
        commentId: c.req.valid('param').id,
        decision,
        moderatorId: c.get('moderator').id,
        reason: body.reason ?? null,
        force: body.force === true,
        content: body.content,
      });
      return answer(c, comment);
    });
  }

  declareRoute(routes, editRoute, async (c) => {
    const comment = await services.commentEditService.edit({
      commentId: c.req.valid('param').id,
      content: c.req.valid('json').content,
      moderatorId: c.get('moderator').id,
    });
    return answer(c, comment);
  });

  declareRoute(routes, reopenRoute, async (c) => {
    const comment = await services.commentEditService.reopen({ commentId: c.req.valid('param').id, moderatorId: c.get('moderator').id });
    return answer(c, comment);
  });
  return routes;
}

/**
 * GET /admin/api/events: `data:` lines of JSON `{type, id, articleId, status, …}` (the
 * default `message` event, so `EventSource.onmessage` sees them all), a `: ping` comment
 * every 15 s, cleaned up when the client goes away or the process shuts down.
 */
export function eventRoutes(services: Services, hub: EventHub): DocumentedRoutes {
  const routes = documentedRoutes();
  routes.use('*', requireSession(services));
  declareRoute(routes, eventsRoute, (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no'); // nginx: do not buffer the stream
    return streamSSE(c, async (stream) => {
      let finish: () => void = () => {};
      const finished = new Promise<void>((resolve) => (finish = resolve));
      stream.onAbort(() => finish());
      const stop = await hub.listen(
        (message) => void stream.writeSSE({ data: message }).catch(() => finish()),
        () => finish(),
      );
      const heartbeat = setInterval(() => void stream.write(': ping\n\n').catch(() => finish()), SSE_HEARTBEAT_MS);
      try {
        await stream.write('retry: 3000\n: connected\n\n');
        await finished;
      } finally {
        clearInterval(heartbeat);
        stop();
      }
    });
  });
  return routes;
}
