/**
 * Bài viết (./pages/articles.tsx): the list, and the plain HTML form posts that close or reopen
 * an article's comments (also one no one has commented on yet). A post carries the session's
 * CSRF token in its `_csrf` field, calls the article service, and redirects back (303) with a
 * message, so the page works without its script.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ARTICLE_ID_PATTERN } from '../../comments/id-patterns.js';
import { toAppError } from '../../http/errors.js';
import { errorMessages } from '../../http/messages.js';
import type { Services } from '../../services.js';
import { decodeCursor, encodeCursor } from '../../store/page-cursor.js';
import { requireCsrf } from '../auth/index.js';
import { t } from './i18n/index.js';
import type { PageKit } from './newsroom-routes.js';
import { ArticlesPage } from './pages/articles.js';

const ARTICLES_PAGE_SIZE = 30;

const listQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  cursor: z.string().max(400).optional().catch(undefined),
  done: z.enum(['closed', 'opened']).optional().catch(undefined),
});

const changeForm = z.object({
  articleId: z.string().trim().regex(ARTICLE_ID_PATTERN),
  closed: z.enum(['true', 'false']).transform((v) => v === 'true'),
  notice: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => v || null),
  back: z.string().optional(),
});

/** Back to the articles list the form was on (never another path: no open redirect). */
function backTo(back: string | undefined, done: 'closed' | 'opened'): string {
  const url = new URL(back?.startsWith('/admin/articles') ? back : '/admin/articles', 'http://x');
  if (url.pathname !== '/admin/articles') return `/admin/articles?done=${done}`;
  url.searchParams.set('done', done);
  return url.pathname + url.search;
}

export function mountArticlePages(ui: Hono, services: Services, kit: PageKit): void {
  const { page, pageContext, render } = kit;
  const articles = services.articleService;

  ui.get('/articles', ...page, async (c) => {
    const query = listQuery.parse(c.req.query());
    const after = (query.cursor && decodeCursor(query.cursor)) || undefined;
    const list = await articles.list({ q: query.q || undefined, limit: ARTICLES_PAGE_SIZE, after });
    const lang = c.get('uiLang');
    return render(
      c,
      <ArticlesPage
        page={pageContext(c)}
        articles={list.items}
        q={query.q}
        nextCursor={list.next && encodeCursor(list.next)}
        isFirstPage={!after}
        notice={query.done ? t(lang, query.done === 'closed' ? 'articles.doneClosed' : 'articles.doneOpened') : undefined}
      />,
    );
  });

  ui.post('/articles', ...page, requireCsrf(), async (c) => {
    const parsed = changeForm.safeParse(await c.req.parseBody().catch(() => ({})));
    const lang = c.get('uiLang');
    if (!parsed.success) return render(c, <p class="error">{errorMessages.validation_failed[lang]}</p>, 400);
    const { articleId, closed, notice, back } = parsed.data;
    try {
      await articles.update(articleId, closed ? { closed, notice } : { closed }, c.get('moderator').id);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal_error') throw error;
      return render(c, <p class="error">{errorMessages[appError.code][lang]}</p>, 400);
    }
    return c.redirect(backTo(back, closed ? 'closed' : 'opened'), 303);
  });
}
