import type { Arena } from '../arena.js';
import { unitRangeTable } from '../char-class.js';
import { Flag, ViewBuilder, type View } from '../view.js';

/**
 * Step 2: drop characters a reader cannot see.
 *
 * Zero-width space/joiners (U+200B–U+200D), word joiner and invisible operators
 * (U+2060–U+2064), bidi controls (U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), BOM (U+FEFF),
 * soft hyphen (U+00AD), combining grapheme joiner (U+034F), Mongolian vowel separator (U+180E),
 * Hangul fillers. Spammers put them inside words ("Va\u200by") to split them for naive filters.
 * The unit after a removed character carries {@link Flag.Invisible}.
 *
 * Application order: after NFC (an invisible character between a letter and its mark would
 * otherwise block composition, which the NFC step already handled cluster by cluster).
 */
export const removeInvisible = (input: View, arena: Arena): View => {
  if (!hasInvisible(input.codes)) return input;
  const out = new ViewBuilder(input.length, arena);
  let pending = 0;
  for (let i = 0; i < input.length; i++) {
    if (isInvisible(input.codes[i]!)) {
      pending = Flag.Invisible;
      continue;
    }
    out.copy(input, i, input.codes[i], pending);
    pending = 0;
  }
  return out.build();
};

export function isInvisible(c: number): boolean {
  return INVISIBLE[c] === 1;
}

/** The characters above as a table: the check runs on every unit of every comment. */
const INVISIBLE = unitRangeTable([
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x180e, 0x180e],
  [0x115f, 0x1160],
  [0x3164, 0x3164],
  [0xffa0, 0xffa0],
]);

function hasInvisible(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) if (INVISIBLE[codes[i]!] === 1) return true;
  return false;
}
