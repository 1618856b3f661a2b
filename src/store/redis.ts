/**
 * Redis connections. Three kinds, because BullMQ and the api want opposite things:
 * - `command`: the api's connection. No offline queue and short timeouts, so when Redis is
 *   down a request fails in well under 2 s (503) instead of hanging. Auto-pipelined: the
 *   commands of concurrent requests issued in one event-loop turn go out in one write, which
 *   saves a syscall per command on both sides under load.
 * - `queue`: as `command`, without auto-pipelining, for BullMQ's Queue (BullMQ is not tested
 *   with it; users reported lost job data with Bull).
 * - `blocking`: BullMQ workers. `maxRetriesPerRequest: null`, as BullMQ requires, so a
 *   worker rides out a Redis restart instead of crashing.
 * - `subscriber`: pub/sub listeners (SSE, word-list reloads); reconnects forever.
 *
 * With REDIS_CLUSTER_NODES every one of them is an ioredis `Cluster` with the same options,
 * but never auto-pipelined (see createCluster).
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config.js';
import * as metrics from '../metrics.js';
import { withTimeout } from '../util/timeout.js';

/**
 * Where Redis is: REDIS_URL alone, the Sentinels that name the primary (REDIS_SENTINELS), or
 * the seed nodes of a Cluster (REDIS_CLUSTER_NODES).
 */
export type RedisEndpoint = Pick<Config, 'redisUrl' | 'redisSentinel' | 'redisCluster'>;

export type RedisRole = 'command' | 'blocking' | 'subscriber' | 'queue';

export function redisOptions(role: RedisRole): RedisOptions {
  const base: RedisOptions = {
    connectTimeout: 1_000,
    // Back off up to 1 s between reconnects, forever: Redis coming back must heal us.
    retryStrategy: (times) => Math.min(times * 100, 1_000),
    lazyConnect: false,
  };
  if (role === 'command' || role === 'queue') {
    return { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_500, enableAutoPipelining: role === 'command' };
  }
  return { ...base, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

/**
 * With Sentinel, REDIS_URL still gives the user, password and database; the host comes from
 * the Sentinels. ioredis asks them for the primary at every (re)connect, and with
 * `failoverDetector` it also listens for `+switch-master`, so a failover moves every
 * connection to the new primary within a reconnect, not after a timeout.
 */
export function sentinelOptions(endpoint: RedisEndpoint): RedisOptions {
  const sentinel = endpoint.redisSentinel;
  if (!sentinel) return {};
  return {
    sentinels: sentinel.sentinels,
    name: sentinel.name,
    sentinelPassword: sentinel.password,
    failoverDetector: true,
    // Sentinels unreachable: keep asking, at most once a second (like the reconnects).
    sentinelRetryStrategy: (times) => Math.min(times * 100, 1_000),
  };
}

export function createRedis(endpoint: RedisEndpoint | string, role: RedisRole): Redis {
  const { redisUrl, redisSentinel, redisCluster } = typeof endpoint === 'string' ? { redisUrl: endpoint } : endpoint;
  const redis = redisCluster
    ? createCluster(redisUrl, redisCluster, role)
    : new Redis(redisUrl, { ...redisOptions(role), ...sentinelOptions({ redisUrl, redisSentinel }) });
  // Errors surface through the failing command; an unhandled 'error' event would crash us.
  redis.on('error', () => {});
  if (redisSentinel) reconnectAfterUnintendedEnd(redis);
  return redis;
}

/** A connection parked in "end" by ioredis, not by us, is reconnected after this long. */
const RECONNECT_AFTER_END_MS = 500;

/**
 * ioredis can leave a Sentinel connection in its terminal state "end" without being asked
 * to: when the `+switch-master` message (failoverDetector) arrives while the connection is
 * reconnecting and still asking the sentinels for the primary, the pending connect is
 * aborted and the client ends; every later command fails with "Connection is closed." and
 * nothing reconnects it. We saw an api copy answer 503 for the rest of a rehearsal after a
 * failover (bench/rehearsal.ts; BullMQ works around the same ioredis state in its workers,
 * bullmq#4378). So: a connection that ends while nobody closed it connects again.
 * Our own closes (closeRedis, disconnect, quit) are told apart by wrapping those methods.
 */
function reconnectAfterUnintendedEnd(redis: Redis): void {
  let closedByUs = false;
  const disconnect = redis.disconnect.bind(redis);
  const quit = redis.quit.bind(redis);
  redis.disconnect = (reconnect = false) => {
    if (!reconnect) closedByUs = true;
    disconnect(reconnect);
  };
  redis.quit = ((...args: Parameters<Redis['quit']>) => {
    closedByUs = true;
    return quit(...args);
  }) as Redis['quit'];
  redis.on('end', () => {
    if (closedByUs) return;
    const timer = setTimeout(() => {
      if (!closedByUs && redis.status === 'end') redis.connect().catch(() => {}); // 'end' again: tried again
    }, RECONNECT_AFTER_END_MS);
    timer.unref();
  });
}

/**
 * A Redis Cluster client with the role's options: the reconnect backoff becomes the
 * cluster's, the offline queue stays cluster-wide, and each node connection gets the
 * timeouts, the retries and REDIS_URL's user and password.
 *
 * Never auto-pipelined: ioredis groups a Cluster's auto-pipelines by node, and a pipeline
 * whose commands get MOVED to different slots (every failover, every resharding) is not
 * redirected but fails as a whole (its retry needs one common error), and an EVAL is routed
 * by its script instead of its key (ioredis issue #2109). Each command alone is redirected
 * transparently.
 *
 * Typed as `Redis` on purpose: Cluster and Redis are the same ioredis Commander, so every
 * command the service sends is typed alike, and the 25 modules that take a connection need
 * not change. What only a single Redis has is checked with `isCluster` where it is used:
 * `stream` (connectedAddress: null), `options.db` (0 on a Cluster) and WAIT (sent to the
 * queues' node: replicaWaiter). Commands touching several keys must keep them in one slot:
 * see keys.ts.
 */
function createCluster(redisUrl: string, nodes: NonNullable<RedisEndpoint['redisCluster']>, role: RedisRole): Redis {
  const { retryStrategy, enableOfflineQueue, enableAutoPipelining: _, lazyConnect, ...nodeOptions } = redisOptions(role);
  const url = new URL(redisUrl);
  const cluster = new Cluster(nodes, {
    clusterRetryStrategy: retryStrategy,
    enableOfflineQueue,
    lazyConnect,
    redisOptions: {
      ...nodeOptions,
      username: decodeURIComponent(url.username) || undefined,
      password: decodeURIComponent(url.password) || undefined,
      tls: url.protocol === 'rediss:' ? {} : undefined,
    },
  });
  return cluster as unknown as Redis;
}

/**
 * Closes a connection after the commands already sent have been answered (QUIT), so writes
 * fired without waiting (an idempotent answer, a duplicate marker given back) land before the
 * process exits. Bounded: a Redis that is down or hanging gets the connection dropped.
 */
export async function closeRedis(redis: Redis, timeoutMs = 1_000): Promise<void> {
  if (redis.status !== 'ready') return void redis.disconnect();
  try {
    await withTimeout(redis.quit(), timeoutMs, 'QUIT');
  } catch {
    redis.disconnect();
  }
}

/** Resolves when the connection is ready, or rejects after timeoutMs. */
export async function waitForRedis(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not reachable within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}

/**
 * What a newcomer whose Redis is not running reads when the service will not start: the
 * address it tried (password hidden) and the two ways to get a Redis on this machine.
 */
export function redisUnreachableMessage(endpoint: RedisEndpoint, timeoutMs: number): string {
  if (endpoint.redisCluster) {
    const where = endpoint.redisCluster.map((n) => `${n.host}:${n.port}`).join(',');
    return `Redis Cluster not reachable through its nodes ${where} (REDIS_CLUSTER_NODES) within ${timeoutMs} ms.`;
  }
  if (endpoint.redisSentinel) {
    const { sentinels, name } = endpoint.redisSentinel;
    const where = sentinels.map((s) => `${s.host}:${s.port}`).join(',');
    return `Redis primary "${name}" not reachable through the Sentinels ${where} (REDIS_SENTINELS, REDIS_SENTINEL_NAME) within ${timeoutMs} ms.`;
  }
  const url = endpoint.redisUrl;
  return [
    `Redis not reachable at ${redactedUrl(url)} (REDIS_URL) within ${timeoutMs} ms.`,
    'Start one: `apt-get install redis-server` (then `redis-server`),',
    "or `docker compose up -d redis` with this repository's docker-compose.yml;",
    'or set REDIS_URL to a Redis you have.',
  ].join(' ');
}

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable REDIS_URL)';
  }
}

/** `host:port` of the server this connection talks to now (the primary, with Sentinel). */
export function connectedAddress(redis: Redis): string | null {
  const socket = redis.stream;
  return socket?.remoteAddress ? `${socket.remoteAddress}:${socket.remotePort}` : null;
}

/**
 * Calls `onChange(from, to)` whenever the connection becomes ready on another server than
 * before: a Sentinel failover seen from this process (a plain reconnect to the same Redis is
 * not one).
 */
export function watchPrimary(redis: Redis, onChange: (from: string, to: string) => void): void {
  let known = redis.status === 'ready' ? connectedAddress(redis) : null;
  redis.on('ready', () => {
    const now = connectedAddress(redis);
    if (known && now && now !== known) onChange(known, now);
    if (now) known = now;
  });
}

/** How often the api reads how many replicas its primary has (INFO replication). */
const REPLICA_COUNT_REFRESH_MS = 1_000;

export interface ReplicaWaiter {
  /** Replicas to wait for now: the setting, but never more than the primary has connected. */
  required(): number;
  /** WAIT on the queues' connection: how many replicas hold every write made on it so far (compare with required() after it). */
  wait(): Promise<number>;
  close(): void;
}

/**
 * WAIT for `setting.replicas` replicas on `connection` (the one BullMQ adds jobs on). A
 * primary that has fewer replicas connected than that (after a failover promoted the only
 * one, until the old primary comes back as a replica) is waited on for those it has: the
 * service keeps accepting on one node rather than refusing everyone; the gauge
 * redis_connected_replicas shows it.
 *
 * On a Cluster, WAIT and INFO go to the primary serving `queueKey`'s slot (every BullMQ key
 * shares it), over the very node connection ioredis sends BullMQ's writes on, so WAIT counts
 * the replicas holding them. After a failover the slot's new primary is looked up again.
 */
export function replicaWaiter(connection: Redis, setting: Config['redisReplicaAcks'], queueKey: string): ReplicaWaiter {
  let connected = setting.replicas;
  let timer: NodeJS.Timeout | undefined;
  const writer = queueWriter(connection, queueKey);
  const refresh = async () => {
    try {
      const info = await (await writer()).info('replication');
      connected = Number(/^connected_slaves:(\d+)/m.exec(info)?.[1] ?? 0);
      metrics.redisConnectedReplicas.set(connected);
    } catch {
      // Redis unreachable: the accept path fails on its own; keep the last count.
    }
  };
  // Polled only once the accept path asks (an api copy); worker processes never do. The first
  // WAIT waits for the first count: a primary without replicas must not cost a timeout.
  let counted: Promise<void> | undefined;
  const watch = () => {
    if (timer || setting.replicas === 0) return;
    counted = refresh();
    timer = setInterval(refresh, REPLICA_COUNT_REFRESH_MS);
    timer.unref();
    connection.on('ready', refresh);
  };
  const required = () => {
    watch();
    return Math.min(setting.replicas, connected);
  };
  return {
    required,
    wait: async () => {
      await counted;
      return (await writer()).wait(required(), setting.timeoutMs);
    },
    close: () => clearInterval(timer),
  };
}

/** The connection BullMQ's writes to `queueKey`'s slot travel on: itself, or a Cluster's node connection. */
function queueWriter(connection: Redis, queueKey: string): () => Promise<Redis> {
  if (!connection.isCluster) return async () => connection;
  const cluster = connection as unknown as Cluster;
  let slot: number | undefined;
  return async () => {
    slot ??= Number(await cluster.cluster('KEYSLOT', queueKey));
    const address = cluster.slots[slot]?.[0];
    const node = cluster.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === address);
    // Gone (killed, failing over) until ioredis learns the new owner of the slot: a 503.
    if (!node) throw new Error(`Redis Cluster node serving slot ${slot} not connected`);
    return node;
  };
}
