import { afterEach, describe, expect, it } from 'vitest';
import { apiFirst, BUSY_CONCURRENCY, BUSY_RPS, type ApiFirst } from '../../src/ops/api-first.js';
import { waitFor } from '../support/wait.js';

describe('api first (npm start: workers hold back while readers keep the api busy)', () => {
  let governor: ApiFirst | undefined;
  afterEach(() => governor?.stop());

  it('drops moderation to a few jobs at a time under a burst of requests, and restores it once quiet', async () => {
    const worker = { concurrency: 128 };
    const changes: boolean[] = [];
    governor = apiFirst(worker, 128, (busy) => changes.push(busy));
    // Twice the busy rate for a second: a request every 1000 / (2 × BUSY_RPS) ms.
    const burst = setInterval(() => governor?.count(), 1_000 / (2 * BUSY_RPS));
    try {
      await waitFor(async () => governor?.busy === true, 2_000, 20);
      expect(worker.concurrency).toBe(BUSY_CONCURRENCY);
    } finally {
      clearInterval(burst);
    }
    await waitFor(async () => governor?.busy === false, 2_000, 20);
    expect(worker.concurrency).toBe(128);
    expect(changes).toEqual([true, false]);
  });

  it('a trickle of requests never holds the workers back', async () => {
    const worker = { concurrency: 64 };
    governor = apiFirst(worker, 64);
    const trickle = setInterval(() => governor?.count(), 1_000 / (BUSY_RPS / 4));
    await new Promise((r) => setTimeout(r, 1_200));
    clearInterval(trickle);
    expect(governor.busy).toBe(false);
    expect(worker.concurrency).toBe(64);
  });
});
