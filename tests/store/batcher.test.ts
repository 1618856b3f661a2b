import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../src/store/batcher.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('createBatcher', () => {
  it('groups calls of the same turn, keeps order, and waits for a free slot', async () => {
    const batches: number[][] = [];
    const gates: Array<() => void> = [];
    const batcher = createBatcher<number, number>(
      async (reqs) => {
        batches.push(reqs);
        await new Promise<void>((r) => gates.push(r));
        return reqs.map((n) => n * 10);
      },
      { maxBatch: 3, maxInFlight: 1, isolate: () => false },
    );
    const first = [1, 2, 3, 4].map((n) => batcher.run(n));
    await tick();
    expect(batches).toEqual([[1, 2, 3]]); // at most maxBatch, one batch in flight
    const later = batcher.run(5);
    gates.shift()!();
    expect(await Promise.all(first.slice(0, 3))).toEqual([10, 20, 30]);
    await tick();
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    gates.shift()!();
    expect(await Promise.all([first[3], later])).toEqual([40, 50]);
  });

  it('a call alone is sent on the next turn', async () => {
    const batcher = createBatcher<number, number>(async (reqs) => reqs, { maxBatch: 10, maxInFlight: 2, isolate: () => false });
    expect(await batcher.run(7)).toBe(7);
  });

  it('runs each call alone after an error one call may cause, so only that call fails', async () => {
    const sizes: number[] = [];
    const batcher = createBatcher<number, number>(
      async (reqs) => {
        sizes.push(reqs.length);
        if (reqs.includes(2)) throw Object.assign(new Error('refused'), { code: '23503' });
        return reqs;
      },
      { maxBatch: 10, maxInFlight: 1, isolate: (e) => (e as { code?: string }).code === '23503' },
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.run(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(sizes).toEqual([3, 1, 1, 1]);
  });

  it('fails every call of the batch on any other error (each job retries)', async () => {
    const batcher = createBatcher<number, number>(
      async () => {
        throw new Error('connection refused');
      },
      { maxBatch: 10, maxInFlight: 1, isolate: () => false },
    );
    const results = await Promise.allSettled([1, 2].map((n) => batcher.run(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
