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
  if (input.normalize('NFC') === input) return identity(input);
  const out = new ViewBuilder(n);
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

/**
 * The common case, input already NFC: unit i comes from [i, i + 1). The map and the empty
 * flags are shared, read-only arrays (no step writes into its input), grown when needed.
 */
function identity(input: string): View {
  const n = input.length;
  if (identityStart.length < n) growIdentity(n);
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = input.charCodeAt(i);
  return {
    codes,
    start: identityStart.subarray(0, n),
    end: identityEnd.subarray(0, n),
    flags: noFlags.subarray(0, n),
    length: n,
  };
}

let identityStart = new Int32Array(0);
let identityEnd = new Int32Array(0);
let noFlags = new Uint8Array(0);

function growIdentity(n: number): void {
  const size = Math.max(n, 1024, identityStart.length * 2);
  identityStart = new Int32Array(size);
  identityEnd = new Int32Array(size);
  noFlags = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    identityStart[i] = i;
    identityEnd[i] = i + 1;
  }
}
