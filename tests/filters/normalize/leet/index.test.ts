import { describe, expect, it } from 'vitest';
import { WILDCARD } from '../../../../src/filters/normalize/char-class.js';
import { Flag, normalize } from '../../../../src/filters/normalize/index.js';
import { expectEach } from '../../cases.js';
import { accentedText, viewOf } from '../../helpers.js';

describe('resolveLeet (through normalize)', () => {
  expectEach('reads %s as %s', accentedText, [
    ['l0n', 'lon'],
    ['d1t me', 'dit me'],
    ['c@c', 'cac'],
    ['Đ3o', 'đeo'],
    ['C4 d0 b0ng', 'ca do bong'],
    ['sh!t', 'shit'],
    ['a$$', 'ass'],
  ]);

  it('turns a mask into a wildcard unit', () => {
    expect(accentedText('c*c')).toBe(`c${String.fromCharCode(WILDCARD)}c`);
    expect(normalize('c*c').accented.flags[1]! & Flag.Wildcard).toBeTruthy();
  });

  expectEach(
    'leaves numbers and punctuation alone: %s',
    accentedText,
    ['2024', '100k', 'U23', '0912 345 678', '4.500.000.000', 'hay quá!', '10h'].map((s) => [s, s.toLowerCase()]),
  );

  it('keeps digits as digits in the plain view (phones read it)', () => {
    expect(viewOf('plain', 'l0n')).toBe('l0n');
  });
});
