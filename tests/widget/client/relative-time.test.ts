import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/widget/client/i18n/index.js';
import { formatDate, formatRelativeTime } from '../../../src/widget/client/relative-time.js';

const now = new Date(2026, 10, 26, 14, 0, 0); // local time, like the reader's browser
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const vi = MESSAGES.vi;
const en = MESSAGES.en;

describe('formatRelativeTime (Vietnamese)', () => {
  it('says "vừa xong" under a minute, and for a clock slightly ahead of the reader', () => {
    expect(formatRelativeTime(ago(0), now, vi)).toBe('vừa xong');
    expect(formatRelativeTime(ago(59_999), now, vi)).toBe('vừa xong');
    expect(formatRelativeTime(ago(-30_000), now, vi)).toBe('vừa xong');
  });

  it('counts minutes, hours and days', () => {
    expect(formatRelativeTime(ago(MIN), now, vi)).toBe('1 phút trước');
    expect(formatRelativeTime(ago(5 * MIN + 10_000), now, vi)).toBe('5 phút trước');
    expect(formatRelativeTime(ago(59 * MIN), now, vi)).toBe('59 phút trước');
    expect(formatRelativeTime(ago(2 * 60 * MIN), now, vi)).toBe('2 giờ trước');
    expect(formatRelativeTime(ago(23 * 60 * MIN + 59 * MIN), now, vi)).toBe('23 giờ trước');
    expect(formatRelativeTime(ago(3 * 24 * 60 * MIN), now, vi)).toBe('3 ngày trước');
    expect(formatRelativeTime(ago(6 * 24 * 60 * MIN), now, vi)).toBe('6 ngày trước');
  });

  it('shows the date as dd/mm/yyyy from a week on', () => {
    expect(formatRelativeTime(new Date(2026, 10, 19, 13, 59), now, vi)).toBe('19/11/2026');
    expect(formatRelativeTime(new Date(2025, 0, 5, 8, 0), now, vi)).toBe('05/01/2025');
  });

  it('gives nothing for an unreadable date instead of "NaN"', () => {
    expect(formatRelativeTime(new Date('not a date'), now, vi)).toBe('');
  });
});

describe('formatRelativeTime (English)', () => {
  it('uses singular and plural', () => {
    expect(formatRelativeTime(ago(10_000), now, en)).toBe('just now');
    expect(formatRelativeTime(ago(MIN), now, en)).toBe('1 minute ago');
    expect(formatRelativeTime(ago(5 * MIN), now, en)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(60 * MIN), now, en)).toBe('1 hour ago');
    expect(formatRelativeTime(ago(2 * 24 * 60 * MIN), now, en)).toBe('2 days ago');
  });
});

describe('formatDate', () => {
  it('pads day and month', () => {
    expect(formatDate(new Date(2026, 2, 9))).toBe('09/03/2026');
    expect(formatDate(new Date(2026, 11, 31))).toBe('31/12/2026');
  });
});
