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
  /** Hash table of edges: slot → parent node (-1 = empty), unit, child. */
  readonly slotNode: Int32Array;
  readonly slotUnit: Uint16Array;
  readonly slotChild: Int32Array;
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
  return { rootChild, edgeStart, edgeUnit, edgeTarget, gapChild, out: nodes.map((n) => n.out), ...table };
}

function hashEdges(nodeCount: number, edgeStart: Int32Array, edgeUnit: Uint16Array, edgeTarget: Int32Array) {
  // At most half full, so a probe sequence is short.
  let size = 16;
  while (size < edgeUnit.length * 2) size *= 2;
  const slotNode = new Int32Array(size).fill(-1);
  const slotUnit = new Uint16Array(size);
  const slotChild = new Int32Array(size);
  const mask = size - 1;
  for (let node = 0; node < nodeCount; node++) {
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      let slot = hash(node, edgeUnit[e]!) & mask;
      while (slotNode[slot] !== -1) slot = (slot + 1) & mask;
      slotNode[slot] = node;
      slotUnit[slot] = edgeUnit[e]!;
      slotChild[slot] = edgeTarget[e]!;
    }
  }
  return { slotNode, slotUnit, slotChild, mask };
}

function hash(node: number, unit: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
}

/** The child of `node` along `unit`, or -1. */
export function childOf(t: FlatTrie, node: number, unit: number): number {
  if (node === ROOT) return t.rootChild[unit]!;
  let slot = hash(node, unit) & t.mask;
  for (;;) {
    const n = t.slotNode[slot]!;
    if (n === -1) return -1;
    if (n === node && t.slotUnit[slot] === unit) return t.slotChild[slot]!;
    slot = (slot + 1) & t.mask;
  }
}
