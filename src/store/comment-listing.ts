/**
 * The one listing of comments: the queue page and GET /admin/api/comments read moderation
 * lists through `list`, the public GET /v1/articles/:id/comments reads `listPublished`, and the
 * queue page's tabs are counted by `tabCounts`. Decisions (writes) live in decisions.ts.
 *
 * Lists are keyset-paged on (created_at, id), so a page costs the same on page 1 and page 1000.
 * They read the indexes of 001_initial: comments_queue_idx (status, created_at, id) and
 * comments_article_queue_idx (article_id, status, created_at, id). A page's position keeps
 * created_at to the microsecond (see page-cursor.ts).
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

/** A comment as the public may see it: no email, no IP, no verdict. */
export interface PublishedComment {
  id: string;
  parentId: string | null;
  authorName: string;
  content: string;
  createdAt: Date;
  publishedAt: Date | null;
}

/**
 * Comments per tab: `pending` counts every waiting comment; the other three count the last 24
 * hours (decided_at), so they stay cheap on a big table.
 */
export type TabCounts = Record<Tab, number>;

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

type PositionedRow = CommentRow & { position_at: string };

function page<T>(rows: PositionedRow[], limit: number, map: (row: PositionedRow) => T): ListPage<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), next: more && last ? { createdAt: last.position_at, id: last.id } : null };
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

  /** Approved comments of one article, oldest first, public fields only. */
  async listPublished(req: PublishedListRequest): Promise<ListPage<PublishedComment>> {
    const p = parameters();
    const where = [`article_id = ${p.add(req.articleId)}`, `status = 'approved'`];
    if (req.after) where.push(`(created_at, id) > (${p.add(req.after.createdAt)}::timestamptz, ${p.add(req.after.id)})`);
    // Only public columns are selected, so a private field cannot leak by accident.
    const { rows } = await this.db.query<PositionedRow>(
      `SELECT id, parent_id, author_name, content, created_at, published_at, ${POSITION}
         FROM comments WHERE ${where.join(' AND ')}
        ORDER BY created_at ASC, id ASC LIMIT ${p.add(req.limit + 1)}`,
      p.values,
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

  async tabCounts(): Promise<TabCounts> {
    const count = (tab: Tab) => `count(*) FILTER (WHERE ${statusWhere(TABS[tab], `'${TABS[tab].status}'`)})::int AS ${tab}`;
    const { rows } = await this.db.query<TabCounts>(
      `SELECT (SELECT count(*) FROM comments WHERE ${statusWhere(TABS.pending, "'pending'")})::int AS pending,
              ${count('filtered')}, ${count('approved')}, ${count('rejected')}
         FROM comments WHERE decided_at > now() - interval '24 hours'`,
    );
    return rows[0];
  }
}
