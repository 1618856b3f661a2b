import type { Arena } from '../arena.js';
import { mapUnits, type View } from '../view.js';

/**
 * Step 8 (the stripped view): remove tone and vowel marks, one unit for one unit.
 *
 * "địt mẹ" → "dit me", "lồn" → "lon", "đ" → "d" (explicitly: "đ" has no decomposition in
 * Unicode, so NFD alone would keep it). Serves comments typed without diacritics; because the
 * mapping is one for one, position i of the stripped view is position i of the accented view.
 *
 * Application order: last, applied to the finished accented view.
 */
export const stripDiacritics = (input: View, arena: Arena): View => mapUnits(input, arena, BASE);

const BASE = buildBase();

function buildBase(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  // Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional hold every
  // precomposed Vietnamese letter.
  const ranges: Array<[number, number]> = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
      if (base < 0x80) t[c] = base;
    }
  }
  t[0x111] = 0x64; // đ → d
  t[0x110] = 0x44; // Đ → D
  return t;
}

/** True when the unit carries a Vietnamese (or other Latin) diacritic. */
export function hasDiacritic(code: number): boolean {
  return BASE[code] !== code;
}
