import { isLetter, isWordUnit, WILDCARD } from '../normalize/char-class.js';
import type { View } from '../normalize/index.js';
import { childOf, Info, type FlatTrie } from './flat.js';
import { GAP } from './trie.js';

/** A term found in a view, in view positions [start, end). */
export interface ViewHit {
  readonly entry: number;
  readonly start: number;
  readonly end: number;
}

/** Most separator units a term's space may stand for ("ngu  -  như chó"). */
const MAX_GAP = 5;
/** Most masked letters one match may use, which bounds the search on "*****". */
const MAX_WILDCARDS = 2;

/**
 * Finds every term of the trie that starts and ends on a word boundary of the view.
 *
 * One walk down the trie from each word start, so the cost is linear in the text (times the
 * longest term), with no regular expression and nothing to backtrack. Along the way:
 * - a letter repeated in the text where the term has it once is accepted ("đmm", "nguu");
 * - the wildcard unit (c*c) may stand for any one letter, at most twice per match;
 * - a term's space accepts up to MAX_GAP separators or none ("địt mẹ", "địtmẹ", "địt-mẹ"), but
 *   not clause punctuation, so "thưởng, nạp" is not the term "thưởng nạp".
 */
export function walkView(view: View, trie: FlatTrie, onHit: (hit: ViewHit) => void): void {
  scanView(view, trie);
  const { data, count } = found;
  for (let i = 0; i < count; i++) onHit({ entry: data[i * 3]!, start: data[i * 3 + 1]!, end: data[i * 3 + 2]! });
}

/**
 * Hits of the last {@link scanView}, three integers each (entry, start, end), in the order
 * found. Read them before the next scan: the matcher runs for every comment, and an object
 * and a callback per hit cost more than the walk.
 */
export const found = { data: new Int32Array(3 * 64), count: 0 };

/** {@link walkView} into {@link found}; returns the number of hits. */
export function scanView(view: View, trie: FlatTrie): number {
  found.count = 0;
  const { codes, length } = view;
  const { rootChild } = trie;
  let inWord = false;
  for (let p = 0; p < length; p++) {
    const c = codes[p]!;
    const wordStart = !inWord;
    inWord = isWordUnit(c);
    if (!inWord || !wordStart) continue;
    // The root step is the table lookup: no term starts with this unit, no walk. (A word
    // starting with a mask is too vague to guess its first letter: no walk either.)
    const first = rootChild[c]!;
    if (first !== -1) walkFrom(codes, length, p, first, trie);
  }
  return found.count;
}

function emit(entry: number, start: number, end: number): void {
  let { data } = found;
  const at = found.count * 3;
  if (at === data.length) {
    data = new Int32Array(data.length * 2);
    data.set(found.data);
    found.data = data;
  }
  data[at] = entry;
  data[at + 1] = start;
  data[at + 2] = end;
  found.count++;
}

/**
 * The search stack, as parallel arrays reused across calls: the walk runs for every word of
 * every comment, and allocating a state object per step was most of its cost. Fields of one
 * constant object rather than module-level `let`s, which V8 checks for initialisation on
 * every access.
 */
class SearchStack {
  node = new Int32Array(256);
  pos = new Int32Array(256);
  /** Last unit consumed, for repeat tolerance; -1 after a gap. */
  last = new Int32Array(256);
  wild = new Int32Array(256);
  top = 0;

  push(node: number, pos: number, last: number, wildcards: number): void {
    const i = this.top;
    if (i === this.node.length) this.grow();
    this.node[i] = node;
    this.pos[i] = pos;
    this.last[i] = last;
    this.wild[i] = wildcards;
    this.top = i + 1;
  }

  private grow(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.node = grow(this.node);
    this.pos = grow(this.pos);
    this.last = grow(this.last);
    this.wild = grow(this.wild);
  }
}

const stack = new SearchStack();

/** Walks the terms starting at word start `p`, whose first unit led from the root to `first`. */
function walkFrom(codes: Uint16Array, length: number, p: number, first: number, t: FlatTrie): void {
  stack.top = 0;
  let node = first;
  let pos = p + 1;
  let last = codes[p]!;
  let wildcards = 0;
  // Locals, not `t.` on every step: the loop has calls, so V8 would reload the fields.
  const infos = t.info;
  for (;;) {
    const info = infos[node]!;
    if (info & Info.Ends && (pos >= length || !isWordUnit(codes[pos]!))) {
      for (const entry of t.out[node]!) emit(entry, p, pos);
    }
    if (pos < length) {
      const c = codes[pos]!;
      // A space in the text is read only through the gap below, never as the GAP edge itself
      // (same code unit), or every space would be walked twice. Most nodes have one child,
      // the next node: `info` says so without another lookup.
      const child = (info & (Info.Next | Info.Unit)) === (Info.Next | c) ? node + 1 : c === GAP ? -1 : childOf(t, node, c);
      const repeat = c === last && isLetter(c);
      const wildcard = c === WILDCARD && wildcards < MAX_WILDCARDS;
      const gap = info & Info.Gap ? t.gapChild[node]! : -1;
      if (child !== -1 && !repeat && !wildcard && gap === -1) {
        // The common case, one way forward: follow it without touching the stack.
        node = child;
        pos++;
        last = c;
        continue;
      }
      if (child !== -1) stack.push(child, pos + 1, c, wildcards);
      if (repeat) stack.push(node, pos + 1, c, wildcards);
      if (wildcard) pushWildcard(t, node, pos, wildcards);
      if (gap !== -1) pushGap(codes, length, pos, gap, wildcards);
    }
    const top = stack.top - 1;
    if (top < 0) return;
    stack.top = top;
    node = stack.node[top]!;
    pos = stack.pos[top]!;
    last = stack.last[top]!;
    wildcards = stack.wild[top]!;
  }
}

function pushWildcard(t: FlatTrie, node: number, pos: number, wildcards: number): void {
  for (let e = t.edgeStart[node]!, end = t.edgeStart[node + 1]!; e < end; e++) {
    const unit = t.edgeUnit[e]!;
    if (unit !== GAP && isLetter(unit)) stack.push(t.edgeTarget[e]!, pos + 1, unit, wildcards + 1);
  }
}

function pushGap(codes: Uint16Array, length: number, pos: number, gap: number, wildcards: number): void {
  let q = pos;
  while (q < length && q - pos <= MAX_GAP && isGapUnit(codes[q]!)) q++;
  if (q - pos > MAX_GAP) return;
  if (q < length && !isWordUnit(codes[q]!)) return;
  stack.push(gap, q, -1, wildcards);
}

/** Spaces and the symbols readers put between words of one phrase; not , ; : ! ? or brackets. */
function isGapUnit(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x2e ||
    c === 0x2d ||
    c === 0x5f ||
    c === 0x2f ||
    c === 0x2a ||
    c === 0x7e ||
    c === 0xb7 ||
    c === 0x2022 ||
    c === 0x27
  );
}
