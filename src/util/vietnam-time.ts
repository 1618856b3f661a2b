/** Vietnam's calendar day (UTC+7, no daylight saving), for "today" statistics. */

/** Midnight today in Vietnam (UTC+7, no daylight saving), for "today" statistics. */
export function startOfTodayInVietnam(now: Date): Date {
  const offsetMs = 7 * 3600 * 1000;
  const local = new Date(now.getTime() + offsetMs);
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() - offsetMs);
}
