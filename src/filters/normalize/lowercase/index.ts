import type { Arena } from '../arena.js';
import { mapUnits, type View } from '../view.js';

/**
 * Step 4: lower case, unit by unit ("ĐỊT" → "địt").
 *
 * A table of the 65,536 units, built once; a unit whose lower case is longer than one unit
 * (only "İ") is left as it is so the view stays aligned with its source.
 *
 * Application order: after confusables (which map case for case), before leet and the
 * steps that compare letters.
 */
export const lowerCase = (input: View, arena: Arena): View => mapUnits(input, arena, LOWER);

/** The unit in lower case (itself when it has none of one unit). */
export function lowerUnit(c: number): number {
  return LOWER[c]!;
}

const LOWER = buildLower();

function buildLower(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const lower = c >= 0xd800 && c <= 0xdfff ? '' : String.fromCharCode(c).toLowerCase();
    t[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return t;
}
