/**
 * The login and logout use cases. Login is rate limited on failures, per client IP and per
 * email (RATE_LIMIT_LOGIN): a correct password is never counted, and a success clears the
 * email's counter. Unknown emails and disabled accounts take the same time and give the same
 * answer as a wrong password.
 */
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, unavailable } from '../../errors.js';
import type { Services } from '../../services.js';
import type { ModeratorRole } from '../../store/moderators.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSession, destroySession, type Session, type SessionDeps } from './sessions.js';

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

export type AuthDeps = Pick<Services, 'redis' | 'keys' | 'moderators' | 'config'>;

export function sessionDeps(deps: Pick<Services, 'redis' | 'keys' | 'config'>): SessionDeps {
  return { redis: deps.redis, keys: deps.keys, ttlSeconds: deps.config.sessionTtlSeconds };
}

// One limiter per (redis connection, prefix): rate-limiter-flexible objects are cheap but
// building one per request would be wasteful.
const limiters = new WeakMap<object, { ip: RateLimiterRedis; email: RateLimiterRedis }>();

function loginLimiters(deps: AuthDeps) {
  let pair = limiters.get(deps.redis);
  if (!pair) {
    const { points, durationSeconds } = deps.config.rateLimits.login;
    const make = (name: string) =>
      new RateLimiterRedis({
        storeClient: deps.redis,
        keyPrefix: deps.keys.rateLimit(name),
        points,
        duration: durationSeconds,
        rejectIfRedisNotReady: true,
      });
    pair = { ip: make('login-ip'), email: make('login-email') };
    limiters.set(deps.redis, pair);
  }
  return pair;
}

/** Throws rate_limited when either counter is already spent. */
async function checkNotLimited(deps: AuthDeps, ip: string, email: string): Promise<void> {
  const { ip: byIp, email: byEmail } = loginLimiters(deps);
  const { points } = deps.config.rateLimits.login;
  let states: Array<RateLimiterRes | null>;
  try {
    states = await Promise.all([byIp.get(ip), byEmail.get(email)]);
  } catch (error) {
    throw unavailable(5, error);
  }
  const spent = states.filter((s): s is RateLimiterRes => s !== null && s.consumedPoints >= points);
  if (spent.length) {
    const waitMs = Math.max(...spent.map((s) => s.msBeforeNext));
    throw new AppError('rate_limited', undefined, Math.max(1, Math.ceil(waitMs / 1000)));
  }
}

async function countFailure(deps: AuthDeps, ip: string, email: string): Promise<void> {
  const { ip: byIp, email: byEmail } = loginLimiters(deps);
  // penalty() adds points without rejecting; the next attempt's check answers the 429.
  await Promise.all([byIp.penalty(ip), byEmail.penalty(email)]).catch((error) => {
    throw unavailable(5, error);
  });
}

export async function loginUser(deps: AuthDeps, req: LoginRequest): Promise<LoginResult> {
  const email = req.email.trim().toLowerCase();
  await checkNotLimited(deps, req.clientIp, email);
  const moderator = await deps.moderators.findByEmail(email);
  // Always run scrypt once, so unknown emails cost the same time as known ones.
  const ok = await verifyPassword(req.password, moderator?.passwordHash ?? (await dummyPasswordHash()));
  if (!moderator || !ok || moderator.disabledAt !== null) {
    await countFailure(deps, req.clientIp, email);
    throw new AppError('invalid_credentials');
  }
  await loginLimiters(deps).email.delete(email).catch(() => {});
  const session = await createSession(sessionDeps(deps), moderator.id);
  return { user: toSessionUser(moderator), session };
}

export async function logout(deps: Pick<Services, 'redis' | 'keys' | 'config'>, sessionId: string): Promise<void> {
  await destroySession(sessionDeps(deps), sessionId);
}

export function toSessionUser(m: { id: string; email: string; role: ModeratorRole; displayName: string | null }): SessionUser {
  return { id: m.id, email: m.email, role: m.role, displayName: m.displayName };
}
