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

/**
 * Open-addressing table from a word's two hashes to its sums, in typed arrays (a Map keyed by
 * numbers past 2^31 allocates a heap number per look-up). Starts again when 3/4 full, so a
 * flood of junk words cannot grow it.
 */
export class WordCache {
  private static readonly CAPACITY = 1 << 14;
  private readonly keyA = new Uint32Array(WordCache.CAPACITY);
  private readonly keyB = new Uint32Array(WordCache.CAPACITY);
  private readonly used = new Uint8Array(WordCache.CAPACITY);
  readonly values = new Int32Array(WordCache.CAPACITY * SUMS);
  private size = 0;

  /** Index into `values`, or -1. */
  find(a: number, b: number): number {
    const mask = WordCache.CAPACITY - 1;
    for (let i = (Math.imul(a, 0x9e3779b1) ^ b) & mask; this.used[i]; i = (i + 1) & mask) {
      if (this.keyA[i] === a && this.keyB[i] === b) return i * SUMS;
    }
    return -1;
  }

  /** Claims a free entry for a word known to be absent; its sums are to be written. */
  insert(a: number, b: number): number {
    if (this.size >= (WordCache.CAPACITY * 3) / 4) {
      this.used.fill(0);
      this.size = 0;
    }
    const mask = WordCache.CAPACITY - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ b) & mask;
    while (this.used[i]) i = (i + 1) & mask;
    this.used[i] = 1;
    this.keyA[i] = a;
    this.keyB[i] = b;
    this.size++;
    return i * SUMS;
  }
}
