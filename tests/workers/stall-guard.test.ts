/**
 * The stall guard (workers/stall-guard.ts) against real Redis: a worker that runs but takes
 * nothing while its queue has jobs waiting is replaced by a new one that takes them; a busy
 * worker and a worker with an empty queue are left alone.
 *
 * The stall is made the way a failover leaves it: the first worker is connected to a Redis
 * that is not the one holding the jobs (a private redis-server), so it is running, raises no
 * error and takes nothing.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import * as metrics from '../../src/metrics.js';
import { type GuardedWorker, guardAgainstStalls } from '../../workers/stall-guard.js';
import { counterValue } from '../support/metrics.js';
import { uniqueName } from '../support/names.js';
import { deleteRedisPrefix, type PrivateRedis, REDIS_URL, startPrivateRedis } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const blocking = (url: string) => new Redis(url, { maxRetriesPerRequest: null });

describe('stall guard', () => {
  const prefix = uniqueName('stall');
  const queuePrefix = `{${prefix}}`;
  let elsewhere: PrivateRedis;
  const queues: Queue[] = [];
  const guards: GuardedWorker[] = [];
  const logged: Array<Record<string, unknown>> = [];
  const logger = createLogger('warn', {}, { write: (line: string) => logged.push(JSON.parse(line)) });

  beforeAll(async () => {
    elsewhere = await startPrivateRedis();
    await elsewhere.start();
  });
  afterAll(async () => {
    for (const guard of guards) {
      guard.stop();
      await guard.current().close(true);
      guard.connection().disconnect();
    }
    for (const queue of queues) await queue.close();
    await elsewhere?.destroy();
    await deleteRedisPrefix(queuePrefix);
  });

  const queueNamed = (name: string) => {
    const queue = new Queue(name, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }), prefix: queuePrefix });
    queues.push(queue);
    return queue;
  };

  it('replaces a worker that takes nothing while jobs wait; the new one takes them', async () => {
    const queue = queueNamed('stalled');
    const done: string[] = [];
    let starts = 0;
    const before = await counterValue(metrics.workerStallsRecovered, { queue: 'stalled' });
    const guard = guardAgainstStalls({
      start: () => {
        starts++;
        const connection = blocking(starts === 1 ? elsewhere.url : REDIS_URL);
        const worker = new Worker('stalled', async (job) => void done.push(String(job.id)), {
          connection,
          prefix: queuePrefix,
          concurrency: 4,
        });
        return { worker, connection };
      },
      waiting: () => queue.getWaitingCount(),
      concurrency: 4,
      logger,
      checkEveryMs: 100,
      stalledAfterMs: 600,
    });
    guards.push(guard);
    await Promise.all(['a', 'b', 'c'].map((id) => queue.add('job', {}, { jobId: id })));
    await waitFor(async () => done.length === 3, 15_000, 50);
    expect(done.sort()).toEqual(['a', 'b', 'c']);
    expect(starts).toBe(2);
    expect(await counterValue(metrics.workerStallsRecovered, { queue: 'stalled' })).toBe(before + 1);
    expect(logged.find((line) => line.queue === 'stalled')).toMatchObject({ level: 50, waiting: 3 });
  });

  it('leaves alone a worker that is busy with all it can hold, and one whose queue is empty', async () => {
    const busyQueue = queueNamed('busy');
    const idleQueue = queueNamed('idle');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let starts = 0;
    const guardOf = (name: string, queue: Queue, processor: () => Promise<void>) =>
      guardAgainstStalls({
        start: () => {
          starts++;
          const connection = blocking(REDIS_URL);
          return { worker: new Worker(name, processor, { connection, prefix: queuePrefix, concurrency: 1 }), connection };
        },
        waiting: () => queue.getWaitingCount(),
        concurrency: 1,
        logger,
        checkEveryMs: 100,
        stalledAfterMs: 600,
      });
    guards.push(
      guardOf('busy', busyQueue, () => held),
      guardOf('idle', idleQueue, async () => {}),
    );
    await Promise.all(['j1', 'j2', 'j3'].map((id) => busyQueue.add('job', {}, { jobId: id })));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(starts).toBe(2); // one each, none replaced
    expect(await busyQueue.getWaitingCount()).toBe(2);
    release();
    await waitFor(async () => (await busyQueue.getCompletedCount()) === 3, 10_000, 50);
  });
});
