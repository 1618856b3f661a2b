/** The comment as the domain knows it. Status `queued` means accepted but not yet written by the worker. */
import type { Verdict } from '../filters/index.js';

export type CommentStatus = 'queued' | 'pending' | 'approved' | 'rejected';
export type StoredStatus = Exclude<CommentStatus, 'queued'>;

/** What the api accepted: exactly what travels in the moderation job. */
export interface SubmittedComment {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string | null;
  content: string;
  ip: string | null;
  userAgent: string | null;
  /** ISO time the api answered 202. */
  createdAt: string;
}

export interface Comment {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  content: string;
  status: StoredStatus;
  verdict: Verdict | null;
  createdAt: Date;
  moderatedAt: Date;
  /** `filter` or a moderator id. */
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  publishedAt: Date | null;
}
