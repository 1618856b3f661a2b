/**
 * The accept path's Redis checks (accept.ts steps 1, 3, 4's cached flag and 6) in one round
 * trip: one Lua script counts the submission against the client's rate limit and, unless that
 * refuses it, takes the captcha's answer (GETDEL), takes the duplicate marker (SET NX) and
 * reads the article's closed flag (GET). Separately they were four commands, two round trips
 * and a rate-limiter-flexible call; together, one command (figures in docs/BENCHMARKS.md,
 * issue 16). accept.ts still gives the answers in the contract's order and gives the marker
 * back when the comment is not accepted after all.
 *
 * The rate limit counts exactly as rate-limiter-flexible does (same key, same SET NX / INCRBY
 * / PTTL script, same "more than `points` in `durationSeconds`" rule), so the limit is the same
 * counter whichever path counted: a filled honeypot is counted by the limiter itself.
 *
 * On a Redis Cluster the four keys live on different shards (src/store/keys.ts) and one script
 * may not touch them: there the limiter runs first, then the other three commands go out
 * together, as before.
 */
import type { Redis } from 'ioredis';
import { AppError, unavailable } from '../errors.js';
import { COUNT_EVENT_LUA, type LimitCounter } from '../store/limit-counter.js';

export type CaptchaCheck = 'ok' | 'wrong' | 'expired';

/** What the captcha service offers (src/captcha): verifying consumes the captcha. */
export interface CaptchaVerifier {
  verify(id: string, answer: string): Promise<CaptchaCheck>;
  /** Where `id`'s answer waits in Redis; undefined when `id` cannot be a captcha (nothing is taken). */
  answerKey(id: string): string | undefined;
  /** verify()'s verdict on an answer taken from Redis here (undefined: none was there). */
  judge(stored: string | undefined, answer: string): CaptchaCheck;
}

/** Counts one submission per client; throws rate_limited (429) or unavailable (503). */
export interface SubmissionLimiter {
  consume(ip: string): Promise<void>;
  /** The counter of a client's address, as the limiter keeps it (see the top of this file). */
  counter(ip: string): LimitCounter;
}

export interface FirstChecksDeps {
  redis: Redis;
  limiter: SubmissionLimiter;
  captcha: CaptchaVerifier;
  duplicates: {
    key(hash: string): string;
    readonly windowSeconds: number;
    claim(hash: string, commentId: string): Promise<boolean>;
    release(hash: string, commentId: string): Promise<void>;
  };
  closedArticles: { key(articleId: string): string; cached(articleId: string): Promise<boolean | undefined> };
}

export interface FirstChecksQuery {
  ip: string;
  captchaId: string;
  captchaAnswer: string;
  articleId: string;
  /** duplicateHash() of the submission. */
  duplicate: string;
  commentId: string;
}

export interface FirstChecksAnswer {
  captcha: CaptchaCheck;
  /** This comment took the duplicate marker (false: the same comment holds it). */
  claimed: boolean;
  /** The cached closed flag; undefined when Redis holds none (ask PostgreSQL). */
  closed: boolean | undefined;
}

export interface FirstChecks {
  /** Step 1 alone (a filled honeypot takes nothing else). */
  limitOnly(ip: string): Promise<void>;
  /** Steps 1, 3, 4 (cached flag) and 6. Over the limit: 429, and nothing else taken. Redis failing: 503. */
  run(query: FirstChecksQuery): Promise<FirstChecksAnswer>;
}

export function firstChecks(deps: FirstChecksDeps): FirstChecks {
  return deps.redis.isCluster ? checksCommandByCommand(deps) : checksInOneScript(deps);
}

/**
 * KEYS: rate counter, captcha answer, duplicate marker, closed flag.
 * ARGV: points, duration (s), take the captcha (1/0), comment id, duplicate window (s).
 * Returns {consumed, ttl ms} when over the limit, else {consumed, ttl, answer, claimed 1/0, closed}.
 * count_event is rate-limiter-flexible's counting (src/store/limit-counter.ts).
 */
const FIRST_CHECKS_LUA = `${COUNT_EVENT_LUA}
local consumed, ttl = count_event(KEYS[1], ARGV[2])
if consumed > tonumber(ARGV[1]) then return {consumed, ttl} end
local answer = false
if ARGV[3] == '1' then answer = redis.call('getdel', KEYS[2]) end
local claimed = redis.call('set', KEYS[3], ARGV[4], 'EX', ARGV[5], 'NX')
return {consumed, ttl, answer, claimed and 1 or 0, redis.call('get', KEYS[4])}
`;

type FirstChecksReply = [number, number, string | null, number, string | null] | [number, number];
type WithFirstChecks = Redis & {
  acceptFirstChecks(keys: [string, string, string, string], ...argv: string[]): Promise<FirstChecksReply>;
};

/** One script, one round trip (a single Redis, or Sentinel's primary). */
export function checksInOneScript(deps: FirstChecksDeps): FirstChecks {
  const { limiter, captcha, duplicates, closedArticles } = deps;
  const redis = deps.redis as WithFirstChecks;
  // ioredis sends EVALSHA, and the script itself once when Redis does not know it yet.
  redis.defineCommand('acceptFirstChecks', { numberOfKeys: 4, lua: FIRST_CHECKS_LUA });
  const windowArg = String(duplicates.windowSeconds);
  return {
    limitOnly: (ip) => limiter.consume(ip),
    async run(query) {
      const answerKey = captcha.answerKey(query.captchaId);
      const counter = limiter.counter(query.ip);
      let reply: FirstChecksReply;
      try {
        reply = await redis.acceptFirstChecks(
          // Not a captcha id: the marker's key stands in for the answer's, and ARGV[3] '0' leaves it alone.
          [counter.key, answerKey ?? duplicates.key(query.duplicate), duplicates.key(query.duplicate), closedArticles.key(query.articleId)],
          String(counter.points),
          String(counter.durationSeconds),
          answerKey === undefined ? '0' : '1',
          query.commentId,
          windowArg,
        );
      } catch (error) {
        throw unavailable(5, error);
      }
      if (reply.length === 2) throw new AppError('rate_limited', undefined, Math.max(1, Math.ceil(reply[1] / 1000)));
      const [, , stored, claimed, closed] = reply;
      return {
        captcha: captcha.judge(stored ?? undefined, query.captchaAnswer),
        claimed: claimed === 1,
        closed: closed === null ? undefined : closed === '1',
      };
    },
  };
}

/** A Redis Cluster: the limiter first, then the three other commands together (one per shard). */
export function checksCommandByCommand(deps: FirstChecksDeps): FirstChecks {
  const { limiter, captcha, duplicates, closedArticles } = deps;
  return {
    limitOnly: (ip) => limiter.consume(ip),
    async run(query) {
      await limiter.consume(query.ip);
      const [verdict, claim, closed] = await Promise.allSettled([
        captcha.verify(query.captchaId, query.captchaAnswer),
        duplicates.claim(query.duplicate, query.commentId),
        closedArticles.cached(query.articleId),
      ]);
      const claimed = claim.status === 'fulfilled' && claim.value;
      if (verdict.status === 'rejected' || claim.status === 'rejected' || closed.status === 'rejected') {
        // Not awaited: when Redis hangs, waiting for this too would push the 503 past 2 s.
        if (claimed) void duplicates.release(query.duplicate, query.commentId).catch(() => {});
        const failed = [verdict, claim, closed].find((r) => r.status === 'rejected') as PromiseRejectedResult;
        throw failed.reason;
      }
      return { captcha: verdict.value, claimed, closed: closed.value };
    },
  };
}
