/**
 * The one cursor codec of every keyset-paged comment list (the queue page, GET
 * /admin/api/comments, the public GET /v1/articles/:id/comments).
 *
 * A cursor is opaque to clients: base64url of `[createdAt, id]` of the last row of a page, with
 * createdAt as the exact text PostgreSQL keeps (microseconds, UTC). A JavaScript Date keeps
 * milliseconds only: two comments 300 µs apart would share a rounded position, and the next
 * page would repeat or skip one of them. The position is the store's (it is how the listing
 * resumes its ORDER BY), so the codec lives here, beside it, pure: no database, no domain.
 *
 * Lists ordered by a number first (the public list by likes, the reported list by open
 * reports) add that number as a third element, `rank`: `[createdAt, id, rank]`.
 */

/** Where a page starts: after (or before, for newest-first lists) this row. */
export interface ListPosition {
  /** created_at as `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  createdAt: string;
  id: string;
  /** The leading sort number of lists ordered by one (likes, open reports); absent otherwise. */
  rank?: number;
}

const POSITION_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{1,6}Z$/;

/**
 * True when `text` is a UTC time of POSITION_TIME's shape that PostgreSQL can store: Date.parse
 * alone accepts year 0 and rolls 31 February over into March, and PostgreSQL refuses both
 * (22008, which was a 500 on a forged cursor).
 */
export function isStorableTime(text: string): boolean {
  const parts = POSITION_TIME.exec(text);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1 && daysInMonth !== undefined && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

export function encodeCursor(position: ListPosition): string {
  const parts = position.rank === undefined ? [position.createdAt, position.id] : [position.createdAt, position.id, position.rank];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The position, or null when the text is not a cursor we issued. */
export function decodeCursor(cursor: string): ListPosition | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length < 2 || value.length > 3) return null;
    const [createdAt, id, rank] = value;
    if (typeof createdAt !== 'string' || !isStorableTime(createdAt)) return null;
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
    if (value.length === 2) return { createdAt, id };
    // A count the database keeps as integer: anything else did not come from us.
    if (!Number.isInteger(rank) || rank < 0 || rank > 2_147_483_647) return null;
    return { createdAt, id, rank };
  } catch {
    return null;
  }
}
