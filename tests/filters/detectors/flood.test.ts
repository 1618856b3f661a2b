import { describe, expect, it } from 'vitest';
import { flood } from '../../../src/filters/detectors/flood.js';
import { detect } from '../helpers.js';

describe('flood', () => {
  it('flags one character repeated many times, emoji counted once each', () => {
    expect(detect(flood, 'hay quá!!!!!!!!!!!!').map((f) => f.match)).toEqual(['!!!!!!!!!!!!']);
    expect(detect(flood, '😡'.repeat(10)).map((f) => f.match)).toEqual(['😡'.repeat(10)]);
  });

  it('flags one word repeated many times in a row', () => {
    expect(detect(flood, 'mua mua mua mua mua mua đi').map((f) => f.match)).toEqual(['mua mua mua mua mua mua']);
  });

  it('ignores ordinary emphasis', () => {
    expect(detect(flood, 'Cố lênnnn U23 ơiiii!!! 😀😀😀')).toEqual([]);
    expect(detect(flood, 'năm nào cũng ngập, năm nào cũng hứa')).toEqual([]);
  });
});
