/** New comment ids, and the zod schemas of the id rules in ./id-patterns.ts. */
import { z } from 'zod';
import { randomBytesPool } from '../util/random-pool.js';
import { ARTICLE_ID_PATTERN, COMMENT_ID_PARAM_PATTERN } from './id-patterns.js';

/**
 * A new comment id: a UUIDv7 (RFC 9562), time-ordered so ids sort roughly by arrival and
 * index well, random enough that nobody can guess another comment's id.
 */
export function newCommentId(now = Date.now()): string {
  const bytes = freshRandomBytes();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 16 bytes an id, drawn 128 ids at a time (src/util/random-pool.ts). */
const freshRandomBytes = randomBytesPool(16, 128);

export const articleIdSchema = z.string().regex(ARTICLE_ID_PATTERN, 'invalid');

export const commentIdParamSchema = z.string().regex(COMMENT_ID_PARAM_PATTERN, 'invalid');
