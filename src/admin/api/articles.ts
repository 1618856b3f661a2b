/**
 * GET /admin/api/articles?q=&limit=&cursor= (session) and PATCH /admin/api/articles/:articleId
 * (session + CSRF): the moderators' list of articles and closing, reopening, notice and title.
 * Article ids may hold `/`, which zod-openapi's `{param}` paths cannot match: PATCH is
 * registered in the document and mounted by hand (as the public list of src/http/routes/public-read.ts).
 */
import { z } from '@hono/zod-openapi';
import { ARTICLE_ID_PATTERN } from '../../comments/id-patterns.js';
import { AppError } from '../../errors.js';
import { pageStart } from '../../http/cursor-param.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import { jsonAnswer, jsonBody, moderatorRoute, SESSION } from '../../http/openapi/schemas.js';
import { validate } from '../../http/validation.js';
import type { Services } from '../../services.js';
import type { Article } from '../../store/articles.js';
import { encodeCursor } from '../../store/page-cursor.js';
import { requireCsrf, requireSession } from '../auth/index.js';

export const ARTICLE_TITLE_MAX = 300;
export const ARTICLE_NOTICE_MAX = 500;

const noControl = (value: string) => !/[\u0000-\u001f\u007f-\u009f]/.test(value);

/** Optional text a moderator sets; null or "" clears it. */
const clearableText = (max: number) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .refine((value) => [...value].length <= max, 'too_long')
    .refine(noControl, 'invalid_characters')
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const changeBody = z
  .strictObject(
    {
      closed: z.boolean({ error: 'invalid' }).optional(),
      notice: clearableText(ARTICLE_NOTICE_MAX).openapi({
        description: `shown instead of the form; at most ${ARTICLE_NOTICE_MAX} characters; null or "" clears it`,
      }),
      title: clearableText(ARTICLE_TITLE_MAX).openapi({
        description: `at most ${ARTICLE_TITLE_MAX} characters; null or "" clears it; a title set here is no longer replaced by the page's`,
      }),
    },
    { error: 'invalid' },
  )
  .refine((body) => Object.keys(body).length > 0, 'required');

const listQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .refine((value) => !value.includes('\u0000'), 'invalid')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

const articleSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    closed: z.boolean(),
    notice: z.string().nullable(),
    counts: z.object({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
    lastCommentAt: z.string().nullable(),
  })
  .openapi('Article');

const listRoute = moderatorRoute({
  method: 'get',
  path: '/',
  summary: 'Articles, most recently commented first (keyset pages); `q` searches id and title',
  security: SESSION,
  request: { query: listQuery },
  errors: ['validation_failed'],
  responses: { 200: jsonAnswer('a page', z.object({ articles: z.array(articleSchema), nextCursor: z.string().nullable() })) },
});

const changeRoute = moderatorRoute({
  method: 'patch',
  path: '/{articleId}',
  summary: 'Close or reopen comments, set the notice or the title (audited); also for an article with no comment yet',
  request: { params: z.object({ articleId: z.string().openapi({ description: 'may contain `/`' }) }), body: jsonBody(changeBody) },
  errors: ['validation_failed', 'invalid_json', 'payload_too_large'],
  responses: { 200: jsonAnswer('the article as stored', articleSchema) },
});

const articleJson = (a: Article) => ({ ...a, lastCommentAt: a.lastCommentAt?.toISOString() ?? null });

export function articleRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();
  routes.use('*', requireSession(services), requireCsrf());

  declareRoute(routes, listRoute, async (c) => {
    const input = c.req.valid('query');
    const page = await services.articleService.list({ q: input.q || undefined, limit: input.limit, after: pageStart(input.cursor) });
    return c.json({ articles: page.items.map(articleJson), nextCursor: page.next ? encodeCursor(page.next) : null });
  });

  routes.openAPIRegistry.registerPath(changeRoute);
  routes.patch('/:articleId{.+}', validate('json', changeBody), async (c) => {
    const articleId = c.req.param('articleId');
    if (!ARTICLE_ID_PATTERN.test(articleId)) throw new AppError('validation_failed', { fields: { articleId: 'invalid' } });
    const article = await services.articleService.update(articleId, c.req.valid('json'), c.get('moderator').id);
    return c.json(articleJson(article));
  });
  return routes;
}
