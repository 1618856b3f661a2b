import { isLetter } from '../normalize/char-class.js';
import type { Detector } from './types.js';

/**
 * spam.shouting: a comment written mostly in capitals. Compares the `cased` view with its
 * lower-cased twin `plain` (aligned unit for unit), so Vietnamese capitals count ("ĐỀ NGHỊ").
 * Weak on its own: angry readers shout too; it adds up with other spam signals.
 */
export const shouting: Detector = function shouting(text) {
  const { cased, plain } = text;
  // Too short, or no capital at all (lower-casing then returns the same view).
  if (cased.length < MIN_LETTERS || cased === plain) return [];
  let letters = 0;
  let upper = 0;
  let first = -1;
  let last = -1;
  const n = cased.length;
  const casedCodes = cased.codes;
  const plainCodes = plain.codes;
  for (let i = 0; i < n; i++) {
    const c = plainCodes[i]!;
    if (!isLetter(c)) continue;
    letters++;
    if (casedCodes[i] !== c) upper++;
    if (first === -1) first = i;
    last = i;
    // Stop once the lower-case letters are too many for even an all-capital rest (with a
    // margin of one letter, so rounding in the final test cannot matter).
    if (i % 16 === 15 && 7 * (letters - upper) > 3 * (upper + n - i - 1) + 7) return [];
  }
  if (letters < MIN_LETTERS || upper < letters * UPPER_SHARE) return [];
  return [{ rule: 'spam.shouting', tier: 'review', weight: 0.3, start: cased.start[first]!, end: cased.end[last]! }];
};

const MIN_LETTERS = 20;
const UPPER_SHARE = 0.7;
