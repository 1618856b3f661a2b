/**
 * Starts every BullMQ worker of this process. Each worker gets its own blocking connection,
 * as BullMQ requires (`maxRetriesPerRequest: null`). close() lets active jobs finish.
 */
import { Worker } from 'bullmq';
import type { Services } from '../src/services.js';
import { QUEUE_NAMES } from '../src/queues/index.js';
import { createRedis } from '../src/store/redis.js';
import { moderationProcessor } from './moderation.js';

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

export async function startWorkers(services: Services): Promise<RunningWorkers> {
  const { config, keys, logger } = services;
  const connection = () => createRedis(config.redisUrl, 'blocking');
  const connections = [connection()];

  const moderation = new Worker(QUEUE_NAMES.moderation, moderationProcessor(services), {
    connection: connections[0],
    prefix: keys.queuePrefix,
    concurrency: config.workerConcurrency,
  });

  const workers = [moderation];
  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      logger.warn({ queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: error.message }, 'job failed'),
    );
    worker.on('error', (error) => logger.warn({ queue: worker.name, err: error.message }, 'worker error'));
  }

  return {
    workers,
    async close() {
      // close() waits for active jobs to finish; new jobs are no longer taken.
      await Promise.all(workers.map((w) => w.close()));
      for (const c of connections) c.disconnect();
    },
  };
}
