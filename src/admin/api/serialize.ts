/**
 * The Comment of the moderator API (API.md), plus additive fields the moderator pages use:
 * ip, userAgent, decisionReason, lexiconVersion, publishedAt, moderatedAt. `reports` (API.md) is
 * read for a whole page at once (ReportReviewService.summaries) and handed in.
 */
import type { Comment, CommentAsSent, CommentStatus, SubmittedComment } from '../../comments/types.js';
import type { Reason, Action } from '../../filters/index.js';
import type { ReportSummary } from '../../store/reports.js';

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
  /** Readers' reports not dismissed yet: how many, and how many per reason. */
  reports: ReportSummary;
}

const NO_REPORTS: ReportSummary = { open: 0, reasons: {} };

/** Comments with their open reports, read in one query for the whole list. */
export async function adminComments(
  comments: readonly Comment[],
  summaries: (ids: readonly string[]) => Promise<Map<string, ReportSummary>>,
): Promise<AdminComment[]> {
  const reports = await summaries(comments.map((c) => c.id));
  return comments.map((c) => adminComment(c, reports.get(c.id) ?? NO_REPORTS));
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

export function adminComment(c: Comment, reports: ReportSummary): AdminComment {
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
    reports: { open: reports.open, reasons: { ...reports.reasons } },
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
    reports: NO_REPORTS,
  };
}
