/** The `cursor` query parameter of the keyset-paged JSON lists (public and moderator). */
import { AppError } from '../errors.js';
import { decodeCursor, type ListPosition } from '../store/page-cursor.js';

/** Where the page starts: none without a cursor; a cursor this server did not issue is bad input (400). */
export function pageStart(cursor: string | undefined): ListPosition | undefined {
  if (cursor === undefined) return undefined;
  const after = decodeCursor(cursor);
  if (after === null) throw new AppError('validation_failed', { fields: { cursor: 'invalid' } });
  return after;
}
