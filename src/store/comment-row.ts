/**
 * A comments row as PostgreSQL returns it, and the domain Comment made from it: shared by the
 * writes (comments.ts, decisions.ts) and the reads (comment-listing.ts, commenter-history.ts),
 * which therefore need not import each other.
 */
import type { Comment, StoredStatus } from '../comments/types.js';
import type { Verdict } from '../filters/index.js';

export interface CommentRow {
  id: string;
  article_id: string;
  parent_id: string | null;
  author_name: string;
  author_email: string | null;
  ip: string | null;
  user_agent: string | null;
  content: string;
  status: StoredStatus;
  verdict: Verdict | null;
  created_at: Date | string;
  moderated_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_reason: string | null;
  published_at: Date | string | null;
  original_content: string | null;
  edited_by: string | null;
  edited_at: Date | string | null;
}

const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export function commentFromRow(row: CommentRow): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    authorName: row.author_name,
    authorEmail: row.author_email,
    ip: row.ip,
    userAgent: row.user_agent,
    content: row.content,
    status: row.status,
    verdict: row.verdict,
    createdAt: toDate(row.created_at)!,
    moderatedAt: toDate(row.moderated_at)!,
    decidedBy: row.decided_by,
    decidedAt: toDate(row.decided_at),
    decisionReason: row.decision_reason,
    publishedAt: toDate(row.published_at),
    originalContent: row.original_content ?? null,
    editedBy: row.edited_by ?? null,
    editedAt: toDate(row.edited_at ?? null),
  };
}
