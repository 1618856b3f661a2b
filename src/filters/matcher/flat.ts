import { GAP, type TrieNode } from './trie.js';

/**
 * A trie frozen into flat arrays for the walk: nodes are integers; the child along a unit is
 * found in one open-addressing hash table over (node, unit), and the root (whose fan-out is
 * every first letter) is a direct table. Several times faster than Map lookups on the hot
 * path; the edge lists stay for the rare wildcard step, which tries every child.
 */
export interface FlatTrie {
  /** Root's child per unit, or -1. */
  readonly rootChild: Int32Array;
  /** Edges of node n are [edgeStart[n], edgeStart[n + 1]). */
  readonly edgeStart: Int32Array;
  readonly edgeUnit: Uint16Array;
  readonly edgeTarget: Int32Array;
  /** GAP child of a node, or -1. */
  readonly gapChild: Int32Array;
  /** Entry indexes ending at a node. */
  readonly out: ReadonlyArray<readonly number[] | null>;
  /** 1 where `out` is not null: a byte read on every step, instead of an object. */
  readonly ends: Uint8Array;
  /**
   * Hash table of edges, three integers a slot: parent node (-1 = empty), unit, child. One
   * array rather than three, so a probe touches one cache line.
   */
  readonly slots: Int32Array;
  /** Slot count - 1 (a power of two). */
  readonly mask: number;
}

export const ROOT = 0;

export function flatten(root: TrieNode): FlatTrie {
  const nodes: TrieNode[] = [];
  const index = new Map<TrieNode, number>();
  const visit = (n: TrieNode): void => {
    index.set(n, nodes.length);
    nodes.push(n);
    for (const child of n.next.values()) visit(child);
  };
  visit(root);
  const edgeCount = nodes.reduce((sum, n) => sum + n.next.size, 0);
  const edgeStart = new Int32Array(nodes.length + 1);
  const edgeUnit = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const gapChild = new Int32Array(nodes.length).fill(-1);
  let e = 0;
  nodes.forEach((n, i) => {
    edgeStart[i] = e;
    for (const [unit, child] of n.next) {
      edgeUnit[e] = unit;
      edgeTarget[e] = index.get(child)!;
      if (unit === GAP) gapChild[i] = edgeTarget[e]!;
      e++;
    }
  });
  edgeStart[nodes.length] = e;
  const rootChild = new Int32Array(65536).fill(-1);
  for (const [unit, child] of root.next) rootChild[unit] = index.get(child)!;
  const table = hashEdges(nodes.length, edgeStart, edgeUnit, edgeTarget);
  const out = nodes.map((n) => n.out);
  const ends = Uint8Array.from(out, (o) => (o ? 1 : 0));
  return { rootChild, edgeStart, edgeUnit, edgeTarget, gapChild, out, ends, ...table };
}

function hashEdges(nodeCount: number, edgeStart: Int32Array, edgeUnit: Uint16Array, edgeTarget: Int32Array) {
  // At most half full, so a probe sequence is short.
  let size = 16;
  while (size < edgeUnit.length * 2) size *= 2;
  const slots = new Int32Array(size * 3).fill(-1);
  const mask = size - 1;
  for (let node = 0; node < nodeCount; node++) {
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      let slot = hash(node, edgeUnit[e]!) & mask;
      while (slots[slot * 3] !== -1) slot = (slot + 1) & mask;
      slots[slot * 3] = node;
      slots[slot * 3 + 1] = edgeUnit[e]!;
      slots[slot * 3 + 2] = edgeTarget[e]!;
    }
  }
  return { slots, mask };
}

function hash(node: number, unit: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
}

/** The child of `node` along `unit`, or -1. */
export function childOf(t: FlatTrie, node: number, unit: number): number {
  if (node === ROOT) return t.rootChild[unit]!;
  const slots = t.slots;
  let at = (hash(node, unit) & t.mask) * 3;
  for (;;) {
    const n = slots[at]!;
    if (n === -1) return -1;
    if (n === node && slots[at + 1] === unit) return slots[at + 2]!;
    at = at + 3 === slots.length ? 0 : at + 3;
  }
}
