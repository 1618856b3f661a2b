/**
 * Bounds a promise in time. Redis and PostgreSQL can hang without failing (a frozen server
 * keeps its TCP connections open, BullMQ waits for a connection that never becomes ready), and
 * every caller that must answer anyway (accept path, decisions, probes, metrics) needs this.
 */

/** The bound passed before the work settled. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Settles as `work` does, or rejects with TimeoutError (`<what> within <ms> ms`) after `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what = 'no answer'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // a rejection arriving after the timeout is already answered
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
