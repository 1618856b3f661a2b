import { isMark } from '../char-class.js';
import type { Arena } from '../arena.js';
import { Flag, ViewBuilder, type View } from '../view.js';
import { CONFUSABLES } from './dictionary.js';

/**
 * Step 3: fold lookalike Cyrillic/Greek letters and full-width forms to Latin.
 *
 * "\u0441ặ\u0441" (Cyrillic с) becomes "cặc"; "l\u043en" becomes "lon". A folded letter followed
 * by combining marks (Cyrillic "о" + U+0301, which NFC could not compose) is composed again
 * now that its base is Latin. Folded units carry {@link Flag.Homoglyph}.
 *
 * Application order: after invisible removal, before lower-casing (the dictionary maps
 * case for case).
 */
export const foldConfusables = (input: View, arena: Arena): View => {
  if (!hasFoldable(input.codes)) return input;
  const out = new ViewBuilder(input.length, arena);
  let i = 0;
  while (i < input.length) {
    const latin = foldOne(input.codes[i]!);
    if (latin === undefined) {
      out.copy(input, i);
      i++;
      continue;
    }
    i = pushFolded(input, i, latin, out);
  }
  return out.build();
};

/** Folded unit per unit (0 = unchanged), as a table: this runs on every unit of every comment. */
const FOLD = new Uint16Array(65536);
for (const [from, to] of CONFUSABLES) FOLD[from] = to;
for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0; // full-width ASCII

/** Whether this step would change the unit. */
export function isFoldable(c: number): boolean {
  return FOLD[c] !== 0;
}

function foldOne(c: number): number | undefined {
  return FOLD[c] || undefined;
}

function hasFoldable(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) if (FOLD[codes[i]!]) return true;
  return false;
}

/** Pushes the folded letter, composed with any marks that follow it; returns the next index. */
function pushFolded(input: View, i: number, latin: number, out: ViewBuilder): number {
  let j = i + 1;
  while (j < input.length && isMark(input.codes[j]!)) j++;
  let code = latin;
  if (j > i + 1) {
    const marks = String.fromCharCode(...input.codes.subarray(i + 1, j));
    const composed = (String.fromCharCode(latin) + marks).normalize('NFC');
    if (composed.length !== 1) {
      // Cannot compose into one unit: keep the folded base and the marks as they are.
      out.copy(input, i, latin, Flag.Homoglyph);
      return i + 1;
    }
    code = composed.charCodeAt(0);
  }
  out.push(code, input.start[i]!, input.end[j - 1]!, input.flags[i]! | Flag.Homoglyph);
  return j;
}
