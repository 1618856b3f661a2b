import type { NormalizedText } from '../normalize/index.js';
import { WORD_UNITS, isWordUnit } from '../normalize/char-class.js';
import { lowerUnit } from '../normalize/lowercase/index.js';
import { FNV_OFFSET, FNV_PRIME } from './hash.js';

/**
 * The syllables the span model labels, read from the `accented` view (lower case, lookalikes
 * folded, leet read, separated letters joined, repeats collapsed), so "Đ.M", "đmmmm" and "đm"
 * are one token alike. `stripped` is aligned unit for unit with `accented`, so both forms of a
 * token share its view range. A word is a run of word units; any other visible unit (emoji,
 * punctuation) is a token of its own, since readers' insults include both.
 */
export interface Tokens {
  /** Tokens 0..count-1 are valid; the arrays may be longer (reused memory). */
  readonly count: number;
  /** View range [viewStart, viewEnd) of token i in `accented`/`stripped`. */
  readonly viewStart: Int32Array;
  readonly viewEnd: Int32Array;
  /** Input range [start, end) of token i, in UTF-16 units of the evaluated text. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Hash of the token as typed (lower-cased, with marks) and without marks. */
  readonly hashAccented: Uint32Array;
  readonly hashStripped: Uint32Array;
  /** Bits of {@link Shape}. */
  readonly shape: Uint8Array;
}

export const Shape = { Word: 1, Capital: 2, AllCaps: 4, Digits: 8, Marked: 16, Long: 32 } as const;

/** Tokens beyond this are not labelled: a comment is rarely longer, a flood never needs more. */
export const MAX_TOKENS = 2048;

/**
 * Splits a normalised comment into tokens. `into` is reusable memory (the engine keeps one, as
 * it keeps an arena): the tokens it returns are valid until the next call with the same buffer.
 */
export function tokenize(text: NormalizedText, into: TokenBuffer = new TokenBuffer(64)): Tokens {
  const view = text.accented;
  const acc = view.codes;
  const str = text.stripped.codes;
  const length = view.length;
  const buf = into.reserve(Math.min(length, MAX_TOKENS));
  const input = text.input;
  const viewStarts = view.start;
  const viewEnds = view.end;
  let count = 0;
  let i = 0;
  // One pass: each word's range, both hashes (FNV-1a, as hash.ts `hashUnits`), digits and
  // marks are read as its units go by (a second pass over the units cost 15 % of the model).
  while (i < length && count < MAX_TOKENS) {
    const c = acc[i]!;
    if (WORD_UNITS[c] === 1) {
      const from = i;
      let hashA = FNV_OFFSET;
      let hashS = FNV_OFFSET;
      let digits = true;
      let marked = false;
      do {
        const u = acc[i]!;
        const d = str[i]!;
        hashA = Math.imul(hashA ^ u, FNV_PRIME);
        hashS = Math.imul(hashS ^ d, FNV_PRIME);
        if (u < 0x30 || u > 0x39) digits = false;
        if (u !== d) marked = true;
        i++;
      } while (i < length && WORD_UNITS[acc[i]!] === 1);
      let bits = Shape.Word;
      if (digits) bits |= Shape.Digits;
      if (marked) bits |= Shape.Marked;
      if (i - from > 7) bits |= Shape.Long;
      buf.push(count++, from, i, viewStarts[from]!, viewEnds[i - 1]!, hashA, hashS, bits, input);
    } else if (isSpace(c)) {
      i++;
    } else {
      // One symbol, a surrogate pair (emoji) kept whole.
      const from = i++;
      if (c >= 0xd800 && c <= 0xdbff && i < length) i++;
      let hashA = FNV_OFFSET;
      let hashS = FNV_OFFSET;
      let marked = false;
      for (let j = from; j < i; j++) {
        hashA = Math.imul(hashA ^ acc[j]!, FNV_PRIME);
        hashS = Math.imul(hashS ^ str[j]!, FNV_PRIME);
        if (acc[j] !== str[j]) marked = true;
      }
      buf.push(count++, from, i, viewStarts[from]!, viewEnds[i - 1]!, hashA, hashS, marked ? Shape.Marked : 0, input);
    }
  }
  return buf.view(count);
}

/** Growable memory for {@link tokenize}: one set of arrays, reused comment after comment. */
export class TokenBuffer implements Tokens {
  count = 0;
  viewStart!: Int32Array;
  viewEnd!: Int32Array;
  start!: Int32Array;
  end!: Int32Array;
  hashAccented!: Uint32Array;
  hashStripped!: Uint32Array;
  shape!: Uint8Array;

  constructor(capacity: number) {
    this.allocate(capacity);
  }

  reserve(count: number): this {
    if (count > this.start.length) this.allocate(Math.max(count, this.start.length * 2));
    return this;
  }

  /**
   * Records token `at`: view units [from, to), input units [s0, s1), its hashes and shape bits
   * (case added here). A method, not a closure in `tokenize`: under tsx (how the service and
   * the bench run) a named closure is renamed by a helper call on every creation.
   */
  push(at: number, from: number, to: number, s0: number, s1: number, hashA: number, hashS: number, bits: number, input: string): void {
    this.viewStart[at] = from;
    this.viewEnd[at] = to;
    this.start[at] = s0;
    this.end[at] = s1;
    this.hashAccented[at] = hashA >>> 0;
    this.hashStripped[at] = hashS >>> 0;
    this.shape[at] = bits | caseShape(input, s0, s1);
  }

  /** The buffer itself is the tokens (no object a comment): valid until the next `tokenize`. */
  view(count: number): Tokens {
    this.count = count;
    return this;
  }

  private allocate(capacity: number): void {
    this.viewStart = new Int32Array(capacity);
    this.viewEnd = new Int32Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.hashAccented = new Uint32Array(capacity);
    this.hashStripped = new Uint32Array(capacity);
    this.shape = new Uint8Array(capacity);
  }
}

/** Capital and AllCaps bits of the input range [from, to). */
function caseShape(input: string, from: number, to: number): number {
  if (!isUpper(input.charCodeAt(from))) return 0;
  for (let i = from + 1; i < to; i++) {
    const c = input.charCodeAt(i);
    if (!isUpper(c) && isWordUnit(c)) return Shape.Capital;
  }
  return to - from > 1 ? Shape.Capital | Shape.AllCaps : Shape.Capital;
}

function isUpper(c: number): boolean {
  return lowerUnit(c) !== c;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}
