/**
 * Articles as moderators manage them and readers see them (API.md "Articles: title, link,
 * closing comments"): the list (most recently commented first), a moderator's change (close,
 * reopen, notice, title; audited; also for an article with no comment yet), and what the
 * public list says of one article.
 *
 * Closing takes effect on every api process at once: the change is committed to PostgreSQL,
 * then written to the Redis cache that POST /v1/comments reads (closed-articles.ts). When that
 * write fails the cache's TTL bounds the delay; it is logged.
 */
import type { Logger } from '../logger.js';
import type { Article, ArticleChange, ArticleListRequest, ArticleStore, PublicArticle } from '../store/articles.js';
import type { ClosedArticles } from './closed-articles.js';

export type { Article, ArticleChange, PublicArticle };

export interface ArticleDeps {
  articles: Pick<ArticleStore, 'list' | 'find' | 'findPublic' | 'changeAudited'>;
  closedArticles: Pick<ClosedArticles, 'put'>;
  logger: Pick<Logger, 'warn'>;
}

async function changeArticle(deps: ArticleDeps, articleId: string, change: ArticleChange, moderatorId: string): Promise<Article> {
  const { article, closedChanged } = await deps.articles.changeAudited(articleId, change, moderatorId);
  if (closedChanged) {
    await deps.closedArticles.put(articleId, article.closed).catch((error: unknown) => {
      deps.logger.warn({ err: (error as Error).message, articleId }, 'closed flag not cached; the old value expires with its TTL');
    });
  }
  return article;
}

export function createArticleService(deps: ArticleDeps) {
  return {
    /** Most recently commented first, keyset pages; `q` searches id and title. */
    list: (req: ArticleListRequest) => deps.articles.list(req),
    /** One article, or null when the service has never heard of it. */
    get: (articleId: string) => deps.articles.find(articleId),
    /** Close or reopen comments, set the notice or the title (null clears), audited. */
    update: (articleId: string, change: ArticleChange, moderatorId: string) => changeArticle(deps, articleId, change, moderatorId),
    /** What readers see of the article: an unknown one is open, without title or notice. */
    publicInfo: (articleId: string): Promise<PublicArticle> => deps.articles.findPublic(articleId),
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
