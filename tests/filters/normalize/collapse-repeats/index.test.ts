import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/filters/normalize/index.js';
import { expectEach } from '../../cases.js';
import { accentedText } from '../../helpers.js';

describe('collapseRepeats (through normalize)', () => {
  expectEach('shortens %s to %s', accentedText, [
    ['điiiiit', 'điit'],
    ['lớnnnn', 'lớnn'],
    ['Đmmmm', 'đmm'],
    ['quááá', 'quáá'],
  ]);

  it('keeps real double letters', () => {
    expect(accentedText('cc class xoong')).toBe('cc class xoong');
  });

  it('leaves digits and punctuation runs (phones, floods) alone', () => {
    expect(accentedText('0977888999 !!!')).toBe('0977888999 !!!');
  });

  it('maps the kept letter over the whole run', () => {
    const input = 'đmmmm';
    const t = normalize(input);
    expect(input.slice(t.accented.start[0], t.accented.end[t.accented.length - 1])).toBe('đmmmm');
  });
});
