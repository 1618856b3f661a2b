import { GAP, type TrieNode } from './trie.js';

/**
 * A trie frozen into flat arrays for the walk: nodes are integers, numbered depth first. The
 * root (whose fan-out is every first letter) is a direct table; a node with one child names
 * its unit; a node with several has a dense row (see `row`); GAP edges are kept apart in
 * `gapChild`. No Map and no probe loop on the hot path; the edge lists stay for the rare
 * wildcard step, which tries every child.
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
  /**
   * What the walk needs of a node in one integer, read once a step (see {@link Info}):
   * whether terms end here, whether it has a GAP child, and when its one other child is the
   * next node (depth-first numbering makes a lone child `node + 1`), that child's unit.
   */
  readonly info: Int32Array;
  /**
   * Children of a node with one child (most nodes): its unit (-1 = none) and the child.
   */
  readonly onlyUnit: Int32Array;
  readonly onlyChild: Int32Array;
  /**
   * Nodes with several children have a row of a dense table: `dense[row[node] + symbol[unit]]`
   * is the child, or -1 (row -1: not such a node). Symbols number the units found on those
   * edges (1..255, most frequent first; 0 = none), so a row is a hundred or so entries, not
   * 65,536. A lookup is a load or two and no probe loop, which matters because the walk's
   * steps are short and their branches unpredictable.
   */
  readonly row: Int32Array;
  readonly symbol: Uint8Array;
  readonly dense: Int32Array;
  /**
   * Edges of several-children nodes along units beyond the 255 symbols (large custom
   * alphabets), in a hash table of three integers a slot: parent node (-1 = empty), unit,
   * child. Usually empty.
   */
  readonly slots: Int32Array;
  /** Slot count - 1 (a power of two). */
  readonly mask: number;
}

export const ROOT = 0;

/** Bits of {@link FlatTrie.info}; the low 16 bits are the unit leading to `node + 1`. */
export const Info = {
  Unit: 0xffff,
  /** The node's only child (GAP aside) is `node + 1`, along the unit in the low bits. */
  Next: 1 << 16,
  /** Terms end at this node. */
  Ends: 1 << 17,
  /** The node has a GAP child. */
  Gap: 1 << 18,
} as const;

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
  const lookup = edgeLookup(nodes.length, edgeStart, edgeUnit, edgeTarget);
  const out = nodes.map((n) => n.out);
  const info = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const next = lookup.onlyChild[i] === i + 1 ? Info.Next | lookup.onlyUnit[i]! : 0;
    info[i] = next | (out[i] ? Info.Ends : 0) | (gapChild[i] !== -1 ? Info.Gap : 0);
  }
  return { rootChild, edgeStart, edgeUnit, edgeTarget, gapChild, out, info, ...lookup };
}

/** The edges of each node (GAP edges aside: see `gapChild`), as the walk looks them up. */
function edgeLookup(nodeCount: number, edgeStart: Int32Array, edgeUnit: Uint16Array, edgeTarget: Int32Array) {
  const onlyUnit = new Int32Array(nodeCount).fill(-1);
  const onlyChild = new Int32Array(nodeCount).fill(-1);
  const row = new Int32Array(nodeCount).fill(-1);
  const edgesOf = (node: number) => {
    const edges: number[] = [];
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) if (edgeUnit[e] !== GAP) edges.push(e);
    return edges;
  };
  // Symbols for the units of several-children nodes, most frequent first.
  const counts = new Map<number, number>();
  for (let node = 0; node < nodeCount; node++) {
    const edges = edgesOf(node);
    if (edges.length === 1) {
      onlyUnit[node] = edgeUnit[edges[0]!]!;
      onlyChild[node] = edgeTarget[edges[0]!]!;
    } else if (edges.length > 1) {
      for (const e of edges) counts.set(edgeUnit[e]!, (counts.get(edgeUnit[e]!) ?? 0) + 1);
    }
  }
  const units = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b).slice(0, 255);
  const symbol = new Uint8Array(65536);
  units.forEach((unit, i) => {
    symbol[unit] = i + 1;
  });
  const width = units.length + 1;
  let rows = 0;
  for (let node = 0; node < nodeCount; node++) if (edgesOf(node).length > 1) row[node] = width * rows++;
  const dense = new Int32Array(width * rows).fill(-1);
  const overflow: number[] = [];
  for (let node = 0; node < nodeCount; node++) {
    if (row[node] === -1) continue;
    for (const e of edgesOf(node)) {
      const sym = symbol[edgeUnit[e]!]!;
      if (sym !== 0) dense[row[node]! + sym] = edgeTarget[e]!;
      else overflow.push(node, edgeUnit[e]!, edgeTarget[e]!);
    }
  }
  return { onlyUnit, onlyChild, row, symbol, dense, ...hashEdges(overflow) };
}

/** Hash table of (node, unit, child) triples. */
function hashEdges(triples: readonly number[]) {
  // At most half full, so a probe sequence is short.
  let size = 16;
  while (size < (triples.length / 3) * 2) size *= 2;
  const slots = new Int32Array(size * 3).fill(-1);
  const mask = size - 1;
  for (let i = 0; i < triples.length; i += 3) {
    let slot = hash(triples[i]!, triples[i + 1]!) & mask;
    while (slots[slot * 3] !== -1) slot = (slot + 1) & mask;
    slots[slot * 3] = triples[i]!;
    slots[slot * 3 + 1] = triples[i + 1]!;
    slots[slot * 3 + 2] = triples[i + 2]!;
  }
  return { slots, mask };
}

function hash(node: number, unit: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
}

/** The child of `node` along `unit` (not GAP: see `gapChild`), or -1. */
export function childOf(t: FlatTrie, node: number, unit: number): number {
  const r = t.row[node]!;
  if (r === -1) return t.onlyUnit[node] === unit ? t.onlyChild[node]! : -1;
  const s = t.symbol[unit]!;
  return s !== 0 ? t.dense[r + s]! : hashedChild(t, node, unit);
}

function hashedChild(t: FlatTrie, node: number, unit: number): number {
  const slots = t.slots;
  let at = (hash(node, unit) & t.mask) * 3;
  for (;;) {
    const n = slots[at]!;
    if (n === -1) return -1;
    if (n === node && slots[at + 1] === unit) return slots[at + 2]!;
    at = at + 3 === slots.length ? 0 : at + 3;
  }
}
