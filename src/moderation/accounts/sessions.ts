/**
 * Moderator sessions in Redis, shared by every api copy. The id is 256 random bits (the
 * cookie value); the session holds the moderator id and its CSRF token. The TTL slides: every
 * use extends it (GETEX), so an active moderator stays logged in and an idle one does not.
 *
 * Each moderator's session ids are also kept in a set (keys.moderatorSessions), so that
 * revokeSessions() ends all of them when the password changes or the account is disabled,
 * without a key scan. Ids of sessions that expired on their own are pruned at each login.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../../store/keys.js';

export interface Session {
  id: string;
  moderatorId: string;
  /** Bound to this session: a token from another session never passes. */
  csrfToken: string;
  /** ISO time of the login. */
  createdAt: string;
}

export interface SessionDeps {
  redis: Redis;
  keys: Pick<RedisKeys, 'session' | 'moderatorSessions'>;
  ttlSeconds: number;
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/; // 32 bytes in base64url

const randomToken = () => randomBytes(32).toString('base64url');

/** What the session functions need, from the composition root's Redis, keys and config. */
export function sessionDeps(deps: { redis: Redis; keys: RedisKeys; config: { sessionTtlSeconds: number } }): SessionDeps {
  return { redis: deps.redis, keys: deps.keys, ttlSeconds: deps.config.sessionTtlSeconds };
}

export async function createSession(deps: SessionDeps, moderatorId: string): Promise<Session> {
  const session: Session = { id: randomToken(), moderatorId, csrfToken: randomToken(), createdAt: new Date().toISOString() };
  const { id, ...stored } = session;
  await deps.redis.set(deps.keys.session(id), JSON.stringify({ ...stored, indexed: true }), 'EX', deps.ttlSeconds);
  await pruneSessionIndex(deps, moderatorId);
  await deps.redis.sadd(deps.keys.moderatorSessions(moderatorId), id);
  return session;
}

/** The session for a cookie value, its TTL extended; null when unknown, expired or malformed. */
export async function loadSession(deps: SessionDeps, id: string | undefined): Promise<Session | null> {
  if (!id || !SESSION_ID.test(id)) return null;
  const raw = await deps.redis.getex(deps.keys.session(id), 'EX', deps.ttlSeconds);
  if (!raw) return null;
  let stored: Omit<Session, 'id'> & { indexed?: boolean };
  try {
    stored = JSON.parse(raw) as Omit<Session, 'id'> & { indexed?: boolean };
    if (typeof stored.moderatorId !== 'string' || typeof stored.csrfToken !== 'string') return null;
  } catch {
    return null;
  }
  const { indexed, ...session } = stored;
  // A session created before sessions were indexed joins its moderator's set on first use, so
  // revokeSessions() reaches it too; once only (the flag is stored with it).
  if (indexed !== true) {
    await deps.redis.sadd(deps.keys.moderatorSessions(session.moderatorId), id);
    await deps.redis.set(deps.keys.session(id), JSON.stringify({ ...session, indexed: true }), 'KEEPTTL', 'XX');
  }
  return { id, ...session };
}

export async function destroySession(deps: SessionDeps, id: string): Promise<void> {
  if (SESSION_ID.test(id)) await deps.redis.del(deps.keys.session(id));
}

/**
 * Ends every session of a moderator, except `keep` (the session a moderator changed their own
 * password from). Returns how many ended. Call it after the change is committed, so a login
 * racing with it already checks the new password or the disabled flag.
 */
export async function revokeSessions(deps: SessionDeps, moderatorId: string, options: { keep?: string } = {}): Promise<number> {
  const index = deps.keys.moderatorSessions(moderatorId);
  const ids = (await deps.redis.smembers(index)).filter((id) => id !== options.keep);
  if (ids.length === 0) return 0;
  // One DEL per key rather than one DEL of many: session keys need not share a Cluster slot.
  await Promise.all(ids.map((id) => deps.redis.del(deps.keys.session(id))));
  await deps.redis.srem(index, ...ids);
  return ids.length;
}

/** Drops from the moderator's set the ids whose session expired on its own. */
async function pruneSessionIndex(deps: SessionDeps, moderatorId: string): Promise<void> {
  const index = deps.keys.moderatorSessions(moderatorId);
  const ids = await deps.redis.smembers(index);
  if (ids.length === 0) return;
  const alive = await Promise.all(ids.map((id) => deps.redis.exists(deps.keys.session(id))));
  const gone = ids.filter((_, i) => alive[i] === 0);
  if (gone.length) await deps.redis.srem(index, ...gone);
}
