/**
 * The composition root: opens every connection once and hands the api and the workers the
 * same set of services. Tests build it with their own config (own Redis prefix, own database).
 */
import type { Redis } from 'ioredis';
import { createCaptchaService, type CaptchaService } from './captcha/index.js';
import type { Config } from './config.js';
import { createFilterEngine, type FilterEngine } from './filters/index.js';
import { createLogger, type Logger } from './logger.js';
import { createLifecycle, type Lifecycle } from './ops/lifecycle.js';
import { createQueues, type Queues } from './queues/index.js';
import { CommentStore } from './store/comments.js';
import { CommentListing } from './store/comment-listing.js';
import { ModeratorStore } from './store/moderators.js';
import { AuditStore } from './store/audit.js';
import { CountStore } from './store/counts.js';
import { DecisionStore } from './store/decisions.js';
import { OutboxStore } from './store/outbox.js';
import { CountCache } from './publish/count-cache.js';
import { ensureBootstrapAdmin } from './moderation/accounts/bootstrap.js';
import { openDb, type Db } from './store/db.js';
import { redisKeys, type RedisKeys } from './store/keys.js';
import { migrate } from './store/migrate.js';
import { closeRedis, createRedis, waitForRedis } from './store/redis.js';

export interface Services {
  config: Config;
  logger: Logger;
  db: Db;
  /** The api's command connection: fails fast when Redis is down. */
  redis: Redis;
  keys: RedisKeys;
  queues: Queues;
  comments: CommentStore;
  /** Every keyset-paged list of comments: the queue page, the admin API, the public list. */
  commentListing: CommentListing;
  moderators: ModeratorStore;
  /** Moderator decisions (conditional update + decisions + audit + counts in one transaction). */
  decisions: DecisionStore;
  /** Publish jobs written with their decision, until they reach the queue (migration 101). */
  outbox: OutboxStore;
  audit: AuditStore;
  /** Approved counts per article: memory → Redis → PostgreSQL. */
  countCache: CountCache;
  filter: FilterEngine;
  /** Issues and verifies captchas; its pool refiller starts on the first issue. */
  captcha: CaptchaService;
  /** Set draining on SIGTERM so /readyz answers 503 while requests and jobs finish. */
  lifecycle: Lifecycle;
  /** Functions run on close, latest first (workers, timers, subscribers register here). */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export interface ServiceOptions {
  logger?: Logger;
  /** Overrides the PGlite directory (tests use `memory://`). */
  dataDir?: string;
}

export async function createServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: options.dataDir ?? config.dataDir });
  const closers: Array<() => Promise<void> | void> = [];
  try {
    const applied = await migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const moderators = new ModeratorStore(db);
    await ensureBootstrapAdmin({ config, moderators, logger });
    const redis = createRedis(config.redisUrl, 'command');
    closers.push(() => closeRedis(redis));
    await waitForRedis(redis, 10_000);
    // The database number as ioredis SELECTs it from REDIS_URL (path or ?db=): pub/sub channels carry it.
    const keys = redisKeys(config.redisPrefix, { db: redis.options.db ?? 0 });
    // Queues get their own connection: BullMQ may block on it, the api's must stay fast.
    const queueConnection = createRedis(config.redisUrl, 'queue');
    closers.push(() => void queueConnection.disconnect());
    const queues = createQueues(queueConnection, keys.queuePrefix, { retention: config.retention });
    // Without a listener BullMQ prints every reconnect failure to stderr; /readyz reports Redis.
    for (const queue of queues.all()) queue.on('error', (error) => logger.debug({ queue: queue.name, err: error.message }, 'queue connection error'));
    closers.push(() => queues.close());
    const captcha = createCaptchaService({ redis, keys, config, logger });
    closers.push(() => captcha.close());
    const audit = new AuditStore(db);
    const countStore = new CountStore(db);
    const outbox = new OutboxStore(db);
    const services: Services = {
      config,
      logger,
      db,
      redis,
      keys,
      queues,
      comments: new CommentStore(db),
      commentListing: new CommentListing(db),
      moderators,
      decisions: new DecisionStore(db, countStore, audit, outbox),
      outbox,
      audit,
      countCache: new CountCache({ redis, keys, counts: countStore, logger, ttlSeconds: config.countCacheTtlSeconds }),
      filter: createFilterEngine({ siteDomains: config.siteDomains }),
      captcha,
      lifecycle: createLifecycle(),
      onClose: (fn) => void closers.push(fn),
      async close() {
        for (const fn of closers.splice(0).reverse()) {
          await Promise.resolve(fn()).catch((error) => logger.warn({ err: error }, 'error while closing'));
        }
        await db.close();
      },
    };
    return services;
  } catch (error) {
    for (const fn of closers.reverse()) await Promise.resolve(fn()).catch(() => {});
    await db.close();
    throw error;
  }
}
