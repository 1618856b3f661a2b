/**
 * Public reads for the widget and the site pages:
 * - GET /v1/counts?articles=a,b,c: approved counts (memory → Redis → PostgreSQL), ETag/304,
 *   cacheable for 5 s by browsers and CDNs;
 * - GET /v1/articles/:articleId/comments: approved comments with their likes, oldest first
 *   (or `sort=newest|top`), keyset pages, and what readers may know of the article (title,
 *   closed, notice). Sent with an ETag and `Cache-Control: public, no-cache`: a like (or an
 *   edit, a closing) must show on the next read (a max-age would keep the reader's own like out
 *   of a list fetched again within seconds), and an unchanged page costs a 304.
 * Only public fields leave here: never an email, an IP or a verdict.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ARTICLE_ID_PATTERN } from '../../comments/id-patterns.js';
import { articleIdSchema } from '../../comments/ids.js';
import { AppError } from '../../errors.js';
import type { Services } from '../../services.js';
import { PUBLISHED_SORTS } from '../../store/comment-listing.js';
import { encodeCursor } from '../../store/page-cursor.js';
import { pageStart } from '../cursor-param.js';
import { parseInput } from '../validation.js';
import { answerRevalidated, etagOf, type RevalidatedHeaders, revalidate } from '../etag.js';
import { documentedRoutes, type DocumentedRoutes } from '../openapi/declare.js';
import { errorAnswers, jsonAnswer } from '../openapi/schemas.js';

export const MAX_COUNT_ARTICLES = 100;
const COUNTS_CACHE_CONTROL = 'public, max-age=5';
const MAX_RENDERED_COUNTS = 5_000;
const LIST_CACHE_CONTROL = 'public, no-cache';

const countsQuery = z.object({
  articles: z
    .string()
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(articleIdSchema).min(1).max(MAX_COUNT_ARTICLES)),
});

const listQuery = z.object({
  sort: z.enum(PUBLISHED_SORTS).default('oldest').openapi({ description: '`top`: most liked first, then oldest' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(400).optional(),
});

/**
 * Both routes are registered in the document only, not mounted through zod-openapi: /counts is
 * the hot path (answers rendered by query string, validated only on a miss), and the article
 * id of the list may hold `/`, which zod-openapi's `{param}` paths cannot match.
 */
const countsRoute = createRoute({
  method: 'get',
  path: '/counts',
  tags: ['Public API'],
  summary: 'Approved comments per article (ETag, 304 on If-None-Match, Cache-Control: public, max-age=5)',
  request: {
    query: z.object({
      articles: z.string().openapi({ description: `comma-separated article ids, at most ${MAX_COUNT_ARTICLES}`, example: 'a,b,c' }),
    }),
  },
  responses: {
    200: jsonAnswer('counts; unknown ids count 0', z.object({ counts: z.record(z.string(), z.number().int()) })),
    304: { description: 'not modified (If-None-Match matched the ETag)' },
    ...errorAnswers('validation_failed', 'unavailable'),
  },
});

const publicComment = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    authorName: z.string(),
    content: z.string().openapi({ description: 'as typed (NFC): escape it when rendering' }),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    likes: z.number().int().openapi({ description: 'readers who like it' }),
  })
  .openapi('PublicComment');

const listRoute = createRoute({
  method: 'get',
  path: '/articles/{articleId}/comments',
  tags: ['Public API'],
  summary:
    'Approved comments of an article with their likes, oldest first (sort=newest|top), in keyset pages (ETag, Cache-Control: public, no-cache)',
  // The article id rule built here: a zod 4 schema made before @hono/zod-openapi loaded (articleIdSchema) has no .openapi().
  request: {
    params: z.object({ articleId: z.string().regex(ARTICLE_ID_PATTERN, 'invalid').openapi({ description: 'may contain `/`' }) }),
    query: listQuery,
  },
  responses: {
    200: jsonAnswer(
      'a page',
      z.object({
        articleId: z.string(),
        article: z
          .object({ id: z.string(), title: z.string().nullable(), closed: z.boolean(), notice: z.string().nullable() })
          .openapi({ description: 'closed: the widget shows the notice instead of the form' }),
        count: z.number().int(),
        comments: z.array(publicComment),
        nextCursor: z.string().nullable(),
      }),
    ),
    304: { description: 'not modified (If-None-Match matched the ETag)' },
    ...errorAnswers('validation_failed', 'unavailable'),
  },
});

export function publicReadRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();
  routes.openAPIRegistry.registerPath(countsRoute);
  routes.openAPIRegistry.registerPath(listRoute);

  // Rendered answers by query string, kept as long as the counts they show (≤ 1 s): a page
  // view fans out to many identical requests, and rendering (validation, JSON, digest) was
  // most of the route's cost.
  // Headers are a plain object (answerRevalidated): c.header() costs a web Headers object per request.
  const renderedCounts = new Map<string, { body: string; headers: RevalidatedHeaders; freshUntil: number; writes: number }>();

  routes.get('/counts', async (c) => {
    const query = c.req.query('articles') ?? '';
    let rendered = renderedCounts.get(query);
    if (!rendered || rendered.freshUntil <= Date.now() || !services.countCache.isCurrent(rendered.writes)) {
      const { articles } = parseInput(countsQuery, { articles: query });
      const { counts: found, freshUntil, writes } = await services.countCache.read(articles);
      const counts: Record<string, number> = {};
      for (const id of articles) counts[id] = found.get(id) ?? 0;
      const body = JSON.stringify({ counts });
      const headers = { 'cache-control': COUNTS_CACHE_CONTROL, etag: etagOf(body), 'content-type': 'application/json' };
      rendered = { body, headers, freshUntil, writes };
      if (renderedCounts.size >= MAX_RENDERED_COUNTS) renderedCounts.clear(); // crude bound; entries live ≤ 1 s
      renderedCounts.set(query, rendered);
    }
    return answerRevalidated(c, rendered.body, rendered.headers);
  });

  // Article ids may contain `/` (e.g. `2024/05/bai-viet`): match everything up to /comments.
  routes.get('/articles/:articleId{.+}/comments', revalidate, async (c) => {
    const articleId = c.req.param('articleId');
    if (!ARTICLE_ID_PATTERN.test(articleId)) throw new AppError('validation_failed', { fields: { articleId: 'invalid' } });
    const query = parseInput(listQuery, { sort: c.req.query('sort'), limit: c.req.query('limit'), cursor: c.req.query('cursor') });
    const after = pageStart(query.cursor);
    const [page, counts, article] = await Promise.all([
      services.commentListing.listPublished({ articleId, sort: query.sort, limit: query.limit, after }),
      services.countCache.get([articleId]),
      services.articleService.publicInfo(articleId),
    ]);
    // A cursor of another sort's page (a `top` cursor carries a rank, the others do not).
    if (!page) throw new AppError('validation_failed', { fields: { cursor: 'invalid' } });
    // Read from PostgreSQL on every request (no copy kept here): a like, an edit, a closing or a
    // new notice shows on the next read; browsers and CDNs revalidate (no-cache) and get a 304.
    const body = JSON.stringify({
      articleId,
      article,
      count: counts.get(articleId) ?? 0,
      comments: page.items.map((comment) => ({
        id: comment.id,
        parentId: comment.parentId,
        authorName: comment.authorName,
        content: comment.content,
        createdAt: comment.createdAt.toISOString(),
        publishedAt: comment.publishedAt?.toISOString() ?? null,
        likes: comment.likes,
      })),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    });
    c.header('Cache-Control', LIST_CACHE_CONTROL);
    c.header('ETag', etagOf(body));
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });

  return routes;
}
