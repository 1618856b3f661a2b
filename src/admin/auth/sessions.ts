/**
 * Moderator sessions in Redis, shared by every api copy. The id is 256 random bits (the
 * cookie value); the session holds the moderator id and its CSRF token. The TTL slides: every
 * use extends it (GETEX), so an active moderator stays logged in and an idle one does not.
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
  keys: Pick<RedisKeys, 'session'>;
  ttlSeconds: number;
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/; // 32 bytes in base64url

const randomToken = () => randomBytes(32).toString('base64url');

export async function createSession(deps: SessionDeps, moderatorId: string): Promise<Session> {
  const session: Session = { id: randomToken(), moderatorId, csrfToken: randomToken(), createdAt: new Date().toISOString() };
  const { id, ...stored } = session;
  await deps.redis.set(deps.keys.session(id), JSON.stringify(stored), 'EX', deps.ttlSeconds);
  return session;
}

/** The session for a cookie value, its TTL extended; null when unknown, expired or malformed. */
export async function loadSession(deps: SessionDeps, id: string | undefined): Promise<Session | null> {
  if (!id || !SESSION_ID.test(id)) return null;
  const raw = await deps.redis.getex(deps.keys.session(id), 'EX', deps.ttlSeconds);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Omit<Session, 'id'>;
    if (typeof stored.moderatorId !== 'string' || typeof stored.csrfToken !== 'string') return null;
    return { id, ...stored };
  } catch {
    return null;
  }
}

export async function destroySession(deps: SessionDeps, id: string): Promise<void> {
  if (SESSION_ID.test(id)) await deps.redis.del(deps.keys.session(id));
}
