/**
 * The Comment of the moderator API (API.md), plus additive fields the moderator pages use:
 * ip, userAgent, decisionReason, lexiconVersion, publishedAt, moderatedAt.
 */
import type { Comment, CommentStatus, SubmittedComment } from '../../comments/types.js';
import type { Reason, Action } from '../../filters/index.js';

export interface AdminComment {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string | null;
  content: string;
  status: CommentStatus;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  verdict: { action: Action; score: number; reasons: Reason[] } | null;
  ip: string | null;
  userAgent: string | null;
  decisionReason: string | null;
  lexiconVersion: string | null;
  publishedAt: string | null;
  /** When the filter's result was stored; null while queued. */
  moderatedAt: string | null;
}

export function adminComment(c: Comment): AdminComment {
  return {
    id: c.id,
    articleId: c.articleId,
    parentId: c.parentId,
    authorName: c.authorName,
    authorEmail: c.authorEmail,
    content: c.content,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    verdict: c.verdict ? { action: c.verdict.action, score: c.verdict.score, reasons: c.verdict.reasons } : null,
    ip: c.ip,
    userAgent: c.userAgent,
    decisionReason: c.decisionReason,
    lexiconVersion: c.verdict?.lexiconVersion ?? null,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    moderatedAt: c.moderatedAt.toISOString(),
  };
}

/** A comment accepted by the api whose moderation job has not written it yet. */
export function queuedComment(c: SubmittedComment): AdminComment {
  return {
    id: c.id,
    articleId: c.articleId,
    parentId: c.parentId,
    authorName: c.authorName,
    authorEmail: c.authorEmail,
    content: c.content,
    status: 'queued',
    createdAt: new Date(c.createdAt).toISOString(),
    decidedBy: null,
    decidedAt: null,
    verdict: null,
    ip: c.ip,
    userAgent: c.userAgent,
    decisionReason: null,
    lexiconVersion: null,
    publishedAt: null,
    moderatedAt: null,
  };
}
