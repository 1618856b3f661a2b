/**
 * Replaces a BullMQ worker that has stopped taking jobs while its queue has work waiting.
 *
 * Why: after a Redis failover a worker's blocking connection can be left without a socket for
 * good (BullMQ issues #4378, #4479, #4585, fixed one shape at a time upstream): the worker
 * says it is running, raises no error and takes nothing, until the process is restarted. We
 * saw it once in four failover rehearsals (bench/rehearsal.ts): one of two workers took no
 * job for the 150 s after the primary was killed. A person should not have to notice.
 *
 * The signal needs nothing of BullMQ's internals: the queue has had jobs waiting at every
 * check for `stalledAfterMs`, and this worker started none in that time although it had room
 * (fewer active jobs than its concurrency). A healthy worker with a backlog starts jobs all the
 * time. The remedy is the one a restart would apply: close the worker (jobs it still holds
 * come back through BullMQ's stalled-job check; processing is idempotent) and start a new one
 * on a new connection.
 */
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/logger.js';
import * as metrics from '../src/metrics.js';
import { withTimeout } from '../src/util/timeout.js';

export interface GuardedWorker {
  /** The worker serving now (replaced after a stall). */
  current(): Worker;
  /** The connection the current worker was started on (closed by the caller at shutdown). */
  connection(): Redis;
  stop(): void;
}

export interface StallGuardOptions {
  /** Starts a worker on a fresh connection of its own; called at start and after each stall. */
  start(): { worker: Worker; connection: Redis };
  /** Jobs waiting in the worker's queue (not delayed, not active). */
  waiting(): Promise<number>;
  concurrency: number;
  logger: Logger;
  checkEveryMs?: number;
  stalledAfterMs?: number;
}

const CLOSE_TIMEOUT_MS = 5_000;

export function guardAgainstStalls(options: StallGuardOptions): GuardedWorker {
  const { checkEveryMs = 5_000, stalledAfterMs = 30_000 } = options;
  let { worker, connection } = options.start();
  let lastStartedAt = Date.now();
  let waitingSince: number | undefined;
  let active = 0;
  let replacing = false;

  const watch = (w: Worker) => {
    w.on('active', () => {
      lastStartedAt = Date.now();
      active++;
    });
    const done = () => {
      active = Math.max(0, active - 1);
    };
    w.on('completed', done);
    w.on('failed', done);
  };
  watch(worker);

  const replace = async (idleMs: number, waiting: number) => {
    replacing = true;
    const [stalled, stalledConnection] = [worker, connection];
    options.logger.error({ queue: stalled.name, idleMs, waiting }, 'worker took no job while jobs were waiting; starting a new one');
    metrics.workerStallsRecovered.inc({ queue: stalled.name });
    await withTimeout(stalled.close(true), CLOSE_TIMEOUT_MS, 'close of a stalled worker').catch(() => {});
    stalledConnection.disconnect();
    ({ worker, connection } = options.start());
    watch(worker);
    active = 0;
    lastStartedAt = Date.now();
    waitingSince = undefined;
    replacing = false;
  };

  const check = async () => {
    if (replacing || worker.closing || !worker.isRunning() || worker.isPaused()) return;
    const waiting = await options.waiting().catch(() => 0); // Redis away: nothing to judge
    const now = Date.now();
    if (waiting === 0 || active >= options.concurrency) {
      waitingSince = undefined;
      return;
    }
    waitingSince ??= now;
    const idleMs = now - Math.max(lastStartedAt, waitingSince);
    if (now - waitingSince >= stalledAfterMs && idleMs >= stalledAfterMs) await replace(now - lastStartedAt, waiting);
  };

  const timer = setInterval(() => void check(), checkEveryMs);
  timer.unref();
  return {
    current: () => worker,
    connection: () => connection,
    stop: () => clearInterval(timer),
  };
}
