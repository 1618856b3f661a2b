/**
 * Groups single calls into batches: the moderation worker's jobs each save one comment, and
 * one statement for many rows costs PostgreSQL (and the loopback socket) about as much as one
 * for a single row. A call waits only while `maxInFlight` batches are already running (or for
 * the current turn of the event loop), so a quiet worker writes each comment at once.
 *
 * A batch that the database refuses as a whole for one bad row (`isolate(error)` true, e.g.
 * SQLSTATE 22/23) is run again one call at a time, so only the bad call fails.
 */
export interface BatcherOptions {
  /** Calls per batch at most. */
  maxBatch: number;
  /** Batches running at once at most; further calls wait and go into the next batch. */
  maxInFlight: number;
  /** True for an error that one call of the batch may cause alone: run each call by itself. */
  isolate(error: unknown): boolean;
}

export interface Batcher<Req, Res> {
  run(req: Req): Promise<Res>;
}

interface Pending<Req, Res> {
  req: Req;
  resolve(value: Res): void;
  reject(error: unknown): void;
}

export function createBatcher<Req, Res>(runMany: (reqs: Req[]) => Promise<Res[]>, options: BatcherOptions): Batcher<Req, Res> {
  const waiting: Array<Pending<Req, Res>> = [];
  let inFlight = 0;
  let scheduled = false;

  const runAlone = async (call: Pending<Req, Res>) => {
    try {
      call.resolve((await runMany([call.req]))[0]);
    } catch (error) {
      call.reject(error);
    }
  };

  const runBatch = async (batch: Array<Pending<Req, Res>>) => {
    try {
      const results = await runMany(batch.map((call) => call.req));
      batch.forEach((call, i) => {
        call.resolve(results[i]);
      });
    } catch (error) {
      if (batch.length > 1 && options.isolate(error)) await Promise.all(batch.map(runAlone));
      else for (const call of batch) call.reject(error);
    }
  };

  const flush = () => {
    scheduled = false;
    while (waiting.length > 0 && inFlight < options.maxInFlight) {
      inFlight++;
      void runBatch(waiting.splice(0, options.maxBatch)).finally(() => {
        inFlight--;
        schedule();
      });
    }
  };

  // Calls made in the same turn of the event loop (jobs resumed together) share a batch.
  const schedule = () => {
    if (scheduled || waiting.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    setImmediate(flush);
  };

  return {
    run(req) {
      return new Promise<Res>((resolve, reject) => {
        waiting.push({ req, resolve, reject });
        schedule();
      });
    },
  };
}
