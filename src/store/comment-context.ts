/**
 * What a moderator needs beside a comment: its article's title and link, and the comment it
 * answers. One statement for a whole page of comments (never one per comment).
 */
import type { Queryable } from './db.js';

export interface ArticleRef {
  id: string;
  title: string | null;
  url: string | null;
}

export interface ParentRef {
  id: string;
  authorName: string;
  content: string;
}

export interface CommentContext {
  articles: Map<string, ArticleRef>;
  parents: Map<string, ParentRef>;
}

interface ContextRow {
  kind: 'article' | 'parent';
  id: string;
  title: string | null;
  url: string | null;
  author_name: string | null;
  content: string | null;
}

export class CommentContextStore {
  constructor(private readonly db: Queryable) {}

  /** Articles and parents of the given comments; ids the database does not hold are absent. */
  async of(comments: ReadonlyArray<{ articleId: string; parentId: string | null }>): Promise<CommentContext> {
    const context: CommentContext = { articles: new Map(), parents: new Map() };
    if (comments.length === 0) return context;
    const articleIds = [...new Set(comments.map((c) => c.articleId))];
    const parentIds = [...new Set(comments.flatMap((c) => (c.parentId ? [c.parentId] : [])))];
    const { rows } = await this.db.query<ContextRow>(
      `SELECT 'article' AS kind, id, title, url, NULL AS author_name, NULL AS content FROM articles WHERE id = ANY($1::text[])
       UNION ALL
       SELECT 'parent', id, NULL, NULL, author_name, content FROM comments WHERE id = ANY($2::text[])`,
      [articleIds, parentIds],
    );
    for (const row of rows) {
      if (row.kind === 'article') context.articles.set(row.id, { id: row.id, title: row.title, url: row.url });
      else context.parents.set(row.id, { id: row.id, authorName: row.author_name ?? '', content: row.content ?? '' });
    }
    return context;
  }
}
