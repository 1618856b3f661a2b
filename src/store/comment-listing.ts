/**
 * Listing queries over comments, with keyset pagination on (created_at, id) so a page costs
 * the same on page 1 and page 1000. They read the indexes of 001_initial:
 * comments_queue_idx (status, created_at, id) and comments_article_queue_idx
 * (article_id, status, created_at, id).
 *
 * The position of a row is its created_at as exact text (microseconds, UTC) and its id:
 * JavaScript dates keep milliseconds only, and a rounded position could skip or repeat rows.
 */
import type { StoredStatus } from '../comments/types.js';
import { commentFromRow, type CommentRow } from './comments.js';
import type { Queryable } from './db.js';
import type { Comment } from '../comments/types.js';

/** Where a page starts: after (or before, for newest-first lists) this row. */
export interface ListPosition {
  /** created_at as `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  createdAt: string;
  id: string;
}

export interface ModerationListRequest {
  status: StoredStatus;
  articleId?: string;
  /** Searched in author name and content, case-insensitively, as a plain substring. */
  q?: string;
  order: 'oldest' | 'newest';
  limit: number;
  after?: ListPosition;
}

export interface PublishedListRequest {
  articleId: string;
  limit: number;
  after?: ListPosition;
}

export interface ListPage<T> {
  items: T[];
  /** Position of the last item when more rows follow, else null. */
  next: ListPosition | null;
}

const POSITION = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position_at`;

/** `%`, `_` and `\` typed by a moderator are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

type PositionedRow = CommentRow & { position_at: string };

function page<T>(rows: PositionedRow[], limit: number, map: (row: PositionedRow) => T): ListPage<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), next: more && last ? { createdAt: last.position_at, id: last.id } : null };
}

export async function listForModeration(db: Queryable, req: ModerationListRequest): Promise<ListPage<Comment>> {
  const params: unknown[] = [req.status];
  const where = ['status = $1'];
  if (req.articleId !== undefined) {
    params.push(req.articleId);
    where.push(`article_id = $${params.length}`);
  }
  if (req.q) {
    params.push(likePattern(req.q));
    where.push(`(author_name ILIKE $${params.length} ESCAPE '\\' OR content ILIKE $${params.length} ESCAPE '\\')`);
  }
  const cmp = req.order === 'oldest' ? '>' : '<';
  const dir = req.order === 'oldest' ? 'ASC' : 'DESC';
  if (req.after) {
    params.push(req.after.createdAt, req.after.id);
    where.push(`(created_at, id) ${cmp} ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(req.limit + 1);
  const { rows } = await db.query<PositionedRow>(
    `SELECT *, ${POSITION} FROM comments WHERE ${where.join(' AND ')}
      ORDER BY created_at ${dir}, id ${dir} LIMIT $${params.length}`,
    params,
  );
  return page(rows, req.limit, commentFromRow);
}

/** A comment as the public may see it: no email, no IP, no verdict. */
export interface PublishedComment {
  id: string;
  parentId: string | null;
  authorName: string;
  content: string;
  createdAt: Date;
  publishedAt: Date | null;
}

export async function listPublished(db: Queryable, req: PublishedListRequest): Promise<ListPage<PublishedComment>> {
  const params: unknown[] = [req.articleId];
  let after = '';
  if (req.after) {
    params.push(req.after.createdAt, req.after.id);
    after = `AND (created_at, id) > ($2::timestamptz, $3)`;
  }
  params.push(req.limit + 1);
  // Only public columns are selected, so a private field cannot leak by accident.
  const { rows } = await db.query<PositionedRow>(
    `SELECT id, parent_id, author_name, content, created_at, published_at, ${POSITION}
       FROM comments WHERE article_id = $1 AND status = 'approved' ${after}
      ORDER BY created_at ASC, id ASC LIMIT $${params.length}`,
    params,
  );
  return page(rows, req.limit, (r) => ({
    id: r.id,
    parentId: r.parent_id,
    authorName: r.author_name,
    content: r.content,
    createdAt: new Date(r.created_at),
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
  }));
}
