/** The comment as the domain knows it. Status `queued` means accepted but not yet written by the worker. */
import type { Verdict } from '../filters/index.js';

export type CommentStatus = 'queued' | 'pending' | 'approved' | 'rejected';
export type StoredStatus = Exclude<CommentStatus, 'queued'>;

/** The id the api gave a comment and what came with it, never changed afterwards: the same in the moderation job, the table and the moderator API. */
export interface CommentAsSent {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string | null;
  content: string;
  ip: string | null;
  userAgent: string | null;
}

/** What the api accepted: exactly what travels in the moderation job. */
export interface SubmittedComment extends CommentAsSent {
  /** ISO time the api answered 202. */
  createdAt: string;
}

export interface Comment extends CommentAsSent {
  status: StoredStatus;
  verdict: Verdict | null;
  createdAt: Date;
  moderatedAt: Date;
  /** `filter` or a moderator id. */
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  publishedAt: Date | null;
  /** The reader's own text once a moderator edited it; null while never edited. */
  originalContent: string | null;
  /** Moderator id of the last edit; null while never edited. */
  editedBy: string | null;
  editedAt: Date | null;
}

/** What a reader's page said of its article: its title and canonical URL (each null when not sent or not allowed). */
export interface ArticleFromPage {
  title: string | null;
  url: string | null;
}
