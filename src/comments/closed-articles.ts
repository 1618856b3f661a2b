/**
 * Is an article closed to new comments? Asked on every POST /v1/comments, so it must not cost
 * a PostgreSQL query per comment. PostgreSQL (articles.closed) is the record; Redis keeps one
 * key per article, `1` or `0`, for CLOSED_CACHE_SECONDS:
 *
 * - read: one GET, in the same Redis script as the rate limit, captcha and duplicate checks
 *   (src/comments/first-checks.ts; on a Cluster sent with the captcha and duplicate commands);
 * - miss (first comment of an article in that time, or Redis flushed or restarted empty):
 *   PostgreSQL answers and the value is written with SET NX, so it never overwrites what a
 *   moderator's change wrote meanwhile (the reader may have read PostgreSQL before that commit);
 * - a moderator's change: written to PostgreSQL first, then SET (not NX) on Redis, seen at once
 *   by every api process. If that Redis write fails (Redis down), the key's TTL bounds how long
 *   the old value can answer.
 */
import type { Redis } from 'ioredis';
import type { ArticleStore } from '../store/articles.js';
import type { RedisKeys } from '../store/keys.js';

/** Lifetime of a cached value: the bound on staleness when a moderator's change could not reach Redis. */
export const CLOSED_CACHE_SECONDS = 300;

export interface ClosedArticlesDeps {
  redis: Redis;
  keys: Pick<RedisKeys, 'articleClosed'>;
  articles: Pick<ArticleStore, 'isClosed'>;
}

export function closedArticles(deps: ClosedArticlesDeps) {
  const key = (articleId: string) => deps.keys.articleClosed(articleId);
  return {
    /** The cached flag's Redis key (src/comments/first-checks.ts reads it in its own script). */
    key,
    /** The cached answer, or undefined when Redis holds none (then ask `load`). */
    async cached(articleId: string): Promise<boolean | undefined> {
      const value = await deps.redis.get(key(articleId));
      return value === null ? undefined : value === '1';
    },
    /** Reads PostgreSQL and caches the answer unless a fresher one got there first. */
    async load(articleId: string): Promise<boolean> {
      const closed = await deps.articles.isClosed(articleId);
      await deps.redis.set(key(articleId), closed ? '1' : '0', 'EX', CLOSED_CACHE_SECONDS, 'NX');
      return closed;
    },
    /** After a moderator's committed change. */
    async put(articleId: string, closed: boolean): Promise<void> {
      await deps.redis.set(key(articleId), closed ? '1' : '0', 'EX', CLOSED_CACHE_SECONDS);
    },
  };
}

export type ClosedArticles = ReturnType<typeof closedArticles>;
