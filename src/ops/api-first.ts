/**
 * "The api first" for `npm start`, where the api and the workers share one event loop (and two
 * cores with Redis and PostgreSQL). Under a burst of readers, every moderation job run beside
 * the requests (its BullMQ scripts, filter, insert) costs them latency, and the jobs can wait:
 * a 202 means the job is safe in Redis. So while the api is busy, the in-process moderation
 * worker takes few jobs at a time, and goes back to full concurrency once it is quiet.
 *
 * Busy = at least BUSY_RPS requests per second over the last window; quiet again below
 * QUIET_RPS (the gap keeps it from flapping). Only role `all` uses this; a separate worker
 * process (`main.js worker`) always runs at WORKER_CONCURRENCY.
 */

/** Requests per second from which the api counts as busy, and below which as quiet again. */
export const BUSY_RPS = 100;
export const QUIET_RPS = 40;
/** Jobs at once while the api is busy: the backlog still moves, at a pace that leaves the loop to readers. */
export const BUSY_CONCURRENCY = 2;
const WINDOW_MS = 250;

/** Counts requests: main.ts calls count() for each one the HTTP server receives. */
export interface RequestMeter {
  count(): void;
}

/** What we adjust: a BullMQ Worker's concurrency, settable while it runs. */
export interface Adjustable {
  concurrency: number;
}

export interface ApiFirst extends RequestMeter {
  /** True while the workers are held back. */
  readonly busy: boolean;
  stop(): void;
}

export function apiFirst(worker: Adjustable, fullConcurrency: number, onChange?: (busy: boolean) => void): ApiFirst {
  let requests = 0;
  let busy = false;
  const timer = setInterval(() => {
    const rps = (requests * 1_000) / WINDOW_MS;
    requests = 0;
    const next = busy ? rps >= QUIET_RPS : rps >= BUSY_RPS;
    if (next === busy) return;
    busy = next;
    worker.concurrency = busy ? Math.min(BUSY_CONCURRENCY, fullConcurrency) : fullConcurrency;
    onChange?.(busy);
  }, WINDOW_MS);
  timer.unref();
  return {
    count: () => void requests++,
    get busy() {
      return busy;
    },
    stop: () => clearInterval(timer),
  };
}
