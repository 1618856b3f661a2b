/**
 * A failure repeated on every request while Redis is down is logged once, then once per
 * interval with how many were left out (src/logger.ts throttledWarning).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, throttledWarning } from '../../src/logger.js';

describe('throttledWarning', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('logs the first failure, leaves out repeats within the interval, then says how many it left out', () => {
    vi.useFakeTimers();
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('info', {}, { write: (line: string) => lines.push(JSON.parse(line)) });
    const warn = throttledWarning(logger, 'count cache write failed', 30_000);
    for (let i = 0; i < 500; i++) warn({ err: 'Stream isn\u2019t writeable', articleId: `bai-${i}` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'count cache write failed', articleId: 'bai-0', level: 40 });
    expect(lines[0]).not.toHaveProperty('suppressed');
    vi.advanceTimersByTime(30_000);
    warn({ err: 'still down', articleId: 'bai-500' });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ articleId: 'bai-500', suppressed: 499 });
  });
});
