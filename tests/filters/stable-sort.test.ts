import { describe, expect, it } from 'vitest';
import { stableSort } from '../../src/filters/stable-sort.js';

describe('stableSort', () => {
  it('orders like Array.prototype.sort, ties kept in order, short and long arrays', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) % 5;
    for (const length of [0, 1, 2, 5, 24, 25, 60]) {
      const items = Array.from({ length }, (_, id) => ({ key: next(), id }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(stableSort([...items], byKey)).toEqual([...items].sort(byKey));
    }
  });
});
