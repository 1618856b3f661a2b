/**
 * Every Redis key the service uses, spelled in one place. All keys live under the
 * deployment's prefix (REDIS_PREFIX), so tests and several deployments share one Redis.
 * BullMQ's own keys use `queuePrefix`, which carries a hash tag so a Redis Cluster keeps a
 * queue's keys in one slot.
 *
 * On a Redis Cluster (REDIS_CLUSTER_NODES) a command or script may only touch keys of one
 * slot. Ours do: every script and MULTI touches one key (rate-limiter-flexible's too); the
 * only multi-key ones are BullMQ's and retention's (src/retention/jobs.ts), all under
 * `queuePrefix`, and the accept path's first checks (src/comments/first-checks.ts), which a
 * Cluster runs as separate commands; several counts are read key by key on a Cluster (count-cache.ts), not with
 * MGET, and the captcha's limit-and-answer script (captcha/store.ts) runs as two commands.
 * The other keys carry no hash tag on purpose, so they spread over the shards.
 * tests/store/redis-cluster.test.ts checks this on a real cluster.
 *
 * Pub/sub channels are not keys: Redis delivers a message to every subscriber of the server,
 * whatever database number either side SELECTed. So channel names carry the database number
 * as well as the prefix (`<prefix>:db<n>:events`), and two deployments on one server — other
 * prefix, or same prefix on another database — never hear each other.
 */
export interface RedisKeys {
  /** BullMQ `prefix` option for every Queue and Worker. */
  readonly queuePrefix: string;
  /** Answer of one issued captcha (string, TTL, deleted on first verification). */
  captchaAnswer(id: string): string;
  /** List of pre-rendered captchas ready to issue (JSON `{image, answer}` entries). */
  readonly captchaPool: string;
  /** Lock held by the one api copy refilling the captcha pool (SET NX PX). */
  readonly captchaPoolLock: string;
  /** Key prefix handed to rate-limiter-flexible, one per limit name. */
  rateLimit(name: string): string;
  /** First answer given to an Idempotency-Key (24 h). */
  idempotency(key: string): string;
  /** Marker of a recent comment (author, article, content hash) for the 10-minute duplicate rule. */
  duplicate(hash: string): string;
  /** A moderator session. */
  session(id: string): string;
  /** Ids of one moderator's sessions (set), so a password change or a disabled account ends them all. */
  moderatorSessions(moderatorId: string): string;
  /** Cached approved count of one article. */
  count(articleId: string): string;
  /** Cached "comments closed?" of one article: `1` or `0` (TTL; PostgreSQL's articles table is the record). */
  articleClosed(articleId: string): string;
  /** Pub/sub channel for live moderation events (SSE); carries prefix and database number. */
  readonly eventsChannel: string;
  /** Pub/sub channel announcing word-list changes to every worker; carries prefix and database number. */
  readonly lexiconChannel: string;
  /** Last heartbeat of a worker process (TTL). */
  workerHeartbeat(workerId: string): string;
  /** Pattern-free set of live worker ids, for readiness without a key scan. */
  readonly workers: string;
}

export interface RedisKeyOptions {
  /** The database number the connections SELECT (from REDIS_URL); 0 when not given. */
  db?: number;
}

export function redisKeys(prefix: string, options: RedisKeyOptions = {}): RedisKeys {
  const k = (...parts: string[]) => [prefix, ...parts].join(':');
  // Channels are server-wide: the database number goes into the name (see above).
  const channel = (name: string) => k(`db${options.db ?? 0}`, name);
  return {
    queuePrefix: `{${prefix}}`,
    captchaAnswer: (id) => k('captcha', id),
    captchaPool: k('captcha-pool'),
    captchaPoolLock: k('captcha-pool-lock'),
    rateLimit: (name) => k('rl', name),
    idempotency: (key) => k('idem', key),
    duplicate: (hash) => k('dup', hash),
    session: (id) => k('session', id),
    moderatorSessions: (moderatorId) => k('sessions-of', moderatorId),
    count: (articleId) => k('count', articleId),
    articleClosed: (articleId) => k('closed', articleId),
    eventsChannel: channel('events'),
    lexiconChannel: channel('lexicon'),
    workerHeartbeat: (workerId) => k('worker', workerId),
    workers: k('workers'),
  };
}
