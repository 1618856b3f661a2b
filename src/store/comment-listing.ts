/**
 * The one listing of comments: the queue page and GET /admin/api/comments read moderation
 * lists through `list`, the public GET /v1/articles/:id/comments reads `listPublished`, and the
 * queue page's tabs are counted by `tabCounts`. Decisions (writes) live in decisions.ts.
 *
 * Lists are keyset-paged on (created_at, id), so a page costs the same on page 1 and page 1000.
 * They read the indexes of 001_initial: comments_queue_idx (status, created_at, id) and
 * comments_article_queue_idx (article_id, status, created_at, id). A page's position keeps
 * created_at to the microsecond (see page-cursor.ts).
 *
 * Two lists lead with a number, kept on the comment row (migration 003) and carried in the
 * cursor as its `rank`: the public list sorted `top` (like_count DESC, then oldest:
 * comments_article_top_idx) and the moderators' reported list (open_reports DESC, then oldest:
 * comments_reported_idx, which also counts its tab).
 */
import type { Comment, StoredStatus } from '../comments/types.js';
import { commentFromRow, type CommentRow } from './comment-row.js';
import type { Queryable } from './db.js';
import type { ListPosition } from './page-cursor.js';

/** Which comments a moderation list holds: a status, and for rejections who decided. */
export interface StatusFilter {
  status: StoredStatus;
  /** `filter`: rejected by the filter (or a ban); `person`: by a moderator. Unset: both. */
  decidedBy?: 'filter' | 'person';
}

/** The tabs of the queue page, each a status filter. */
export const TABS = {
  pending: { status: 'pending' },
  filtered: { status: 'rejected', decidedBy: 'filter' },
  approved: { status: 'approved' },
  rejected: { status: 'rejected', decidedBy: 'person' },
} as const satisfies Record<string, StatusFilter>;

export type Tab = keyof typeof TABS;
export const TAB_NAMES = Object.keys(TABS) as [Tab, ...Tab[]];

/** The tab a comment is shown under. */
export function tabOf(comment: Pick<Comment, 'status' | 'decidedBy'>): Tab {
  if (comment.status === 'rejected') return comment.decidedBy === 'filter' ? 'filtered' : 'rejected';
  return comment.status === 'approved' ? 'approved' : 'pending';
}

export interface ListRequest extends StatusFilter {
  articleId?: string;
  /** A verdict reason rule, e.g. `profanity.vi`. */
  rule?: string;
  /** Searched in author name and content, case-insensitively, as a plain substring. */
  q?: string;
  /** Search the author's email too (the queue page does; the API never has). */
  qInEmail?: boolean;
  limit: number;
  after?: ListPosition;
}

/** Orders of the public list: oldest first (default), newest first, most liked first then oldest. */
export const PUBLISHED_SORTS = ['oldest', 'newest', 'top'] as const;
export type PublishedSort = (typeof PUBLISHED_SORTS)[number];

export interface PublishedListRequest {
  articleId: string;
  sort?: PublishedSort;
  limit: number;
  /** A position from a page of the same sort (`top` needs its rank). */
  after?: ListPosition;
}

export interface ReportedListRequest {
  articleId?: string;
  limit: number;
  /** A position from a page of this list (with its rank). */
  after?: ListPosition;
}

export interface ListPage<T> {
  items: T[];
  /** Position of the last item when more rows follow, else null. */
  next: ListPosition | null;
}

/** A comment as the public may see it: no email, no IP, no verdict. */
export interface PublishedComment {
  id: string;
  parentId: string | null;
  authorName: string;
  content: string;
  createdAt: Date;
  publishedAt: Date | null;
  likes: number;
}

/**
 * Comments per tab: `pending` counts every waiting comment; the other three count the last 24
 * hours (decided_at), so they stay cheap on a big table.
 */
export type TabCounts = Record<Tab, number> & {
  /** Approved comments with open reports by readers, all of them (the reported list's length). */
  reported: number;
};

const POSITION = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position_at`;

const DECIDED_BY_SQL = { filter: `decided_by = 'filter'`, person: `decided_by IS DISTINCT FROM 'filter'` } as const;

/** The WHERE of a status filter, with the status as the SQL text `status`. */
function statusWhere(filter: StatusFilter, status: string): string {
  return filter.decidedBy ? `status = ${status} AND ${DECIDED_BY_SQL[filter.decidedBy]}` : `status = ${status}`;
}

/** `%`, `_` and `\` typed by a moderator are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

type PositionedRow = CommentRow & { position_at: string; like_count: number; rank?: number };

function page<T>(rows: PositionedRow[], limit: number, map: (row: PositionedRow) => T): ListPage<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  if (!more || !last) return { items: kept.map(map), next: null };
  const next: ListPosition = { createdAt: last.position_at, id: last.id };
  if (last.rank !== undefined) next.rank = last.rank;
  return { items: kept.map(map), next };
}

/** A cursor without the rank its list needs (or with one it does not) was not issued for it. */
function positionMismatch(after: ListPosition | undefined, ranked: boolean): boolean {
  return after !== undefined && (after.rank !== undefined) !== ranked;
}

/**
 * The keyset condition after `after` in a list ordered by `column` DESC, then (created_at, id)
 * ASC. The first term bounds the index scan (it starts at the cursor's rank, not at the top).
 */
function afterRanked(column: string, after: ListPosition, add: (value: unknown) => string): string {
  const rank = `${add(after.rank)}::int`;
  return `${column} <= ${rank} AND (${column} < ${rank} OR (created_at, id) > (${add(after.createdAt)}::timestamptz, ${add(after.id)}))`;
}

/** ORDER BY and the keyset condition of a public list's sort. */
function publishedOrder(sort: PublishedSort, add: (value: unknown) => string, after: ListPosition | undefined) {
  if (sort === 'top') return { orderBy: 'like_count DESC, created_at ASC, id ASC', after: after && afterRanked('like_count', after, add) };
  // Only now: a parameter the statement does not use has no type, and PostgreSQL refuses it.
  const position = after && `${add(after.createdAt)}::timestamptz, ${add(after.id)}`;
  if (sort === 'newest') return { orderBy: 'created_at DESC, id DESC', after: after && `(created_at, id) < (${position})` };
  return { orderBy: 'created_at ASC, id ASC', after: after && `(created_at, id) > (${position})` };
}

/** Collects the parameters of one statement and answers their placeholders ($1, $2, …). */
function parameters() {
  const values: unknown[] = [];
  const add = (value: unknown) => `$${values.push(value)}`;
  return { values, add };
}

export class CommentListing {
  constructor(private readonly db: Queryable) {}

  /**
   * A moderation list. The waiting queue is worked oldest first, from its head; decided lists
   * show the newest first (what was decided last is what a moderator looks for).
   */
  async list(req: ListRequest): Promise<ListPage<Comment>> {
    const p = parameters();
    const where = [statusWhere(req, p.add(req.status))];
    if (req.articleId !== undefined) where.push(`article_id = ${p.add(req.articleId)}`);
    if (req.rule) where.push(`verdict -> 'reasons' @> ${p.add(JSON.stringify([{ rule: req.rule }]))}::jsonb`);
    if (req.q) {
      const pattern = p.add(likePattern(req.q));
      const fields = req.qInEmail ? ['author_name', 'author_email', 'content'] : ['author_name', 'content'];
      where.push(`(${fields.map((field) => `${field} ILIKE ${pattern} ESCAPE '\\'`).join(' OR ')})`);
    }
    const oldestFirst = req.status === 'pending';
    if (req.after) {
      where.push(`(created_at, id) ${oldestFirst ? '>' : '<'} (${p.add(req.after.createdAt)}::timestamptz, ${p.add(req.after.id)})`);
    }
    const direction = oldestFirst ? 'ASC' : 'DESC';
    const { rows } = await this.db.query<PositionedRow>(
      `SELECT *, ${POSITION} FROM comments WHERE ${where.join(' AND ')}
        ORDER BY created_at ${direction}, id ${direction} LIMIT ${p.add(req.limit + 1)}`,
      p.values,
    );
    return page(rows, req.limit, commentFromRow);
  }

  /**
   * Approved comments of one article in the order asked (oldest first unless told), public
   * fields only; null when the cursor belongs to another sort.
   */
  async listPublished(req: PublishedListRequest): Promise<ListPage<PublishedComment> | null> {
    const sort = req.sort ?? 'oldest';
    if (positionMismatch(req.after, sort === 'top')) return null;
    const p = parameters();
    const where = [`article_id = ${p.add(req.articleId)}`, `status = 'approved'`];
    const order = publishedOrder(sort, p.add, req.after);
    if (order.after) where.push(order.after);
    // Only public columns are selected, so a private field cannot leak by accident.
    const rank = sort === 'top' ? ', like_count AS rank' : '';
    const { rows } = await this.db.query<PositionedRow>(
      `SELECT id, parent_id, author_name, content, created_at, published_at, like_count, ${POSITION}${rank}
         FROM comments WHERE ${where.join(' AND ')}
        ORDER BY ${order.orderBy} LIMIT ${p.add(req.limit + 1)}`,
      p.values,
    );
    return page(rows, req.limit, (r) => ({
      id: r.id,
      parentId: r.parent_id,
      authorName: r.author_name,
      content: r.content,
      createdAt: new Date(r.created_at),
      publishedAt: r.published_at === null ? null : new Date(r.published_at),
      likes: r.like_count,
    }));
  }

  /**
   * Approved comments with open reports by readers, most reported first, then oldest; null
   * when the cursor is not one of this list's.
   */
  async listReported(req: ReportedListRequest): Promise<ListPage<Comment> | null> {
    if (positionMismatch(req.after, true)) return null;
    const p = parameters();
    const where = [`status = 'approved'`, 'open_reports > 0'];
    if (req.articleId !== undefined) where.push(`article_id = ${p.add(req.articleId)}`);
    if (req.after) where.push(afterRanked('open_reports', req.after, p.add));
    const { rows } = await this.db.query<PositionedRow>(
      `SELECT *, ${POSITION}, open_reports AS rank FROM comments WHERE ${where.join(' AND ')}
        ORDER BY open_reports DESC, created_at ASC, id ASC LIMIT ${p.add(req.limit + 1)}`,
      p.values,
    );
    return page(rows, req.limit, commentFromRow);
  }

  async tabCounts(): Promise<TabCounts> {
    const count = (tab: Tab) => `count(*) FILTER (WHERE ${statusWhere(TABS[tab], `'${TABS[tab].status}'`)})::int AS ${tab}`;
    const { rows } = await this.db.query<TabCounts>(
      `SELECT (SELECT count(*) FROM comments WHERE ${statusWhere(TABS.pending, "'pending'")})::int AS pending,
              ${count('filtered')}, ${count('approved')}, ${count('rejected')},
              (SELECT count(*) FROM comments WHERE status = 'approved' AND open_reports > 0)::int AS reported
         FROM comments WHERE decided_at > now() - interval '24 hours'`,
    );
    return rows[0];
  }
}
