import { ViewBuilder, type View } from '../view.js';
import { isMark } from '../char-class.js';

/**
 * Step 1: compose to NFC, keeping the map back to the input.
 *
 * Comments are stored as `content.normalize('NFC')`, so usually the input is already NFC and
 * this step is the identity. When it is not (a reader's NFD keyboard, "ca\u0301c"), each base
 * character with its following combining marks is composed on its own, and every unit it
 * produces points back to that whole cluster of the input.
 *
 * Application order: first; every later step assumes composed Vietnamese letters.
 */
export function composeNfc(input: string): View {
  const n = input.length;
  const out = new ViewBuilder(n);
  if (input.normalize('NFC') === input) {
    for (let i = 0; i < n; i++) out.push(input.charCodeAt(i), i, i + 1, 0);
    return out.build();
  }
  let i = 0;
  while (i < n) {
    const j = clusterEnd(input, i);
    const piece = input.slice(i, j).normalize('NFC');
    // Composition never lengthens a cluster, so the builder's capacity holds.
    for (let k = 0; k < piece.length; k++) out.push(piece.charCodeAt(k), i, j, 0);
    i = j;
  }
  return out.build();
}

/** End of the cluster starting at `i`: one character (a surrogate pair counts as one) plus its marks. */
function clusterEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  let j = i + 1;
  if (c >= 0xd800 && c <= 0xdbff && j < s.length) {
    const d = s.charCodeAt(j);
    if (d >= 0xdc00 && d <= 0xdfff) j++;
  }
  while (j < s.length && isMark(s.charCodeAt(j))) j++;
  return j;
}
