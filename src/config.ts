/**
 * Every setting of the service, read from the environment and validated once at start.
 * A bad value stops the start with one clear line (see src/main.ts). Only two other places
 * read process.env: src/main.ts (ROLE, the process role) and the filter command line
 * (FILTER_SITE_DOMAINS), which must run without the service's configuration.
 */
import { z } from 'zod';
import { configProblem, passwordProblem } from './util/password-policy.js';

/** `count/seconds`, e.g. `5/60`: at most `count` events per `seconds` window. */
export interface RateLimitSetting {
  points: number;
  durationSeconds: number;
}

export interface RedisSentinelAddress {
  host: string;
  port: number;
}

/** REDIS_SENTINELS, REDIS_SENTINEL_NAME, REDIS_SENTINEL_PASSWORD. */
export interface RedisSentinelSetting {
  sentinels: RedisSentinelAddress[];
  /** The master name the Sentinels monitor (`sentinel monitor <name> …`). */
  name: string;
  /** Sentinel's own password (`requirepass` of the sentinels), when they have one. */
  password?: string;
}

const rateLimit = z
  .string()
  .regex(/^\d{1,9}\/\d{1,6}$/, 'must look like count/seconds, e.g. 5/60')
  .transform((value): RateLimitSetting => {
    const [points, durationSeconds] = value.split('/').map(Number);
    return { points, durationSeconds };
  })
  .refine((r) => r.points > 0 && r.durationSeconds > 0, 'count and seconds must be positive');

const flag = (fallback: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', 'on', 'off', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'on', 'yes'].includes(v)));

/** A flag whose default depends on other settings (resolved in loadConfig). */
const optionalFlag = z
  .enum(['0', '1', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['1', 'true', 'on', 'yes'].includes(v)));

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** `host:port,host:port`: the Sentinels to ask for the primary (REDIS_SENTINELS), or a Cluster's seed nodes. */
const hostPorts = list
  .refine((entries) => entries.every((e) => /^[^\s:]+:\d{1,5}$/.test(e)), 'must be host:port,host:port')
  .transform((entries): RedisSentinelAddress[] =>
    entries.map((e) => {
      const at = e.lastIndexOf(':');
      return { host: e.slice(0, at), port: Number(e.slice(at + 1)) };
    }),
  );

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: int(8080, 0, 65535),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    REDIS_SENTINELS: hostPorts,
    REDIS_SENTINEL_NAME: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ or - only')
      .optional(),
    REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
    // Seed nodes of a Redis Cluster: ioredis learns the rest (and every slot move) from them.
    REDIS_CLUSTER_NODES: hostPorts,
    // Replicas that must hold an accepted comment's job before the 202 (Redis WAIT). Unset: 1
    // with Sentinel or Cluster (a failover then loses no accepted comment), 0 with a single Redis.
    REDIS_MIN_REPLICA_ACKS: z.coerce.number().int().min(0).max(10).optional(),
    REDIS_REPLICA_ACK_TIMEOUT_MS: int(500, 10, 1_500),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or - only')
      .default('cm'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    DATA_DIR: z.string().default('./data'),

    ALLOWED_ORIGINS: list,
    // How many proxies of ours stand in front (API.md): the client IP is the Nth
    // X-Forwarded-For address from the right. A count, not a flag: "true" would not say which hop.
    TRUST_PROXY: z
      .string()
      .regex(/^\d{1,2}$/, 'must be a non-negative integer: how many proxies of ours stand in front (0 = none)')
      .default('0')
      .transform(Number),
    // Default: on, except in production (a sample page has no place on a newsroom's domain).
    DEMO: optionalFlag,
    API_DOCS: flag(true),
    SITE_DOMAINS: list,

    CAPTCHA_TTL_SECONDS: int(300, 10, 86_400),
    CAPTCHA_TEST_ANSWER: z.string().min(1).optional(),
    CAPTCHA_POOL_SIZE: int(200, 0, 100_000),
    // Render threads of each worker process's pool refiller; 0 = by role (src/captcha/index.ts).
    CAPTCHA_RENDER_THREADS: int(0, 0, 16),
    RATE_LIMIT_CAPTCHAS: rateLimit.prefault('30/60'),
    RATE_LIMIT_COMMENTS: rateLimit.prefault('5/60'),
    RATE_LIMIT_LOGIN: rateLimit.prefault('10/900'),
    RATE_LIMIT_LOGIN_IP: rateLimit.prefault('30/900'),
    RATE_LIMIT_REACTIONS: rateLimit.prefault('60/60'),
    RATE_LIMIT_REPORTS: rateLimit.prefault('10/60'),

    AUTO_REJECT: flag(true),
    WORKER_CONCURRENCY: int(128, 1, 256),

    ADMIN_EMAIL: z.string().email().optional(),
    // Checked against the password policy below: refused in production, a warning elsewhere.
    ADMIN_PASSWORD: z.string().optional(),
    SESSION_TTL_SECONDS: int(8 * 3600, 60, 30 * 86_400),

    SITE_WEBHOOK_URL: url(['http:', 'https:']).optional(),
    SITE_WEBHOOK_SECRET: z.string().min(1).optional(),
    WEBHOOK_BACKOFF_MS: int(10_000, 1, 3_600_000),
    WEBHOOK_BACKOFF_MAX_MS: int(3_600_000, 1, 86_400_000),
    WEBHOOK_RETRY_HOURS: int(25, 0, 24 * 30),
    WEBHOOK_TIMEOUT_MS: int(10_000, 100, 120_000),
    COUNT_CACHE_TTL_SECONDS: int(60, 1, 86_400),
    OUTBOX_SWEEP_MS: int(5_000, 100, 600_000),

    METRICS_TOKEN: z.string().min(1).optional(),
    METRICS_PUBLIC: flag(false),
    WORKER_HEARTBEAT_MAX_AGE_SECONDS: int(60, 5, 3600),
    SHUTDOWN_TIMEOUT_MS: int(10_000, 100, 600_000),
    RETENTION_REJECTED_DAYS: int(90, 1, 36_500),
    RETENTION_IP_DAYS: int(30, 1, 36_500),
    PRIVACY_URL: url(['http:', 'https:']).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.CAPTCHA_TEST_ANSWER !== undefined && env.NODE_ENV !== 'test') {
      ctx.addIssue({
        code: 'custom',
        path: ['CAPTCHA_TEST_ANSWER'],
        message: 'is only allowed with NODE_ENV=test',
      });
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
    const adminPasswordProblem = env.ADMIN_PASSWORD === undefined ? null : passwordProblem(env.ADMIN_PASSWORD, env.ADMIN_EMAIL);
    if (adminPasswordProblem && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: configProblem(adminPasswordProblem) });
    }
    if (env.REDIS_SENTINELS.length > 0 && !env.REDIS_SENTINEL_NAME) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_SENTINEL_NAME'],
        message: 'is required when REDIS_SENTINELS is set (the master name Sentinel monitors)',
      });
    }
    if (env.REDIS_CLUSTER_NODES.length > 0) clusterProblems(env, ctx);
    if (env.SITE_WEBHOOK_URL && !env.SITE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SITE_WEBHOOK_SECRET'], message: 'is required when SITE_WEBHOOK_URL is set' });
    }
  });

type Env = z.output<typeof schema>;

/** What a Redis Cluster cannot be combined with: Sentinel, a database number (see OPERATIONS.md). */
function clusterProblems(env: Pick<Env, 'REDIS_SENTINELS' | 'REDIS_URL'>, ctx: z.RefinementCtx): void {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (env.REDIS_SENTINELS.length > 0) {
    problem('REDIS_CLUSTER_NODES', 'and REDIS_SENTINELS exclude each other (a Cluster fails over by itself; Sentinel watches one primary)');
  }
  // A Cluster has database 0 only (SELECT is refused).
  const given = URL.canParse(env.REDIS_URL) ? new URL(env.REDIS_URL) : null;
  if (given && (!/^\/?0?$/.test(given.pathname) || /^[1-9]/.test(given.searchParams.get('db') ?? ''))) {
    problem('REDIS_URL', 'must not name a database with REDIS_CLUSTER_NODES (a Redis Cluster has database 0 only)');
  }
}

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  /**
   * Redis: the URL gives the user, password and database (and the host when there is no
   * Sentinel or Cluster); with `redisSentinel` set, the primary is whatever the Sentinels name.
   */
  redisUrl: string;
  redisSentinel?: RedisSentinelSetting;
  /** Seed nodes of a Redis Cluster (REDIS_CLUSTER_NODES); every connection is then an ioredis Cluster. */
  redisCluster?: RedisSentinelAddress[];
  /** Replicas that must acknowledge a moderation job before the comment is accepted (WAIT). */
  redisReplicaAcks: { replicas: number; timeoutMs: number };
  /** Namespace of every Redis key and BullMQ queue, so several deployments or tests share one Redis. */
  redisPrefix: string;
  /** Unset: embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Empty: any origin (development only; production should always list its origins). */
  allowedOrigins: string[];
  /** Proxies of ours in front: the client IP is the Nth X-Forwarded-For address from the right (0: the socket). */
  trustProxy: number;
  demo: boolean;
  /** GET /openapi.json and /docs (API_DOCS=0 turns them off; they hold nothing secret). */
  apiDocs: boolean;
  siteDomains: string[];
  captcha: { ttlSeconds: number; testAnswer: string | undefined; poolSize: number; renderThreads: number };
  /**
   * login: failed logins per (client address, account); loginIp: per client address over all accounts;
   * reactions: likes and unlikes per client address; reports: readers' reports per client address.
   */
  rateLimits: {
    captchas: RateLimitSetting;
    comments: RateLimitSetting;
    login: RateLimitSetting;
    loginIp: RateLimitSetting;
    reactions: RateLimitSetting;
    reports: RateLimitSetting;
  };
  autoReject: boolean;
  workerConcurrency: number;
  admin: { email: string; password: string } | undefined;
  sessionTtlSeconds: number;
  webhook: { url: string; secret: string } | undefined;
  /** Retries of a failed webhook: exponential from backoffMs, capped at backoffMaxMs, for at least retryHours. */
  webhookDelivery: { backoffMs: number; backoffMaxMs: number; retryHours: number; timeoutMs: number };
  /** Lifetime of a cached article count in Redis: the bound on staleness if a refresh was lost. */
  countCacheTtlSeconds: number;
  /** How often each worker enqueues publish jobs the api could not (Redis down at decision time). */
  outboxSweepMs: number;
  metricsToken: string | undefined;
  /** /metrics without a token in production (a private network); without it production answers 401. */
  metricsPublic: boolean;
  workerHeartbeatMaxAgeSeconds: number;
  shutdownTimeoutMs: number;
  retention: { rejectedDays: number; ipDays: number };
  /** The site's privacy policy, linked from the consent line under the widget's form (unset: no link). */
  privacyUrl: string | undefined;
}

/** Raised for a bad setting; its message is the one line printed before exit code 1. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Treat empty strings as unset: `FOO=` in a compose file means "no value".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
    redisSentinel:
      e.REDIS_SENTINELS.length > 0 && e.REDIS_SENTINEL_NAME
        ? { sentinels: e.REDIS_SENTINELS, name: e.REDIS_SENTINEL_NAME, password: e.REDIS_SENTINEL_PASSWORD }
        : undefined,
    redisCluster: e.REDIS_CLUSTER_NODES.length > 0 ? e.REDIS_CLUSTER_NODES : undefined,
    redisReplicaAcks: {
      replicas: e.REDIS_MIN_REPLICA_ACKS ?? (e.REDIS_SENTINELS.length > 0 || e.REDIS_CLUSTER_NODES.length > 0 ? 1 : 0),
      timeoutMs: e.REDIS_REPLICA_ACK_TIMEOUT_MS,
    },
    redisPrefix: e.REDIS_PREFIX,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    allowedOrigins: e.ALLOWED_ORIGINS,
    trustProxy: e.TRUST_PROXY,
    demo: e.DEMO ?? e.NODE_ENV !== 'production',
    apiDocs: e.API_DOCS,
    siteDomains: e.SITE_DOMAINS,
    captcha: {
      ttlSeconds: e.CAPTCHA_TTL_SECONDS,
      testAnswer: e.CAPTCHA_TEST_ANSWER,
      poolSize: e.CAPTCHA_POOL_SIZE,
      renderThreads: e.CAPTCHA_RENDER_THREADS,
    },
    rateLimits: {
      captchas: e.RATE_LIMIT_CAPTCHAS,
      comments: e.RATE_LIMIT_COMMENTS,
      login: e.RATE_LIMIT_LOGIN,
      loginIp: e.RATE_LIMIT_LOGIN_IP,
      reactions: e.RATE_LIMIT_REACTIONS,
      reports: e.RATE_LIMIT_REPORTS,
    },
    autoReject: e.AUTO_REJECT,
    workerConcurrency: e.WORKER_CONCURRENCY,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    webhook: e.SITE_WEBHOOK_URL && e.SITE_WEBHOOK_SECRET ? { url: e.SITE_WEBHOOK_URL, secret: e.SITE_WEBHOOK_SECRET } : undefined,
    webhookDelivery: {
      backoffMs: e.WEBHOOK_BACKOFF_MS,
      backoffMaxMs: e.WEBHOOK_BACKOFF_MAX_MS,
      retryHours: e.WEBHOOK_RETRY_HOURS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
    countCacheTtlSeconds: e.COUNT_CACHE_TTL_SECONDS,
    outboxSweepMs: e.OUTBOX_SWEEP_MS,
    metricsToken: e.METRICS_TOKEN,
    metricsPublic: e.METRICS_PUBLIC,
    workerHeartbeatMaxAgeSeconds: e.WORKER_HEARTBEAT_MAX_AGE_SECONDS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    retention: { rejectedDays: e.RETENTION_REJECTED_DAYS, ipDays: e.RETENTION_IP_DAYS },
    privacyUrl: e.PRIVACY_URL,
  };
}
