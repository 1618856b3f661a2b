/**
 * The composition root: opens every connection once, builds every store and every domain
 * service once, and hands the api and the workers the same set. Tests build it with their own
 * config (own Redis prefix, own database). Nothing below src/services.ts builds a store.
 *
 * One style for domain services: a factory `createXService(deps: XDeps)` in the domain module,
 * returning an object of use-case functions (`XService = ReturnType<typeof createXService>`).
 * Why this one: most services already had it (captcha, filter, bans, word lists, stats), a
 * closure has no `this` to lose when a route passes `bans.create` along, and `XDeps` is the
 * small interface the module declares for itself: `Services` satisfies it structurally, so the
 * domain never imports this file (dependency-cruiser's services-only-from-the-top). Stores stay
 * classes over the database; long-running parts (workers, sweepers, sync) are `startX(deps)`.
 *
 * Names: stores are named after what they hold (`comments`, `bans`), services after their
 * domain with `Service` (`banService`). `queues` holds the BullMQ queues only, by the queue's
 * own name (`queues.moderation`, `queues.publish`, `queues.maintenance`): that is how the
 * dashboard and Redis name them, and nothing else here is called a queue (the moderator
 * pages' list of comments is `commentListing`).
 */
import type { Redis } from 'ioredis';
import { createCaptchaService, type CaptchaService } from './captcha/index.js';
import { createArticleService, type ArticleService } from './comments/articles.js';
import { closedArticles, type ClosedArticles } from './comments/closed-articles.js';
import { createCommentEditService, type CommentEditService } from './comments/edit.js';
import { createDecisionService, type DecisionService } from './comments/decide.js';
import { createLikeService, type LikeService } from './comments/likes.js';
import { createReaderReportService, type ReaderReportService } from './comments/reports.js';
import { DuplicateGuard } from './comments/duplicates.js';
import { IdempotencyStore } from './comments/idempotency.js';
import type { ReplicaAcks } from './comments/accept.js';
import type { Config } from './config.js';
import * as metrics from './metrics.js';
import { createFilterEngine, type FilterEngine } from './filters/index.js';
import { createLogger, type Logger } from './logger.js';
import { ensureBootstrapAdmin } from './moderation/accounts/bootstrap.js';
import { createModeratorService, type ModeratorService } from './moderation/accounts/moderators.js';
import { sessionDeps } from './moderation/accounts/sessions.js';
import { createAuditService, type AuditService } from './moderation/audit.js';
import { createBanService, type BanService } from './moderation/bans.js';
import { createLexiconService, type LexiconService } from './moderation/lexicon.js';
import { createReportReviewService, type ReportReviewService } from './moderation/reports.js';
import { createRejectReasonService, type RejectReasonService } from './moderation/reject-reasons.js';
import { createStatsService, type StatsService } from './moderation/stats.js';
import { freshestHeartbeat, heartbeatIntervalMs } from './ops/heartbeat.js';
import { createLifecycle, type Lifecycle } from './ops/lifecycle.js';
import { CountCache } from './publish/count-cache.js';
import { createQueues, type Queues } from './queues/index.js';
import { createPrivacyService, type PrivacyService } from './retention/privacy.js';
import { ArticleStore } from './store/articles.js';
import { AuditStore } from './store/audit.js';
import { BanStore } from './store/bans.js';
import { CommentStore } from './store/comments.js';
import { CommentContextStore } from './store/comment-context.js';
import { CommentEditStore } from './store/comment-edits.js';
import { CommentListing } from './store/comment-listing.js';
import { CommenterHistory } from './store/commenter-history.js';
import { CountStore } from './store/counts.js';
import { openDb, type Db } from './store/db.js';
import { DecisionStore } from './store/decisions.js';
import { redisKeys, type RedisKeys } from './store/keys.js';
import { LexiconStore } from './store/lexicon.js';
import { LikeStore } from './store/likes.js';
import { RejectReasonStore } from './store/reject-reasons.js';
import { migrate } from './store/migrate.js';
import { ModeratorStore } from './store/moderators.js';
import { OutboxStore } from './store/outbox.js';
import {
  closeRedis,
  connectedAddress,
  createRedis,
  redisUnreachableMessage,
  replicaWaiter,
  waitForRedis,
  watchPrimary,
} from './store/redis.js';
import { ReportStore } from './store/reports.js';
import { StatsStore } from './store/stats.js';

/** SQL access, one store per table family (src/store). */
export interface Stores {
  comments: CommentStore;
  /** Every keyset-paged list of comments: the queue page, the admin API, the public list. */
  commentListing: CommentListing;
  /** A commenter's earlier comments (by email or IP), for the commenter page and API. */
  commenterHistory: CommenterHistory;
  moderators: ModeratorStore;
  /** Moderator decisions (conditional update + decisions + audit + counts in one transaction). */
  decisions: DecisionStore;
  /** Publish jobs written with their decision, until they reach the queue (migration 101). */
  outbox: OutboxStore;
  /** Articles: title, URL, closed, notice (migration 002). */
  articles: ArticleStore;
  /** Moderators' edits of a comment's text, and reopening (with audit, count and outbox). */
  commentEdits: CommentEditStore;
  /** Article and parent of a page of admin comments, in one query. */
  commentContext: CommentContextStore;
  audit: AuditStore;
  counts: CountStore;
  bans: BanStore;
  lexicon: LexiconStore;
  rejectReasons: RejectReasonStore;
  stats: StatsStore;
  /** Readers' likes: one per (comment, reader), the count on the comment (migration 003). */
  likes: LikeStore;
  /** Readers' reports: one per (comment, reader), open until a moderator dismisses them (migration 003). */
  reports: ReportStore;
}

/** Short-lived records of the comment flow in Redis (src/comments). */
export interface RedisStores {
  /** Answers given per Idempotency-Key (POST /v1/comments). */
  idempotency: IdempotencyStore;
  /** The same comment posted twice within minutes. */
  duplicates: DuplicateGuard;
}

/** The domain's use cases, built once over the stores. */
export interface DomainServices {
  /** Approved counts per article: memory → Redis → PostgreSQL. */
  countCache: CountCache;
  filter: FilterEngine;
  /** Issues and verifies captchas; the workers keep its pool full (startRefilling). */
  captcha: CaptchaService;
  decisionService: DecisionService;
  /** Is an article closed? Redis cache over PostgreSQL, read on every POST /v1/comments. */
  closedArticles: ClosedArticles;
  articleService: ArticleService;
  commentEditService: CommentEditService;
  banService: BanService;
  lexiconService: LexiconService;
  rejectReasonService: RejectReasonService;
  statsService: StatsService;
  auditService: AuditService;
  moderatorService: ModeratorService;
  privacyService: PrivacyService;
  /** POST/DELETE /v1/comments/:id/like. */
  likeService: LikeService;
  /** POST /v1/comments/:id/reports. */
  readerReportService: ReaderReportService;
  /** The moderators' side of reports: the reported list, open reports per comment, dismissal. */
  reportReviewService: ReportReviewService;
}

export interface Services extends Stores, RedisStores, DomainServices {
  config: Config;
  logger: Logger;
  db: Db;
  /** The api's command connection: fails fast when Redis is down. */
  redis: Redis;
  keys: RedisKeys;
  /** The BullMQ queues by name: moderation, publish, maintenance (see the header). */
  queues: Queues;
  /** WAIT on the queues' connection: replicas holding the accepted comments' jobs. */
  replicaAcks: ReplicaAcks;
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

/** How long a start waits for Redis before it gives up and says how to get one. */
const REDIS_START_TIMEOUT_MS = 10_000;

export async function createServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: options.dataDir ?? config.dataDir });
  const closers: Array<() => Promise<void> | void> = [];
  try {
    const applied = await migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const stores = createStores(db);
    await ensureBootstrapAdmin({ config, moderators: stores.moderators, logger });
    const redis = createRedis(config, 'command');
    closers.push(() => closeRedis(redis));
    await waitForRedis(redis, REDIS_START_TIMEOUT_MS).catch(() => {
      throw new Error(redisUnreachableMessage(config, REDIS_START_TIMEOUT_MS));
    });
    // The database number as ioredis SELECTs it from REDIS_URL (path or ?db=): pub/sub channels carry it.
    const keys = redisKeys(config.redisPrefix, { db: redis.options.db ?? 0 });
    // Queues get their own connection: BullMQ may block on it, the api's must stay fast.
    const queueConnection = createRedis(config, 'queue');
    closers.push(() => void queueConnection.disconnect());
    const queues = createQueues(queueConnection, keys.queuePrefix, { retention: config.retention });
    // Without a listener BullMQ prints every reconnect failure to stderr; /readyz reports Redis.
    for (const queue of queues.all())
      queue.on('error', (error) => logger.debug({ queue: queue.name, err: error.message }, 'queue connection error'));
    closers.push(() => queues.close());
    // A worker beat within three beat intervals: a worker is alive and refills the captcha pool.
    const maxAge = config.workerHeartbeatMaxAgeSeconds;
    const liveWithin = Math.min(maxAge, (3 * heartbeatIntervalMs(maxAge)) / 1_000);
    const workerAlive = async () => (await freshestHeartbeat(redis, keys, liveWithin)) !== null;
    const captcha = createCaptchaService({ redis, keys, config, logger, workerAlive });
    closers.push(() => captcha.close());
    // A failover seen by this process: counted, and logged where the old and new primary show.
    const replicaAcks = replicaWaiter(queueConnection, config.redisReplicaAcks, keys.queuePrefix);
    closers.push(() => replicaAcks.close());
    showPrimary(connectedAddress(redis) ?? 'unknown');
    watchPrimary(redis, (from, to) => {
      metrics.redisFailovers.inc();
      showPrimary(to);
      logger.warn({ from, to }, 'Redis primary changed (failover)');
    });
    const base = {
      config,
      logger,
      db,
      redis,
      keys,
      queues,
      replicaAcks,
      ...stores,
      ...createRedisStores(redis, keys),
    };
    const services: Services = {
      ...base,
      ...createDomainServices(base, captcha),
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

/** The gauge redis_primary{address} names one node: the one this process writes to now. */
function showPrimary(address: string): void {
  metrics.redisPrimary.reset();
  metrics.redisPrimary.set({ address }, 1);
}

function createStores(db: Db): Stores {
  const audit = new AuditStore(db);
  const counts = new CountStore(db);
  const outbox = new OutboxStore(db);
  return {
    comments: new CommentStore(db),
    articles: new ArticleStore(db, audit),
    commentEdits: new CommentEditStore(db, counts, audit, outbox),
    commentContext: new CommentContextStore(db),
    commentListing: new CommentListing(db),
    commenterHistory: new CommenterHistory(db),
    moderators: new ModeratorStore(db),
    decisions: new DecisionStore(db, counts, audit, outbox),
    outbox,
    audit,
    counts,
    bans: new BanStore(db),
    lexicon: new LexiconStore(db),
    rejectReasons: new RejectReasonStore(db),
    stats: new StatsStore(db),
    likes: new LikeStore(db),
    reports: new ReportStore(db),
  };
}

function createRedisStores(redis: Redis, keys: RedisKeys): RedisStores {
  return { idempotency: new IdempotencyStore(redis, keys), duplicates: new DuplicateGuard(redis, keys) };
}

type Base = Stores & RedisStores & Pick<Services, 'config' | 'logger' | 'db' | 'redis' | 'keys' | 'queues'>;

function createDomainServices(base: Base, captcha: CaptchaService): DomainServices {
  const { config, logger, redis, keys } = base;
  const countCache = new CountCache({ redis, keys, counts: base.counts, logger, ttlSeconds: config.countCacheTtlSeconds });
  const filter = createFilterEngine({ siteDomains: config.siteDomains });
  const closed = closedArticles(base);
  return {
    countCache,
    filter,
    captcha,
    decisionService: createDecisionService({ ...base, countCache, filter }),
    closedArticles: closed,
    articleService: createArticleService({ ...base, closedArticles: closed }),
    commentEditService: createCommentEditService({ ...base, countCache, filter }),
    banService: createBanService(base),
    lexiconService: createLexiconService(base),
    rejectReasonService: createRejectReasonService(base),
    statsService: createStatsService(base),
    auditService: createAuditService(base),
    moderatorService: createModeratorService({ ...base, sessions: sessionDeps(base) }),
    privacyService: createPrivacyService(base),
    likeService: createLikeService(base),
    readerReportService: createReaderReportService(base),
    reportReviewService: createReportReviewService(base),
  };
}
