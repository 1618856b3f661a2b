/**
 * Starts every BullMQ worker of this process. Each worker gets its own blocking connection,
 * as BullMQ requires (`maxRetriesPerRequest: null`). close() lets active jobs finish.
 */
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CaptchaService, Refilling } from '../src/captcha/index.js';
import type { Config } from '../src/config.js';
import { QUEUE_NAMES, type Queues } from '../src/queues/index.js';
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
  workers: Worker[];
  close(): Promise<void>;
}

/** What the workers of a process use: each processor's own deps, and the queues and Redis they run on. */
export type WorkerDeps = ModerationDeps &
  PublishDeps &
  MaintenanceDeps &
  LexiconSyncDeps &
  OutboxSweeperDeps & {
    config: Pick<Config, 'redisUrl' | 'redisSentinel' | 'workerConcurrency' | 'workerHeartbeatMaxAgeSeconds' | 'captcha'>;
    keys: RedisKeys;
    redis: Redis;
    queues: Pick<Queues, 'moderation' | 'publish' | 'maintenance'>;
    captcha: Pick<CaptchaService, 'startRefilling'>;
  };

export interface WorkerOptions {
  /** Render threads of the captcha pool refiller (default 1; main.ts sizes it by role). */
  captchaThreads?: number;
}

export async function startWorkers(deps: WorkerDeps, options: WorkerOptions = {}): Promise<RunningWorkers> {
  const { config, keys, logger } = deps;
  const connection = () => createRedis(config, 'blocking');
  const connections = [connection()];
  // Admins' word lists: loaded before the first job, reloaded on every change.
  const lexiconSync = await startLexiconSync(deps);

  const moderation = new Worker(QUEUE_NAMES.moderation, moderationProcessor(deps), {
    connection: connections[0],
    prefix: keys.queuePrefix,
    concurrency: config.workerConcurrency,
  });

  const workers: Worker[] = [moderation];
  // Count refreshes and webhooks; the webhook's own backoff covers ≥ 24 h (src/publish/retry.ts).
  connections.push(connection());
  const publish = new Worker(QUEUE_NAMES.publish, publishProcessor(deps), {
    connection: connections[connections.length - 1],
    prefix: keys.queuePrefix,
    concurrency: 4,
    settings: { backoffStrategy: publishBackoff(deps) },
  });
  workers.push(publish);
  // Housekeeping (retention) runs one job at a time on its own connection.
  connections.push(connection());
  const maintenance = new Worker(QUEUE_NAMES.maintenance, maintenanceProcessor(deps), {
    connection: connections[connections.length - 1],
    prefix: keys.queuePrefix,
    concurrency: 1,
  });
  workers.push(maintenance);
  await scheduleRetention(deps.queues.maintenance);
  // Publish jobs a decision could not enqueue (Redis down at that moment): see outbox-sweeper.ts.
  const outboxSweeper = startOutboxSweeper(deps);

  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      logger.warn({ queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: error.message }, 'job failed'),
    );
    worker.on('error', (error) => logger.warn({ queue: worker.name, err: error.message }, 'worker error'));
  }

  // Readiness of every copy asks for a fresh beat (src/ops/heartbeat.ts).
  const heartbeat = startHeartbeat({
    redis: deps.redis,
    keys,
    workerId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    maxAgeSeconds: config.workerHeartbeatMaxAgeSeconds,
    healthy: () => workers.every((w) => w.isRunning() && !w.isPaused()),
    onError: (error) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'worker heartbeat failed'),
  });

  // The workers keep the captcha pool full (the api only takes from it), on render threads.
  const captchaRefill: Refilling = deps.captcha.startRefilling(options.captchaThreads ?? 1);

  return {
    workers,
    async close() {
      await heartbeat.stop();
      await captchaRefill.stop();
      await outboxSweeper.stop();
      // close() waits for active jobs to finish; new jobs are no longer taken.
      await Promise.all(workers.map((w) => w.close()));
      await lexiconSync.close();
      for (const c of connections) c.disconnect();
    },
  };
}
