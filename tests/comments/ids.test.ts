/**
 * Comment ids (src/comments/ids.ts): UUIDv7 carrying the time, random elsewhere, never
 * repeated, also across the refills of the pool of random bytes they are cut from.
 */
import { describe, expect, it } from 'vitest';
import { COMMENT_ID_PATTERN } from '../../src/comments/id-patterns.js';
import { newCommentId } from '../../src/comments/ids.js';

const randomPart = (id: string) => id.replace(/-/g, '').slice(12); // after the 48-bit time

describe('newCommentId', () => {
  it('is a UUIDv7 whose first 48 bits are the time in ms', () => {
    const now = Date.UTC(2026, 11, 7, 23, 30);
    const id = newCommentId(now);
    expect(id).toMatch(COMMENT_ID_PATTERN);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });

  it('never repeats its random part over many pool refills, at the same millisecond', () => {
    const now = Date.now();
    const ids = Array.from({ length: 5_000 }, () => newCommentId(now));
    expect(ids.every((id) => COMMENT_ID_PATTERN.test(id))).toBe(true);
    expect(new Set(ids.map(randomPart)).size).toBe(ids.length);
  });

  it('spreads its random bits: every hex digit of the random tail appears in every free position', () => {
    const ids = Array.from({ length: 2_000 }, () => newCommentId());
    const tail = (id: string) => id.slice(-12); // 48 random bits, no version or variant
    for (let position = 0; position < 12; position++) {
      expect(new Set(ids.map((id) => tail(id)[position])).size).toBe(16);
    }
  });
});
