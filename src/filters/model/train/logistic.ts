import type { Rows } from './examples.js';

export interface TrainOptions {
  readonly bits: number;
  readonly epochs: number;
  /** AdaGrad base learning rate. */
  readonly rate: number;
  /** L2 penalty per update on the touched weights. */
  readonly l2: number;
  /** How much an offensive row counts against a clean one (class weighting; 1 = as many). */
  readonly positive?: number;
  readonly seed: number;
}

export interface TrainedWeights {
  readonly weights: Float32Array;
  readonly bias: number;
}

/**
 * Logistic regression over hashed features, trained by AdaGrad SGD in a seeded order: the same
 * data and seed give the same weights, bit for bit (one thread, fixed float operations).
 */
export function trainLogistic(set: Rows, options: TrainOptions, use?: (comment: number) => boolean): TrainedWeights {
  const slots = 1 << options.bits;
  const mask = slots - 1;
  const w = new Float32Array(slots);
  const g2 = new Float32Array(slots);
  let bias = 0;
  let biasG2 = 0;
  const order = rowsOf(set, use);
  const random = mulberry32(options.seed);
  const { features, offsets, labels, weights } = set;
  const positive = options.positive ?? 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (let o = 0; o < order.length; o++) {
      const i = order[o]!;
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      let z = bias;
      for (let f = from; f < to; f++) {
        const h = features[f]!;
        const v = w[h & mask]!;
        z += h < 0 ? -v : v;
      }
      const p = 1 / (1 + Math.exp(-z));
      const y = labels[i]!;
      const g = (p - y) * weights[i]! * (y ? positive : 1);
      biasG2 += g * g;
      bias -= (options.rate * g) / Math.sqrt(biasG2 + 1e-8);
      for (let f = from; f < to; f++) {
        const h = features[f]!;
        const s = h & mask;
        const gs = (h < 0 ? -g : g) + options.l2 * w[s]!;
        g2[s] = g2[s]! + gs * gs;
        w[s] = w[s]! - (options.rate * gs) / Math.sqrt(g2[s]! + 1e-8);
      }
    }
  }
  return { weights: w, bias };
}

function rowsOf(set: Rows, use: ((comment: number) => boolean) | undefined): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < set.size; i++) if (!use || use(set.comment[i]!)) rows.push(i);
  return Int32Array.from(rows);
}

/** Small seeded PRNG (mulberry32): deterministic across machines and Node versions. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(a: Int32Array, random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
