/**
 * Starts every BullMQ worker of this process. Each worker gets its own blocking connection,
 * as BullMQ requires (`maxRetriesPerRequest: null`), and a stall guard (stall-guard.ts).
 * close() lets active jobs finish.
 */
import { type Processor, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CaptchaService, Refilling } from '../src/captcha/index.js';
import type { Config } from '../src/config.js';
import { QUEUE_NAMES, type QueueName, type Queues } from '../src/queues/index.js';
import { guardAgainstStalls } from './stall-guard.js';
import type { RedisKeys } from '../src/store/keys.js';
import { createRedis } from '../src/store/redis.js';
import { moderationProcessor, type ModerationDeps } from './moderation.js';
import { publishBackoff, publishProcessor, type PublishDeps } from './publish.js';
import { maintenanceProcessor, type MaintenanceDeps } from './maintenance.js';
import { startHeartbeat } from '../src/ops/heartbeat.js';
import { scheduleRetention } from '../src/retention/index.js';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { startLexiconSync, type LexiconSyncDeps } from '../src/moderation/lexicon-sync.js';
import { startOutboxSweeper, type OutboxSweeperDeps } from '../src/publish/outbox-sweeper.js';

export interface RunningWorkers {
  /** The workers serving now (a stalled one is replaced). */
  readonly workers: Worker[];
  close(): Promise<void>;
}

/** What the workers of a process use: each processor's own deps, and the queues and Redis they run on. */
export type WorkerDeps = ModerationDeps &
  PublishDeps &
  MaintenanceDeps &
  LexiconSyncDeps &
  OutboxSweeperDeps & {
    config: Pick<Config, 'redisUrl' | 'redisSentinel' | 'redisCluster' | 'workerConcurrency' | 'workerHeartbeatMaxAgeSeconds' | 'captcha'>;
    keys: RedisKeys;
    redis: Redis;
    queues: Pick<Queues, 'moderation' | 'publish' | 'maintenance'>;
    captcha: Pick<CaptchaService, 'startRefilling'>;
  };

export interface StartWorkersOptions {
  /** Render threads of the captcha pool refiller (default 1; main.ts sizes it by role). */
  captchaThreads?: number;
}

export async function startWorkers(deps: WorkerDeps, options: StartWorkersOptions = {}): Promise<RunningWorkers> {
  const { config, keys, logger } = deps;
  // Admins' word lists: loaded before the first job, reloaded on every change.
  const lexiconSync = await startLexiconSync(deps);

  // Each worker on a blocking connection of its own, watched by a stall guard that replaces
  // it if it stops taking jobs while jobs wait (a failover can leave it so: stall-guard.ts).
  const guarded = (name: QueueName, processor: Processor, options: Omit<WorkerOptions, 'connection' | 'prefix'>) =>
    guardAgainstStalls({
      start: () => {
        const connection = createRedis(config, 'blocking');
        const worker = new Worker(name, processor, { ...options, connection, prefix: keys.queuePrefix });
        worker.on('failed', (job, error) =>
          logger.warn({ queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: error.message }, 'job failed'),
        );
        worker.on('error', (error) => logger.warn({ queue: name, err: error.message }, 'worker error'));
        return { worker, connection };
      },
      waiting: () => deps.queues[name].getWaitingCount(),
      concurrency: options.concurrency ?? 1,
      logger,
    });

  const guards = [
    guarded(QUEUE_NAMES.moderation, moderationProcessor(deps), { concurrency: config.workerConcurrency }),
    // Count refreshes and webhooks; the webhook's own backoff covers ≥ 24 h (src/publish/retry.ts).
    guarded(QUEUE_NAMES.publish, publishProcessor(deps), { concurrency: 4, settings: { backoffStrategy: publishBackoff(deps) } }),
    // Housekeeping (retention) runs one job at a time.
    guarded(QUEUE_NAMES.maintenance, maintenanceProcessor(deps), { concurrency: 1 }),
  ];
  const current = () => guards.map((guard) => guard.current());
  await scheduleRetention(deps.queues.maintenance);
  // Publish jobs a decision could not enqueue (Redis down at that moment): see outbox-sweeper.ts.
  const outboxSweeper = startOutboxSweeper(deps);

  // Readiness of every copy asks for a fresh beat (src/ops/heartbeat.ts).
  const heartbeat = startHeartbeat({
    redis: deps.redis,
    keys,
    workerId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    maxAgeSeconds: config.workerHeartbeatMaxAgeSeconds,
    healthy: () => current().every((w) => w.isRunning() && !w.isPaused()),
    onError: (error) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'worker heartbeat failed'),
  });

  // The workers keep the captcha pool full (the api only takes from it), on render threads.
  const captchaRefill: Refilling = deps.captcha.startRefilling(options.captchaThreads ?? 1);

  return {
    get workers() {
      return current();
    },
    async close() {
      for (const guard of guards) guard.stop();
      await heartbeat.stop();
      await captchaRefill.stop();
      await outboxSweeper.stop();
      // close() waits for active jobs to finish; new jobs are no longer taken.
      await Promise.all(current().map((w) => w.close()));
      await lexiconSync.close();
      for (const guard of guards) guard.connection().disconnect();
    },
  };
}
