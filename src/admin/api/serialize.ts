/**
 * The Comment of the moderator API (API.md), plus additive fields the moderator pages use:
 * ip, userAgent, decisionReason, lexiconVersion, publishedAt, moderatedAt, editedAt.
 * Its context (article title and link, the comment it answers) comes from one query per page
 * (src/store/comment-context.ts): build it with `withContext`.
 */
import type { Comment, CommentAsSent, CommentStatus, SubmittedComment } from '../../comments/types.js';
import type { Reason, Action } from '../../filters/index.js';
import type { ArticleRef, CommentContext, CommentContextStore, ParentRef } from '../../store/comment-context.js';

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
  /** The reader's own text when a moderator edited it; null while never edited. */
  originalContent: string | null;
  /** Moderator id of the last edit; null while never edited. */
  editedBy: string | null;
  editedAt: string | null;
  article: ArticleRef;
  parent: ParentRef | null;
}

/** An admin Comment before its context is known. */
type Bare = Omit<AdminComment, 'article' | 'parent'>;

/** The comments with their article and parent, fetched for all of them in one query. */
export async function withContext(store: Pick<CommentContextStore, 'of'>, comments: readonly Bare[]): Promise<AdminComment[]> {
  const context = await store.of(comments);
  return comments.map((c) => inContext(c, context));
}

function inContext(c: Bare, context: CommentContext): AdminComment {
  const article = context.articles.get(c.articleId) ?? { id: c.articleId, title: null, url: null };
  // A parent purged meanwhile: still named by id, with nothing to show.
  const parent = c.parentId ? (context.parents.get(c.parentId) ?? { id: c.parentId, authorName: '', content: '' }) : null;
  return { ...c, article, parent };
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

export function adminComment(c: Comment): Bare {
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
    originalContent: c.originalContent,
    editedBy: c.editedBy,
    editedAt: c.editedAt?.toISOString() ?? null,
  };
}

/** A comment accepted by the api whose moderation job has not written it yet. */
export function queuedComment(c: SubmittedComment): Bare {
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
    originalContent: null,
    editedBy: null,
    editedAt: null,
  };
}
