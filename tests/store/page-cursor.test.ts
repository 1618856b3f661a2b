import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, isStorableTime } from '../../src/store/page-cursor.js';

describe('page cursor codec', () => {
  it('gives back the exact position, microseconds included', () => {
    const position = { createdAt: '2026-01-01T00:00:01.500400Z', id: '0190a0a0-0000-7000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('answers null to text it did not issue and to dates PostgreSQL cannot hold', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const text of [
      '',
      '%%',
      'zzz',
      forged({ x: 1 }),
      forged(['2026-02-31T00:00:00.000Z', 'a']),
      forged(['0000-01-01T00:00:00.0Z', 'a']),
      forged(['2026-01-01T00:00:00.000Z', '']),
    ]) {
      expect(decodeCursor(text), text).toBeNull();
    }
    expect(isStorableTime('2024-02-29T23:59:59.999999Z')).toBe(true);
    expect(isStorableTime('2023-02-29T00:00:00.0Z')).toBe(false);
  });
});
