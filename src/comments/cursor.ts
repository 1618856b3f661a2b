/**
 * Opaque page cursors: base64url of `[createdAt, id]` of the last row of a page. Clients must
 * not build them; a cursor that does not decode is a validation error, never a 500.
 */
import type { ListPosition } from '../store/comment-listing.js';

const POSITION_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}Z$/;

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
    if (typeof createdAt !== 'string' || !POSITION_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt))) return null;
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
