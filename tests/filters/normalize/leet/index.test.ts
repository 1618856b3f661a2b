import { describe, expect, it } from 'vitest';
import { WILDCARD } from '../../../../src/filters/normalize/char-class.js';
import { Flag, normalize, viewText } from '../../../../src/filters/normalize/index.js';

const accented = (s: string) => viewText(normalize(s).accented);

describe('resolveLeet (through normalize)', () => {
  it.each([
    ['l0n', 'lon'],
    ['d1t me', 'dit me'],
    ['c@c', 'cac'],
    ['Đ3o', 'đeo'],
    ['C4 d0 b0ng', 'ca do bong'],
    ['sh!t', 'shit'],
    ['a$$', 'ass'],
  ])('reads %s as %s', (input, expected) => {
    expect(accented(input)).toBe(expected);
  });

  it('turns a mask into a wildcard unit', () => {
    expect(accented('c*c')).toBe(`c${String.fromCharCode(WILDCARD)}c`);
    expect(normalize('c*c').accented.flags[1]! & Flag.Wildcard).toBeTruthy();
  });

  it.each([['2024'], ['100k'], ['U23'], ['0912 345 678'], ['4.500.000.000'], ['hay quá!'], ['10h']])(
    'leaves numbers and punctuation alone: %s',
    (input) => {
      expect(accented(input)).toBe(input.toLowerCase());
    },
  );

  it('keeps digits as digits in the plain view (phones read it)', () => {
    expect(viewText(normalize('l0n').plain)).toBe('l0n');
  });
});
