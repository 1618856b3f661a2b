/**
 * SQL for articles (migration 002): what the moderators' list shows, a moderator's change of
 * one article (with its audit row, in one transaction), what the public list says of the
 * article, and whether comments are closed (read when the Redis cache of src/comments/
 * closed-articles.ts misses). The worker's upsert of title and URL is part of the comment
 * insert (src/store/comments.ts), so it costs no round trip of its own.
 *
 * The list is keyset-paged on (COALESCE(last_comment_at, created_at), id), newest first, the
 * index of migration 002; the position reuses the comment lists' cursor (page-cursor.ts).
 */
import type { AuditStore } from './audit.js';
import type { Db, Queryable } from './db.js';
import type { ListPosition } from './page-cursor.js';

export interface ArticleCounts {
  pending: number;
  approved: number;
  rejected: number;
}

/** An article as moderators see it (API.md "Articles"). */
export interface Article {
  id: string;
  title: string | null;
  url: string | null;
  closed: boolean;
  notice: string | null;
  counts: ArticleCounts;
  lastCommentAt: Date | null;
}

/** What readers may know of an article (GET /v1/articles/:id/comments). */
export interface PublicArticle {
  id: string;
  title: string | null;
  closed: boolean;
  notice: string | null;
}

/** A moderator's change; an absent field stays as it is, `null` clears a title or notice. */
export interface ArticleChange {
  closed?: boolean;
  notice?: string | null;
  title?: string | null;
}

export interface ArticleListRequest {
  /** Searched in id and title, case-insensitively, as a plain substring. */
  q?: string;
  limit: number;
  after?: ListPosition;
}

interface ArticleRow {
  id: string;
  title: string | null;
  url: string | null;
  closed: boolean;
  notice: string | null;
  last_comment_at: Date | string | null;
  pending: number;
  approved: number;
  rejected: number;
  position_at: string;
}

const SORT_AT = 'COALESCE(a.last_comment_at, a.created_at)';

/** An article with its comment counts by status (one index range of comments_article_queue_idx each). */
const SELECT_ARTICLE = `
SELECT a.id, a.title, a.url, a.closed, a.notice, a.last_comment_at,
       COALESCE(c.pending, 0) AS pending, COALESCE(c.approved, 0) AS approved, COALESCE(c.rejected, 0) AS rejected,
       to_char(${SORT_AT} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position_at
  FROM articles a
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
           count(*) FILTER (WHERE status = 'approved')::int AS approved,
           count(*) FILTER (WHERE status = 'rejected')::int AS rejected
      FROM comments WHERE article_id = a.id
  ) c ON true`;

const fromRow = (r: ArticleRow): Article => ({
  id: r.id,
  title: r.title,
  url: r.url,
  closed: r.closed,
  notice: r.notice,
  counts: { pending: Number(r.pending), approved: Number(r.approved), rejected: Number(r.rejected) },
  lastCommentAt: r.last_comment_at === null ? null : new Date(r.last_comment_at),
});

/** `%`, `_` and `\` typed by a moderator are literal characters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export class ArticleStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditStore,
  ) {}

  /** Most recently commented first, in keyset pages. */
  async list(req: ArticleListRequest): Promise<{ items: Article[]; next: ListPosition | null }> {
    const values: unknown[] = [];
    const add = (value: unknown) => `$${values.push(value)}`;
    const where: string[] = [];
    if (req.q) {
      const pattern = add(likePattern(req.q));
      where.push(`(a.id ILIKE ${pattern} ESCAPE '\\' OR a.title ILIKE ${pattern} ESCAPE '\\')`);
    }
    if (req.after) where.push(`(${SORT_AT}, a.id) < (${add(req.after.createdAt)}::timestamptz, ${add(req.after.id)})`);
    const { rows } = await this.db.query<ArticleRow>(
      `${SELECT_ARTICLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${SORT_AT} DESC, a.id DESC LIMIT ${add(req.limit + 1)}`,
      values,
    );
    const more = rows.length > req.limit;
    const kept = more ? rows.slice(0, req.limit) : rows;
    const last = kept[kept.length - 1];
    return { items: kept.map(fromRow), next: more && last ? { createdAt: last.position_at, id: last.id } : null };
  }

  async find(id: string): Promise<Article | null> {
    return this.findIn(this.db, id);
  }

  private async findIn(q: Queryable, id: string): Promise<Article | null> {
    const { rows } = await q.query<ArticleRow>(`${SELECT_ARTICLE} WHERE a.id = $1`, [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** What the public list says of the article; an unknown article is open, without title or notice. */
  async findPublic(id: string): Promise<PublicArticle> {
    const { rows } = await this.db.query<PublicArticle>('SELECT id, title, closed, notice FROM articles WHERE id = $1', [id]);
    return rows[0] ?? { id, title: null, closed: false, notice: null };
  }

  /** True when comments on the article are closed (false for an article never seen). */
  async isClosed(id: string): Promise<boolean> {
    const { rows } = await this.db.query<{ closed: boolean }>('SELECT closed FROM articles WHERE id = $1', [id]);
    return rows[0]?.closed === true;
  }

  /**
   * A moderator's change, creating the article when it has none yet, audited in the same
   * transaction: `article.closed` / `article.reopened` when `closed` changed, else
   * `article.updated`; details hold the fields before and after. Answers the article as stored.
   */
  async changeAudited(id: string, change: ArticleChange, actor: string): Promise<{ article: Article; closedChanged: boolean }> {
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO articles (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [id]);
      const before = (
        await tx.query<{ title: string | null; closed: boolean; notice: string | null }>(
          'SELECT title, closed, notice FROM articles WHERE id = $1 FOR UPDATE',
          [id],
        )
      ).rows[0];
      const after = { ...before, ...change };
      await tx.query(
        `UPDATE articles SET title = $2, closed = $3, notice = $4, title_edited = title_edited OR $5, updated_at = now() WHERE id = $1`,
        [id, after.title, after.closed, after.notice, change.title !== undefined],
      );
      const closedChanged = before.closed !== after.closed;
      const action = closedChanged ? (after.closed ? 'article.closed' : 'article.reopened') : 'article.updated';
      await this.audit.recordIn(tx, { actor, action, targetType: 'article', targetId: id, details: { before, after } });
      const article = await this.findIn(tx, id);
      return { article: article!, closedChanged };
    });
  }
}
