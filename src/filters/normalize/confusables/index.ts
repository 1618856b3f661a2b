import { isMark } from '../char-class.js';
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
export const foldConfusables = (input: View): View => {
  const out = new ViewBuilder(input.length);
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

function foldOne(c: number): number | undefined {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII
  return CONFUSABLES.get(c);
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
