/**
 * Bounds a promise in time. Redis and PostgreSQL can hang without failing (a frozen server
 * keeps its TCP connections open, BullMQ waits for a connection that never becomes ready), and
 * every caller that must answer anyway (accept path, decisions, probes, metrics) needs this.
 */

/** The bound passed before the work settled. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Settles as `work` does, or rejects after `ms` with `onTimeout()` (default TimeoutError
 * `<what> within <ms> ms`). A rejection of `work` arriving after that is already answered.
 *
 * One promise and one timer per call, nothing else: the accept path bounds every Redis step
 * with it, and the Promise.race form (a timeout promise, the race, two async frames) cost
 * 3-5 µs a request there (issue 16, docs/BENCHMARKS.md).
 */
export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  what = 'no answer',
  onTimeout: () => unknown = () => new TimeoutError(`${what} within ${ms} ms`),
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
