/**
 * Readers like approved comments (API.md "Likes"). A reader is the opaque id the widget keeps
 * in localStorage; one reader counts once per comment, whatever it repeats: the store's
 * statement settles that (src/store/likes.ts). Anything that is not an approved comment,
 * a malformed id included, is `404 not_found`. The rate limit per client IP is the route's.
 */
import { AppError } from '../errors.js';
import type { LikeStore } from '../store/likes.js';
import { COMMENT_ID_PARAM_PATTERN } from './id-patterns.js';

/** API.md: 16–64 characters of `[A-Za-z0-9_-]`. */
export const READER_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface LikeDeps {
  likes: Pick<LikeStore, 'like' | 'unlike'>;
}

export interface LikeAnswer {
  likes: number;
  liked: boolean;
}

/** Only ids this service could have issued reach the database; the rest name no comment. */
export function assertCommentId(commentId: string): void {
  if (!COMMENT_ID_PARAM_PATTERN.test(commentId)) throw new AppError('not_found');
}

export function createLikeService({ likes }: LikeDeps) {
  const change = async (liked: boolean, commentId: string, readerId: string): Promise<LikeAnswer> => {
    assertCommentId(commentId);
    const result = liked ? await likes.like(commentId, readerId) : await likes.unlike(commentId, readerId);
    if (!result) throw new AppError('not_found');
    return { likes: result.likes, liked };
  };
  return {
    like: (commentId: string, readerId: string) => change(true, commentId, readerId),
    unlike: (commentId: string, readerId: string) => change(false, commentId, readerId),
  };
}

export type LikeService = ReturnType<typeof createLikeService>;
