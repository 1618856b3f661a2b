/**
 * The span model's per-word cache (see span-model.ts): for each distinct word, the sums of
 * the features that depend on it alone, as itself and as each kind of neighbour.
 */

/** Per cached word: sums (token, comment) as itself, as previous, next, 2 before, 2 after. */
export const SELF = 0;
export const PREV = 2;
export const NEXT = 4;
export const BEFORE2 = 6;
export const AFTER2 = 8;
export const SUMS = 10;

/** A row: the word's two hashes, then its sums; one row is 48 bytes, about a cache line. */
const KEY_A = 0;
const KEY_B = 1;
const ROW = 2 + SUMS;
/** Set in every stored second key (shape bits stop at 0x20), so a 0 marks an empty row. */
const USED = 0x80;

/**
 * Open-addressing table from a word's two hashes to its sums, in one typed array (a Map keyed
 * by numbers past 2^31 allocates a heap number per look-up). Keys and sums share a row, so a
 * look-up that hits touches one cache line, not four arrays (−0.5 to −1 µs a comment in
 * `bench/filter.bench.ts`, see src/filters/README.md "Speed"). Starts again when 3/4 full, so
 * a flood of junk words cannot grow it.
 */
export class WordCache {
  private static readonly CAPACITY = 1 << 14;
  /** Rows of {@link ROW} numbers; `find`/`insert` return where a row's sums start. */
  readonly values = new Int32Array(WordCache.CAPACITY * ROW);
  private size = 0;

  /** Index into `values` of the word's sums, or -1. `b` must leave bit 0x80 free. */
  find(a: number, b: number): number {
    const rows = this.values;
    const key = b | USED | 0;
    const mask = WordCache.CAPACITY - 1;
    for (let i = (Math.imul(a, 0x9e3779b1) ^ b) & mask; ; i = (i + 1) & mask) {
      const at = i * ROW;
      const stored = rows[at + KEY_B]!;
      if (stored === 0) return -1;
      if (stored === key && rows[at + KEY_A] === (a | 0)) return at + 2;
    }
  }

  /** Claims a free entry for a word known to be absent; its sums are to be written. */
  insert(a: number, b: number): number {
    if (this.size >= (WordCache.CAPACITY * 3) / 4) {
      this.values.fill(0);
      this.size = 0;
    }
    const rows = this.values;
    const mask = WordCache.CAPACITY - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ b) & mask;
    while (rows[i * ROW + KEY_B] !== 0) i = (i + 1) & mask;
    const at = i * ROW;
    rows[at + KEY_A] = a;
    rows[at + KEY_B] = b | USED;
    this.size++;
    return at + 2;
  }
}
