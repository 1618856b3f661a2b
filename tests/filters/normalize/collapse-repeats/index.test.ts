import { describe, expect, it } from 'vitest';
import { normalize, viewText } from '../../../../src/filters/normalize/index.js';

describe('collapseRepeats (through normalize)', () => {
  it.each([
    ['điiiiit', 'điit'],
    ['lớnnnn', 'lớnn'],
    ['Đmmmm', 'đmm'],
    ['quááá', 'quáá'],
  ])('shortens %s to %s', (input, expected) => {
    expect(viewText(normalize(input).accented)).toBe(expected);
  });

  it('keeps real double letters', () => {
    expect(viewText(normalize('cc class xoong').accented)).toBe('cc class xoong');
  });

  it('leaves digits and punctuation runs (phones, floods) alone', () => {
    expect(viewText(normalize('0977888999 !!!').accented)).toBe('0977888999 !!!');
  });

  it('maps the kept letter over the whole run', () => {
    const input = 'đmmmm';
    const t = normalize(input);
    expect(input.slice(t.accented.start[0], t.accented.end[t.accented.length - 1])).toBe('đmmmm');
  });
});
