import { isAsciiDigit, isLetter, isWordUnit, WILDCARD, WORD_UNITS } from '../char-class.js';
import type { Arena } from '../arena.js';
import { nextRunStart, runEnd } from '../runs.js';
import { Flag, ViewBuilder, type View } from '../view.js';
import { LEET, MASKS } from './dictionary.js';

/**
 * Step 5: read digits and symbols inside words as the letters they stand for.
 *
 * Only inside a token that is mostly letters: "l0n" → "lon", "C4 d0" → "ca do", "c@c" → "cac",
 * "c*c" → "c?c" (a wildcard unit the matcher lets stand for any letter). Numbers, amounts and
 * codes ("2024", "100k", "U23", "0912 345 678") have at least as many digits as letters and
 * are left alone; so is punctuation at either end of a token ("hay quá!").
 * Converted units carry {@link Flag.Leet} or {@link Flag.Wildcard}.
 *
 * Application order: after lower case, before joining separated letters (so "l.0.n" joins
 * into "lon") and before diacritics are stripped.
 */
export const resolveLeet = (input: View, arena: Arena): View => {
  if (!hasStandIn(input.codes) || !anyTokenDisguised(input)) return input;
  const out = new ViewBuilder(input.length, arena);
  let copied = 0;
  for (let i = nextRunStart(input, 0, TOKEN_UNITS); i < input.length; i = nextRunStart(input, copied, TOKEN_UNITS)) {
    for (let k = copied; k < i; k++) out.copy(input, k);
    copied = runEnd(input, i, TOKEN_UNITS);
    emitToken(input, i, copied, out);
  }
  for (let k = copied; k < input.length; k++) out.copy(input, k);
  return out.build();
};

/** Units that may stand for a letter, as a table: this runs on every unit of every comment. */
const STAND_IN = new Uint8Array(65536);
for (const c of [...LEET.keys(), ...MASKS]) STAND_IN[c] = 1;

/** A digit or symbol that may stand for a letter (the step reads only tokens with one). */
export function isStandIn(c: number): boolean {
  return STAND_IN[c] === 1;
}

function hasStandIn(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) if (STAND_IN[codes[i]!]) return true;
  return false;
}

/** First pass, no allocation: does any token need converting at all? */
function anyTokenDisguised(input: View): boolean {
  for (let i = nextRunStart(input, 0, TOKEN_UNITS); i < input.length; ) {
    const j = runEnd(input, i, TOKEN_UNITS);
    if (looksDisguised(input, coreStart(input, i, j), coreEnd(input, i, j))) return true;
    i = nextRunStart(input, j, TOKEN_UNITS);
  }
  return false;
}

/**
 * The token's core: the token without punctuation at its edges, except "$" closing a word
 * ("a$$"). Two functions rather than a pair, which would be allocated for every token.
 */
function coreStart(input: View, from: number, to: number): number {
  let a = from;
  while (a < to && !isWordUnit(input.codes[a]!)) a++;
  return a;
}

function coreEnd(input: View, from: number, to: number): number {
  const a = coreStart(input, from, to);
  let b = to;
  while (b > a && !isWordUnit(input.codes[b - 1]!) && input.codes[b - 1] !== 0x24) b--;
  return b;
}

/** A token is read as a run of word units and stand-ins ("l0n", "c@c", "a$$"). */
const TOKEN_UNITS = WORD_UNITS.map((word, c) => word | STAND_IN[c]!);

/** Converts the token [from, to) when it looks like a disguised word, else copies it. */
function emitToken(input: View, from: number, to: number, out: ViewBuilder): void {
  const a = coreStart(input, from, to);
  const b = coreEnd(input, from, to);
  for (let k = from; k < a; k++) out.copy(input, k);
  const convert = looksDisguised(input, a, b);
  for (let k = a; k < b; k++) {
    const c = input.codes[k]!;
    if (convert && MASKS.has(c)) out.copy(input, k, WILDCARD, Flag.Wildcard);
    else if (convert && LEET.has(c)) out.copy(input, k, LEET.get(c), Flag.Leet);
    else out.copy(input, k);
  }
  for (let k = b; k < to; k++) out.copy(input, k);
}

/** A word with some stand-ins: at least one letter, fewer digits than letters. */
function looksDisguised(input: View, a: number, b: number): boolean {
  let letters = 0;
  let digits = 0;
  let standIns = 0;
  for (let k = a; k < b; k++) {
    const c = input.codes[k]!;
    if (isLetter(c)) letters++;
    else if (isAsciiDigit(c)) digits++;
    if (STAND_IN[c] === 1) standIns++;
  }
  return standIns > 0 && letters > 0 && digits <= letters;
}
