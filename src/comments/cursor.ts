/**
 * Opaque page cursors: base64url of `[createdAt, id]` of the last row of a page. Clients must
 * not build them; a cursor that does not decode is a validation error, never a 500.
 */
import type { ListPosition } from '../store/comment-listing.js';

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
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
}

/** The position, or null when the text is not a cursor we issued. */
export function decodeCursor(cursor: string): ListPosition | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value;
    if (typeof createdAt !== 'string' || !isStorableTime(createdAt)) return null;
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
