/**
 * The Comment of the moderator API (API.md), plus additive fields the moderator pages use:
 * ip, userAgent, decisionReason, lexiconVersion, publishedAt, moderatedAt.
 */
import type { Comment, CommentAsSent, CommentStatus, SubmittedComment } from '../../comments/types.js';
import type { Reason, Action } from '../../filters/index.js';

export interface AdminComment extends CommentAsSent {
  status: CommentStatus;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  verdict: { action: Action; score: number; reasons: Reason[] } | null;
  decisionReason: string | null;
  lexiconVersion: string | null;
  publishedAt: string | null;
  /** When the filter's result was stored; null while queued. */
  moderatedAt: string | null;
}

/** The fields as sent, copied one by one so nothing else a stored row or a job holds leaks out. */
function asSent(c: CommentAsSent): CommentAsSent {
  return {
    id: c.id,
    articleId: c.articleId,
    parentId: c.parentId,
    authorName: c.authorName,
    authorEmail: c.authorEmail,
    content: c.content,
    ip: c.ip,
    userAgent: c.userAgent,
  };
}

export function adminComment(c: Comment): AdminComment {
  return {
    ...asSent(c),
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    verdict: c.verdict ? { action: c.verdict.action, score: c.verdict.score, reasons: c.verdict.reasons } : null,
    decisionReason: c.decisionReason,
    lexiconVersion: c.verdict?.lexiconVersion ?? null,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    moderatedAt: c.moderatedAt.toISOString(),
  };
}

/** A comment accepted by the api whose moderation job has not written it yet. */
export function queuedComment(c: SubmittedComment): AdminComment {
  return {
    ...asSent(c),
    status: 'queued',
    createdAt: new Date(c.createdAt).toISOString(),
    decidedBy: null,
    decidedAt: null,
    verdict: null,
    decisionReason: null,
    lexiconVersion: null,
    publishedAt: null,
    moderatedAt: null,
  };
}
