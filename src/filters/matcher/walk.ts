import { isLetter, isWordUnit, WILDCARD } from '../normalize/char-class.js';
import type { View } from '../normalize/index.js';
import { GAP, type TrieNode } from './trie.js';

/** A term found in a view, in view positions [start, end). */
export interface ViewHit {
  readonly entry: number;
  readonly start: number;
  readonly end: number;
}

/** Most separator units a term's space may stand for ("ngu ,  như chó"). */
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
export function walkView(view: View, root: TrieNode, onHit: (hit: ViewHit) => void): void {
  const { codes, length } = view;
  for (let p = 0; p < length; p++) {
    if (!isWordUnit(codes[p]!) || (p > 0 && isWordUnit(codes[p - 1]!))) continue;
    walkFrom(codes, length, p, root, onHit);
  }
}

interface State {
  node: TrieNode;
  pos: number;
  /** Last unit consumed, for repeat tolerance; -1 after a gap. */
  last: number;
  wildcards: number;
}

function walkFrom(codes: Uint16Array, length: number, p: number, root: TrieNode, onHit: (hit: ViewHit) => void): void {
  const stack: State[] = [{ node: root, pos: p, last: -1, wildcards: 0 }];
  while (stack.length > 0) {
    const s = stack.pop()!;
    const { node, pos } = s;
    if (node.out && (pos >= length || !isWordUnit(codes[pos]!))) {
      for (const entry of node.out) onHit({ entry, start: p, end: pos });
    }
    if (pos >= length) continue;
    const c = codes[pos]!;
    const child = node.next.get(c);
    if (child) stack.push({ node: child, pos: pos + 1, last: c, wildcards: s.wildcards });
    if (c === s.last && isLetter(c)) stack.push({ node, pos: pos + 1, last: c, wildcards: s.wildcards });
    if (c === WILDCARD && s.wildcards < MAX_WILDCARDS) pushWildcard(s, stack);
    const gap = node.next.get(GAP);
    if (gap && node !== root) pushGap(codes, length, s, gap, stack);
  }
}

function pushWildcard(s: State, stack: State[]): void {
  for (const [unit, child] of s.node.next) {
    if (unit !== GAP && isLetter(unit)) {
      stack.push({ node: child, pos: s.pos + 1, last: unit, wildcards: s.wildcards + 1 });
    }
  }
}

function pushGap(codes: Uint16Array, length: number, s: State, gap: TrieNode, stack: State[]): void {
  let q = s.pos;
  while (q < length && q - s.pos <= MAX_GAP && isGapUnit(codes[q]!)) q++;
  if (q < length && !isWordUnit(codes[q]!)) return;
  if (q - s.pos > MAX_GAP) return;
  stack.push({ node: gap, pos: q, last: -1, wildcards: s.wildcards });
}

/** Spaces and the symbols readers put between words of one phrase; not , ; : ! ? or brackets. */
function isGapUnit(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x2e || c === 0x2d || c === 0x5f ||
    c === 0x2f || c === 0x2a || c === 0x7e || c === 0xb7 || c === 0x2022 || c === 0x27
  );
}
