import { describe, expect, it } from 'vitest';
import { Arena } from '../../../src/filters/normalize/arena.js';
import { createFilterEngine } from '../../../src/filters/index.js';

describe('Arena', () => {
  it('never hands out overlapping views, also when it grows', () => {
    const arena = new Arena(64);
    const a = arena.u16(20);
    const b = arena.i32(100); // does not fit: a new buffer
    const c = arena.u8(10);
    a.fill(1);
    b.fill(2);
    c.fill(3);
    expect([...a].every((x) => x === 1)).toBe(true);
    expect([...b].every((x) => x === 2)).toBe(true);
    expect([...c].every((x) => x === 3)).toBe(true);
  });

  it('gives the engine the same verdict whatever it evaluated before (regression)', () => {
    const engine = createFilterEngine({ model: false });
    const long = 'x'.repeat(6000);
    const fresh = createFilterEngine({ model: false }).evaluate(long);
    engine.evaluate('ᴆꓚ喳≊'.repeat(1012));
    expect(engine.evaluate(long)).toEqual(fresh);
  });
});
