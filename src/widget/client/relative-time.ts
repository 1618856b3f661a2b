/**
 * "5 phút trước", "2 giờ trước", "3 ngày trước", then a plain date (dd/mm/yyyy) — how
 * Vietnamese news sites date their readers' comments. Pure, so it is tested without a browser.
 */
import type { Messages } from './i18n/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older than this, a relative time stops being useful and the date is shown instead. */
const RELATIVE_LIMIT = 7 * DAY;

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** dd/mm/yyyy in the reader's own time zone. */
export function formatDate(date: Date): string {
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

export function formatRelativeTime(date: Date, now: Date, t: Messages): string {
  const elapsed = now.getTime() - date.getTime();
  if (Number.isNaN(elapsed)) return '';
  // A reader's clock a little behind the server's gives a negative age: still "just now".
  if (elapsed < MINUTE) return t.justNow;
  if (elapsed < HOUR) return t.minutesAgo(Math.floor(elapsed / MINUTE));
  if (elapsed < DAY) return t.hoursAgo(Math.floor(elapsed / HOUR));
  if (elapsed < RELATIVE_LIMIT) return t.daysAgo(Math.floor(elapsed / DAY));
  return formatDate(date);
}
