import type { Arena } from '../arena.js';
import { ViewBuilder, type View } from '../view.js';
import { isMark, unitRangeTable } from '../char-class.js';

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
export function composeNfc(input: string, arena: Arena): View {
  const n = input.length;
  const same = identity(input, arena);
  if (same) return same;
  if (input.normalize('NFC') === input) return identity(input, arena, true)!;
  // NFC can lengthen a few characters (U+0958 → U+0915 U+093C; at most three units for one).
  const out = new ViewBuilder(n * 3, arena);
  let i = 0;
  while (i < n) {
    const j = clusterEnd(input, i);
    const c = input.charCodeAt(i);
    if (j === i + 1 && NFC_SAFE[c]) {
      // A safe unit without marks is its own NFC: no string to cut and normalise.
      out.push(c, i, j, 0);
    } else {
      const piece = composeCluster(input.slice(i, j));
      for (let k = 0; k < piece.length; k++) out.push(piece.charCodeAt(k), i, j, 0);
    }
    i = j;
  }
  return out.build();
}

/**
 * NFC of one cluster, remembered: an NFD keyboard produces the same few hundred clusters
 * (a vowel and its marks), and asking ICU costs far more than a map lookup.
 */
function composeCluster(cluster: string): string {
  let composed = clusters.get(cluster);
  if (composed === undefined) {
    composed = cluster.normalize('NFC');
    if (clusters.size < MAX_CLUSTERS) clusters.set(cluster, composed);
  }
  return composed;
}

const clusters = new Map<string, string>();
const MAX_CLUSTERS = 4096;

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
 * Returns undefined when a unit is outside NFC_SAFE and `knownNfc` is not set: the caller
 * then asks ICU whether the input is NFC.
 */
function identity(input: string, arena: Arena, knownNfc = false): View | undefined {
  const n = input.length;
  const codes = arena.u16(n);
  // Copy and check in one pass; a unit outside NFC_SAFE sends us to ICU (unless known NFC).
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (!knownNfc && !NFC_SAFE[c]) return undefined;
    codes[i] = c;
  }
  const map = identityMap(n);
  return { codes, start: map.start, end: map.end, flags: map.flags, length: n };
}

interface IdentityMap {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly flags: Uint8Array;
}

let identityStart = new Int32Array(0);
let identityEnd = new Int32Array(0);
let noFlags = new Uint8Array(0);
/**
 * The identity map of each length seen, up to MAX_CACHED: three typed arrays cost more to
 * create (and collect) than copying a short comment, and comment lengths repeat.
 */
const MAX_CACHED = 4096;
const identityMaps: Array<IdentityMap | undefined> = new Array<IdentityMap | undefined>(MAX_CACHED + 1).fill(undefined);

function identityMap(n: number): IdentityMap {
  const cached = identityMaps[n];
  if (cached) return cached;
  if (identityStart.length < n) growIdentity(n);
  const map = { start: identityStart.subarray(0, n), end: identityEnd.subarray(0, n), flags: noFlags.subarray(0, n) };
  if (n <= MAX_CACHED) identityMaps[n] = map;
  return map;
}

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

/**
 * Units that are NFC on their own and never compose with a neighbour: Latin, Latin-1,
 * Latin Extended (every precomposed Vietnamese letter), general punctuation except U+2000
 * and U+2001 (which normalise to other spaces), currency and CJK punctuation (not its tone marks), and emoji:
 * miscellaneous symbols and dingbats, variation selectors (combining class 0), and the
 * surrogates of U+1F000–U+1FBFF (high D83C–D83E; any low surrogate, since a pair with
 * another high surrogate goes to ICU for that one). None of these has a decomposition or
 * composes (checked against ICU over every code point). A string made only of these is
 * NFC, which saves asking ICU for the common comment (see `identity`).
 */
const NFC_SAFE = unitRangeTable([
  [0x0000, 0x02ff],
  [0x1e00, 0x1eff],
  [0x2002, 0x206f],
  [0x20a0, 0x20cf],
  [0x2600, 0x27bf],
  // CJK symbols and punctuation, without the tone marks U+302A–U+302F (combining, reordered).
  [0x3000, 0x3029],
  [0x3030, 0x303f],
  [0xd83c, 0xd83e],
  [0xdc00, 0xdfff],
  [0xfe00, 0xfe0f],
]);
