import { isAsciiDigit, isLetter, isWordUnit } from '../char-class.js';
import { LEET } from '../leet/dictionary.js';
import type { Arena } from '../arena.js';
import { Flag, ViewBuilder, type View } from '../view.js';

/**
 * Step 6: join letters that were typed one by one with separators between them.
 *
 * "l.o.n", "đ m", "c l g t", "c.ặ.c", "d i t me", "n h à c á i" → "lon", "đm", "clgt", "cặc",
 * "dit me", "nhàcái". Only runs of two or more single letters are joined, so ordinary words
 * and abbreviations with longer parts ("check-in", "Q.L 9" stays "ql 9") are untouched.
 * Vietnamese has no one-letter words outside teencode ("a e" = anh em), so joining single
 * letters costs little. A lone leet digit inside such a run is read as its letter when the
 * run has at least two real letters ("l.0.n" → "lon"; "1.2.3" stays). Joined units carry
 * {@link Flag.Joined}.
 *
 * Application order: after leet (so "l.0.n" joins), before collapsing repeats.
 */
export const joinSeparated = (input: View, arena: Arena): View => {
  if (!hasRun(input)) return input;
  const out = new ViewBuilder(input.length, arena);
  let i = 0;
  while (i < input.length) {
    const runEnd = singleLetterRunEnd(input, i);
    if (runEnd === -1) {
      out.copy(input, i);
      i++;
      continue;
    }
    for (let k = i; k < runEnd; k++) {
      const c = input.codes[k]!;
      if (isLetter(c)) out.copy(input, k, c, Flag.Joined);
      else if (isWordUnit(c)) out.copy(input, k, LEET.get(c) ?? c, Flag.Joined | Flag.Leet);
    }
    i = runEnd;
  }
  return out.build();
};

/** Longest separator run allowed between two letters (" . " is three). */
const MAX_GAP = 3;

function isSeparator(c: number): boolean {
  // space . - _ / \ · • ~ ' ` and no-break space
  return (
    c === 0x20 ||
    c === 0x2e ||
    c === 0x2d ||
    c === 0x5f ||
    c === 0x2f ||
    c === 0x5c ||
    c === 0xb7 ||
    c === 0x2022 ||
    c === 0x7e ||
    c === 0x27 ||
    c === 0x60 ||
    c === 0xa0
  );
}

/** A single letter (or leet digit): one whose neighbours are not word units. */
function isSingleLetterAt(v: View, i: number): boolean {
  const c = v.codes[i]!;
  if (!isLetter(c) && !(isAsciiDigit(c) && LEET.has(c))) return false;
  if (i > 0 && isWordUnit(v.codes[i - 1]!)) return false;
  return i + 1 >= v.length || !isWordUnit(v.codes[i + 1]!);
}

/**
 * When a run of ≥ 2 separated single letters starts at `i`, the index just after its last
 * letter; else -1. Linear: the caller skips past the run.
 */
function singleLetterRunEnd(v: View, i: number): number {
  if (!isLetter(v.codes[i]!) || !isSingleLetterAt(v, i)) return -1;
  let count = 1;
  let letters = isLetter(v.codes[i]!) ? 1 : 0;
  let last = i;
  let k = i + 1;
  for (;;) {
    let gap = 0;
    while (k < v.length && isSeparator(v.codes[k]!) && gap <= MAX_GAP) {
      k++;
      gap++;
    }
    if (gap === 0 || gap > MAX_GAP || k >= v.length || !isSingleLetterAt(v, k)) break;
    count++;
    if (isLetter(v.codes[k]!)) letters++;
    last = k;
    k++;
  }
  if (count < 2 || letters < 2) return -1;
  return trimDigits(v, i, last) + 1;
}

/** The run must not end on a digit ("q.l 9" joins "ql", not "ql9"): last letter of the run. */
function trimDigits(v: View, first: number, last: number): number {
  let end = last;
  while (end > first && !isLetter(v.codes[end]!)) end--;
  return end;
}

/**
 * Quick test before building a new view: is there a single letter followed, within
 * MAX_GAP separators, by another single letter (or leet digit)? One pass, no allocation.
 */
function hasRun(v: View): boolean {
  const { codes, length } = v;
  let lastSingleEnd = -100; // index after the last single letter seen
  let wordStart = -1;
  for (let i = 0; i <= length; i++) {
    if (i < length && isWordUnit(codes[i]!)) {
      if (wordStart === -1) wordStart = i;
      continue;
    }
    if (wordStart === -1) continue;
    if (i - wordStart === 1 && isSingleLetterAt(v, wordStart)) {
      if (wordStart - lastSingleEnd <= MAX_GAP && gapIsSeparators(v, lastSingleEnd, wordStart)) return true;
      if (isLetter(v.codes[wordStart]!)) lastSingleEnd = i;
    }
    wordStart = -1;
  }
  return false;
}

function gapIsSeparators(v: View, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) if (!isSeparator(v.codes[k]!)) return false;
  return true;
}
