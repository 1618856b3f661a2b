/**
 * The queue page's comments with their context (issue 14): the article's title and link and
 * the comment a reply answers, read for the whole page in one query (CommentContextStore).
 */
import type { Comment } from '../../comments/types.js';
import type { Services } from '../../services.js';
import type { QueueComment } from './components/card-context.js';

export async function inQueueContext(services: Pick<Services, 'commentContext'>, comments: readonly Comment[]): Promise<QueueComment[]> {
  const context = await services.commentContext.of(comments);
  return comments.map((c) => ({
    ...c,
    article: context.articles.get(c.articleId) ?? { id: c.articleId, title: null, url: null },
    parent: c.parentId ? (context.parents.get(c.parentId) ?? null) : null,
  }));
}
