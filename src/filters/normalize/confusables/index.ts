import { isMark } from '../char-class.js';
import type { Arena } from '../arena.js';
import { Flag, ViewBuilder, type View } from '../view.js';
import { CONFUSABLES } from './dictionary.js';

/**
 * Step 3: fold lookalike Cyrillic/Greek letters, full-width forms and mathematical
 * alphanumerics to Latin.
 *
 * "\u0441ặ\u0441" (Cyrillic с) becomes "cặc"; "l\u043en" becomes "lon". A folded letter followed
 * by combining marks (Cyrillic "о" + U+0301, which NFC could not compose) is composed again
 * now that its base is Latin. Folded units carry {@link Flag.Homoglyph}.
 *
 * Mathematical alphanumerics (U+1D400–U+1D7FF: "𝐟𝐮𝐜𝐤", "𝖉𝖎𝖙", "𝓭𝓶", "𝟎𝟗") lie outside the
 * BMP: a surrogate pair, high unit U+D835, becomes one ASCII letter or digit whose source is
 * both units. Their Greek letters fold like the plain Greek ones (or stay Greek).
 *
 * Application order: after invisible removal, before lower-casing (the dictionary maps
 * case for case).
 */
export const foldConfusables = (input: View, arena: Arena): View => {
  if (!hasFoldable(input.codes)) return input;
  const out = new ViewBuilder(input.length, arena);
  let i = 0;
  while (i < input.length) {
    const c = input.codes[i]!;
    const latin = c === MATH_HIGH ? foldMath(input, i) : foldOne(c);
    if (latin === undefined) {
      out.copy(input, i);
      i++;
      continue;
    }
    i = pushFolded(input, i, c === MATH_HIGH ? 2 : 1, latin, out);
  }
  return out.build();
};

/** Folded unit per unit (0 = unchanged), as a table: this runs on every unit of every comment. */
const FOLD = new Uint16Array(65536);
for (const [from, to] of CONFUSABLES) FOLD[from] = to;
for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0; // full-width ASCII
/** High surrogate of U+1D400–U+1D7FF (mathematical alphanumerics): the pair is read in code. */
const MATH_HIGH = 0xd835;
FOLD[MATH_HIGH] = MATH_HIGH;

/**
 * What the mathematical alphanumeric at `i` (a U+D835 pair) folds to, or undefined (a lone
 * surrogate, a symbol like U+1D6C1 ∇, a Greek letter without a Latin twin). Layout: 13 Latin
 * styles of 52 letters (A–Z a–z; the holes of the block are unassigned, their letters live in
 * the BMP and are in the dictionary), dotless ı ȷ, 5 Greek styles of 58, 5 digit styles of 10.
 */
function foldMath(input: View, i: number): number | undefined {
  if (i + 1 >= input.length) return undefined;
  const low = input.codes[i + 1]!;
  if (low < 0xdc00 || low > 0xdfff) return undefined;
  const k = low - 0xdc00; // code point - U+1D400 (U+1D400 is D835 DC00)
  if (k < 13 * 52) {
    const x = k % 52;
    return x < 26 ? 0x41 + x : 0x61 + x - 26;
  }
  if (k === 0x2a4) return 0x69; // 𝚤 dotless i
  if (k === 0x2a5) return 0x6a; // 𝚥 dotless j
  if (k >= 0x2a8 && k < 0x2a8 + 5 * 58) {
    const x = (k - 0x2a8) % 58;
    // Capitals Α–Ω (position 17 is ϴ), then ∇, then α–ω, then ∂ and variant forms.
    const greek = x < 25 ? 0x391 + x : x >= 26 && x < 51 ? 0x3b1 + x - 26 : 0;
    return (greek && FOLD[greek]) || undefined;
  }
  if (k >= 0x3ce && k < 0x400) return 0x30 + ((k - 0x3ce) % 10);
  return undefined;
}

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

/**
 * Pushes the folded letter (from `width` units: 2 for a surrogate pair), composed with any
 * marks that follow it; returns the next index.
 */
function pushFolded(input: View, i: number, width: number, latin: number, out: ViewBuilder): number {
  let j = i + width;
  while (j < input.length && isMark(input.codes[j]!)) j++;
  let code = latin;
  if (j > i + width) {
    const marks = String.fromCharCode(...input.codes.subarray(i + width, j));
    const composed = (String.fromCharCode(latin) + marks).normalize('NFC');
    if (composed.length !== 1) {
      // Cannot compose into one unit: keep the folded base and the marks as they are.
      out.push(latin, input.start[i]!, input.end[i + width - 1]!, input.flags[i]! | Flag.Homoglyph);
      return i + width;
    }
    code = composed.charCodeAt(0);
  }
  out.push(code, input.start[i]!, input.end[j - 1]!, input.flags[i]! | Flag.Homoglyph);
  return j;
}
