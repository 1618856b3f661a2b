/**
 * The login and logout use cases, with the limits of OWASP's authentication cheat sheet:
 *
 * - An attempt is counted BEFORE the password is checked, with rate-limiter-flexible's
 *   consume() (one atomic Redis command per counter), so concurrent guesses cannot all slip
 *   through before the first failure is counted: at most RATE_LIMIT_LOGIN guesses per
 *   (client address, account) and RATE_LIMIT_LOGIN_IP per client address (IPv6: per /64) are
 *   ever checked in a window. A correct password gives its attempt back, so only failures
 *   use the limit up; over it, 429 rate_limited with Retry-After.
 * - The account itself is never locked: that would let anyone lock every moderator out.
 *   Failures from anywhere only slow it down: after as many failures as one address may make,
 *   each login attempt for that account waits 100 ms, doubling per further failure, at most
 *   ACCOUNT_DELAY_MAX_MS, before its password is checked. A success clears the account's count.
 * - Unknown emails and disabled accounts take the same time and give the same answer as a
 *   wrong password. Every refusal is logged and counted in admin_login_failures_total{reason}.
 */
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, unavailable } from '../../errors.js';
import { ipBucket } from '../../http/middleware/rate-limit/index.js';
import { adminLoginFailures } from '../../metrics.js';
import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { RedisKeys } from '../../store/keys.js';
import type { ModeratorRole, ModeratorStore } from '../../store/moderators.js';
import { dummyPasswordHash, verifyPassword } from '../../moderation/accounts/password.js';
import { createSession, destroySession, sessionDeps, type Session } from '../../moderation/accounts/sessions.js';

/** What the API and the pages may show about the logged-in moderator. */
export interface SessionUser {
  id: string;
  email: string;
  role: ModeratorRole;
  displayName: string | null;
}

export interface LoginRequest {
  email: string;
  password: string;
  clientIp: string;
}

export interface LoginResult {
  user: SessionUser;
  session: Session;
}

/** Where sessions live: Redis, its keys, and how long a session lasts. */
export interface SessionStoreDeps {
  redis: Redis;
  keys: RedisKeys;
  config: Pick<Config, 'sessionTtlSeconds'>;
}

/** What logging in uses: the session store, the accounts, the login limits and the log. */
export interface AuthDeps extends SessionStoreDeps {
  moderators: Pick<ModeratorStore, 'findByEmail' | 'findById'>;
  config: Pick<Config, 'sessionTtlSeconds' | 'rateLimits'>;
  logger: Logger;
}

/** Why a login was refused: the label of admin_login_failures_total and the log line. */
export type LoginFailureReason = 'bad_password' | 'unknown_account' | 'disabled_account' | 'rate_limited' | 'cross_site';

/** Counts and logs one refused login. Never logs the password, nor an email nobody owns. */
export function recordLoginFailure(
  deps: { logger: Logger },
  reason: LoginFailureReason,
  details: { clientIp: string; moderatorId?: string; retryAfterSeconds?: number; origin?: string },
): void {
  adminLoginFailures.inc({ reason });
  deps.logger.warn({ event: 'admin_login_failed', reason, ...details }, 'moderator login refused');
}

/** First delay of an account with many recent failures, doubled per further failure. */
export const ACCOUNT_DELAY_BASE_MS = 100;
/** The longest an attempt for one account waits before its password is checked. */
export const ACCOUNT_DELAY_MAX_MS = 3_000;

/** Milliseconds an attempt waits when the account has `failures` recent failures. */
export function accountDelayMs(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(ACCOUNT_DELAY_MAX_MS, ACCOUNT_DELAY_BASE_MS * 2 ** Math.min(failures - freeFailures, 20));
}

interface LoginLimiters {
  /** Attempts per (client address, account): strict. */
  pair: RateLimiterRedis;
  /** Attempts per client address, over all accounts: strict. */
  address: RateLimiterRedis;
  /** Failures per account: never refuses, only read for the delay. */
  account: RateLimiterRedis;
}

// One set per (redis connection): rate-limiter-flexible objects are cheap but building them per
// request would be wasteful.
const limiters = new WeakMap<object, LoginLimiters>();

function loginLimiters(deps: AuthDeps): LoginLimiters {
  let set = limiters.get(deps.redis);
  if (!set) {
    const { login, loginIp } = deps.config.rateLimits;
    const make = (name: string, points: number, durationSeconds: number) =>
      new RateLimiterRedis({
        storeClient: deps.redis,
        keyPrefix: deps.keys.rateLimit(name),
        points,
        duration: durationSeconds,
        rejectIfRedisNotReady: true,
      });
    set = {
      pair: make('login-pair', login.points, login.durationSeconds),
      address: make('login-ip', loginIp.points, loginIp.durationSeconds),
      account: make('login-account', Number.MAX_SAFE_INTEGER, login.durationSeconds),
    };
    limiters.set(deps.redis, set);
  }
  return set;
}

const pairKey = (address: string, email: string) => `${address}|${email}`;

/** consume() one point; false when over the limit (with how long to wait), throws 503 when Redis fails. */
async function take(limiter: RateLimiterRedis, key: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw unavailable(5, rejection);
  }
}

/**
 * Counts this attempt against the (address, account) limit, then the address limit, each with
 * one atomic consume(); throws rate_limited when either is spent. An attempt the address limit
 * refuses gives its (address, account) point back: it was never checked.
 */
async function takeAttempt(deps: AuthDeps, address: string, email: string, clientIp: string): Promise<void> {
  const { pair, address: byAddress } = loginLimiters(deps);
  let refused = await take(pair, pairKey(address, email));
  if (refused.ok) {
    refused = await take(byAddress, address);
    if (!refused.ok) await pair.reward(pairKey(address, email), 1).catch(() => {});
  }
  if (!refused.ok) {
    recordLoginFailure(deps, 'rate_limited', { clientIp, retryAfterSeconds: refused.retryAfterSeconds });
    throw new AppError('rate_limited', undefined, refused.retryAfterSeconds);
  }
}

/** Waits as long as the account's recent failures ask for (see the header). */
async function slowDown(deps: AuthDeps, email: string): Promise<void> {
  let failures = 0;
  try {
    failures = (await loginLimiters(deps).account.get(email))?.consumedPoints ?? 0;
  } catch (error) {
    throw unavailable(5, error);
  }
  const ms = accountDelayMs(failures, deps.config.rateLimits.login.points);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

export async function loginUser(deps: AuthDeps, req: LoginRequest): Promise<LoginResult> {
  const email = req.email.trim().toLowerCase();
  const address = ipBucket(req.clientIp);
  await takeAttempt(deps, address, email, req.clientIp);
  await slowDown(deps, email);
  const moderator = await deps.moderators.findByEmail(email);
  // Always run scrypt once, so unknown emails cost the same time as known ones.
  const ok = await verifyPassword(req.password, moderator?.passwordHash ?? (await dummyPasswordHash()));
  if (!moderator || !ok || moderator.disabledAt !== null) {
    const reason = !moderator ? 'unknown_account' : !ok ? 'bad_password' : 'disabled_account';
    await loginLimiters(deps)
      .account.penalty(email, 1)
      .catch((error) => {
        throw unavailable(5, error);
      });
    recordLoginFailure(deps, reason, { clientIp: req.clientIp, moderatorId: moderator?.id });
    throw new AppError('invalid_credentials');
  }
  // A correct password: its attempt is given back, and the account's failures are forgotten.
  const { pair, address: byAddress, account } = loginLimiters(deps);
  await Promise.all([pair.delete(pairKey(address, email)), byAddress.reward(address, 1), account.delete(email)]).catch(() => {});
  const session = await createSession(sessionDeps(deps), moderator.id);
  return { user: toSessionUser(moderator), session };
}

export async function logout(deps: SessionStoreDeps, sessionId: string): Promise<void> {
  await destroySession(sessionDeps(deps), sessionId);
}

export function toSessionUser(m: { id: string; email: string; role: ModeratorRole; displayName: string | null }): SessionUser {
  return { id: m.id, email: m.email, role: m.role, displayName: m.displayName };
}
