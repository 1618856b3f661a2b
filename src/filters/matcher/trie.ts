import { isWordUnit } from '../normalize/char-class.js';

/** Edge label for a space inside a term: zero or more separators in the text. */
export const GAP = 0x20;

/**
 * A node of a character trie over UTF-16 units, used while building; `out` lists the entries
 * ending here. The walk reads its flattened form (flat.ts).
 */
export interface TrieNode {
  readonly next: Map<number, TrieNode>;
  out: number[] | null;
}

export function createTrie(): TrieNode {
  return { next: new Map(), out: null };
}

/** Adds `term` (already normalised) for entry index `entry`. Runs of non-word units become one GAP. */
export function insertTerm(root: TrieNode, term: string, entry: number): void {
  const units = termUnits(term);
  if (units.length === 0) return;
  let node = root;
  for (const u of units) {
    let child = node.next.get(u);
    if (!child) {
      child = createTrie();
      node.next.set(u, child);
    }
    node = child;
  }
  (node.out ??= []).push(entry);
}

function termUnits(term: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (isWordUnit(c)) units.push(c);
    else if (units.length > 0 && units[units.length - 1] !== GAP) units.push(GAP);
  }
  while (units[units.length - 1] === GAP) units.pop();
  return units;
}
