/**
 * The outbox sweeper: every worker process, every OUTBOX_SWEEP_MS, enqueues the publish jobs
 * the api wrote with a decision but could not enqueue (Redis down or slow at that moment).
 *
 * - Only rows older than MIN_AGE_MS: younger ones are the api's fast path, still in flight.
 * - Rows are claimed with FOR UPDATE SKIP LOCKED (src/store/outbox.ts), so several worker
 *   copies split the backlog. Enqueueing a row twice anyway (a fast path finishing late) is
 *   harmless: the job id is the row id, and BullMQ ignores a job id it already holds.
 * - While Redis is down a tick finds the queue not ready and does nothing; the next tick
 *   tries again. The rows wait in PostgreSQL, so nothing is lost however long the outage.
 * - Once an hour a tick also deletes rows enqueued more than KEEP_DAYS ago.
 * A plain timer rather than a BullMQ scheduler, because it must run while Redis is away.
 */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Queues } from '../queues/index.js';
import type { OutboxStore } from '../store/outbox.js';
import { withTimeout } from '../util/timeout.js';
import { enqueueOutboxEntries } from './jobs.js';

/** The api's fast path gets this long after the commit before the sweeper steps in. */
export const MIN_AGE_MS = 2_000;
/** Rows per transaction; a long backlog drains over successive batches of one tick. */
export const BATCH_SIZE = 100;
/** Most batches per tick, so one tick never runs unbounded. */
const MAX_BATCHES_PER_TICK = 50;
/** Longest wait for Redis to take one batch (the rows stay locked meanwhile). */
const ENQUEUE_TIMEOUT_MS = 3_000;
/** Enqueued rows are kept this long for diagnosis, then deleted. */
export const KEEP_DAYS = 7;
const PURGE_EVERY_MS = 3_600_000;

export interface OutboxSweeperDeps {
  outbox: OutboxStore;
  queues: Pick<Queues, 'publish'>;
  config: Pick<Config, 'webhookDelivery' | 'outboxSweepMs'>;
  logger: Logger;
}

export interface OutboxSweeper {
  /** One sweep now (tests; the timer calls it too). Returns how many rows were enqueued. */
  sweep(): Promise<number>;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * False while the publish queue's Redis connection is down (the ioredis instance the queues
 * were created with, src/services.ts): then a tick locks no rows for nothing.
 */
function queueReady(queues: Pick<Queues, 'publish'>): boolean {
  const connection = queues.publish.opts.connection as { status?: unknown } | undefined;
  return typeof connection?.status === 'string' ? connection.status === 'ready' : true;
}

export function startOutboxSweeper(deps: OutboxSweeperDeps): OutboxSweeper {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let lastPurge = 0;

  async function sweep(): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !stopped; batch++) {
      if (!queueReady(deps.queues)) break;
      const marked = await deps.outbox.claimWaiting({ minAgeMs: MIN_AGE_MS, limit: BATCH_SIZE }, (entries) =>
        withTimeout(enqueueOutboxEntries(deps, entries), ENQUEUE_TIMEOUT_MS),
      );
      total += marked;
      if (marked < BATCH_SIZE) break;
    }
    if (total > 0) deps.logger.info({ enqueued: total }, 'outbox: publish jobs enqueued by the sweeper');
    return total;
  }

  async function purge(): Promise<void> {
    if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = Date.now();
    const deleted = await deps.outbox.purgeEnqueuedBefore(new Date(Date.now() - KEEP_DAYS * 86_400_000));
    if (deleted > 0) deps.logger.info({ deleted }, 'outbox: old enqueued rows deleted');
  }

  async function tick(): Promise<void> {
    try {
      await sweep();
      await purge();
    } catch (error) {
      // Redis or PostgreSQL away: the rows stay, the next tick tries again.
      deps.logger.warn({ err: (error as Error).message }, 'outbox sweep failed; retrying next tick');
    }
  }

  // A chain of timeouts, not an interval: a slow tick never overlaps the next one.
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      running = tick().finally(() => {
        if (!stopped) schedule();
      });
    }, deps.config.outboxSweepMs);
    timer.unref();
  };
  schedule();

  return {
    sweep: () => {
      const run = sweep();
      running = run.catch(() => {});
      return run;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => {});
    },
  };
}
