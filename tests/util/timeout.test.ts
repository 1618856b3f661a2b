/** withTimeout and the accept path's withinStepTimeout: settle as the work does, or fail in time. */
import { describe, expect, it } from 'vitest';
import { withinStepTimeout } from '../../src/comments/deadline.js';
import { AppError } from '../../src/errors.js';
import { TimeoutError, withTimeout } from '../../src/util/timeout.js';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const failingLater = (ms: number, error: Error) => new Promise<never>((_, reject) => setTimeout(() => reject(error), ms));

describe('withTimeout', () => {
  it('resolves with the work, and passes its rejection through unchanged', async () => {
    expect(await withTimeout(later(5, 'done'), 500)).toBe('done');
    const failure = new Error('broken');
    await expect(withTimeout(failingLater(5, failure), 500)).rejects.toBe(failure);
  });

  it('rejects with TimeoutError naming the bound once the time is up; a late rejection is swallowed', async () => {
    const started = Date.now();
    const error = await withTimeout(failingLater(300, new Error('too late')), 50, 'QUIT').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe('QUIT within 50 ms');
    expect(Date.now() - started).toBeLessThan(250);
    await later(300, null); // the work's rejection lands now: vitest fails the run on an unhandled one
  });
});

describe('withinStepTimeout', () => {
  it('turns the timeout into 503 unavailable with Retry-After 5, and keeps other errors', async () => {
    const error = await withinStepTimeout(later(300, 'x'), 'enqueue', 30).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).retryAfterSeconds).toBe(5);
    expect(String((error as AppError).cause)).toContain('enqueue: no answer within 30 ms');
    const failure = new Error('ECONNREFUSED');
    await expect(withinStepTimeout(failingLater(5, failure), 'enqueue', 500)).rejects.toBe(failure);
    expect(await withinStepTimeout(later(5, 7), 'enqueue', 500)).toBe(7);
  });
});
