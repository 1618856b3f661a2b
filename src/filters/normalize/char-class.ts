/**
 * Character classes as lookup tables over the 65,536 UTF-16 code units, built once.
 *
 * Word boundaries must be Unicode-aware: JavaScript's `\b` treats "ặ" as a boundary and so
 * splits "cặc" into "c" + "c". A unit is a word unit when it is a letter, digit or combining
 * mark (`\p{L}`, `\p{N}`, `\p{M}`). Surrogates count as non-word units: emoji separate words.
 */

/** Private-use unit the leet step writes for a masking symbol (c*c): "any one letter". */
export const WILDCARD = 0xe000;

const WORD = 1;
const LETTER = 2;
const MARK = 4;

const table = buildTable();

function buildTable(): Uint8Array {
  const t = new Uint8Array(65536);
  // One native regex pass per class over a string of every BMP unit (surrogates blanked),
  // rather than three regex calls per unit: the table is built at start-up.
  const units = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0x20 : c;
  const all = new TextDecoder('utf-16le').decode(units);
  for (const m of all.matchAll(/\p{N}/gu)) t[m.index] = WORD;
  for (const m of all.matchAll(/\p{M}/gu)) t[m.index] = WORD | MARK;
  for (const m of all.matchAll(/\p{L}/gu)) t[m.index] = WORD | LETTER;
  t[WILDCARD] = WORD | LETTER;
  return t;
}

/** Letter, digit or combining mark: part of a word. */
export function isWordUnit(code: number): boolean {
  return (table[code]! & WORD) !== 0;
}

/** The word units as a table (1 in, 0 out), for reading a view word by word (runs.ts). */
export const WORD_UNITS: Uint8Array = table.map((bits) => (bits & WORD ? 1 : 0));

export function isLetter(code: number): boolean {
  return (table[code]! & LETTER) !== 0;
}

/** Combining mark (e.g. U+0301 acute), as NFD text carries them. */
export function isMark(code: number): boolean {
  return (table[code]! & MARK) !== 0;
}

/** A table of the units in the given inclusive ranges (1 in, 0 out), for per-unit checks. */
export function unitRangeTable(ranges: ReadonlyArray<readonly [from: number, to: number]>): Uint8Array {
  const t = new Uint8Array(65536);
  for (const [from, to] of ranges) t.fill(1, from, to + 1);
  return t;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
