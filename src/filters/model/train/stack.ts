import { STACK_FEATURES, STACK_SLOTS, applyStack, stackFeatures, type StackWeights } from '../stack.js';
import type { CommentScores } from '../span-model.js';
import { mulberry32 } from './logistic.js';

/** A training comment's first-pass scores from a model that never saw it, and its token labels. */
export interface StackExample {
  readonly scores: CommentScores;
  /** Per token: 1 offensive, 0 clean, 2 not labelled (a site decision marks spans only). */
  readonly labels: Uint8Array;
  readonly weight: number;
}

/** Epochs and AdaGrad rate of the second pass (chosen by cross-validation, see README). */
const EPOCHS = 3;
const RATE = 0.1;

/**
 * Logistic regression of the second pass (model/stack.ts) by AdaGrad in a seeded order, on
 * out-of-fold first-pass probabilities: the same examples and seed give the same weights.
 */
export function trainStack(examples: readonly StackExample[], seed: number): StackWeights {
  const w = new Float64Array(STACK_SLOTS);
  const g2 = new Float64Array(STACK_SLOTS);
  let bias = 0;
  let biasG2 = 0;
  const rows: number[] = [];
  examples.forEach((e, i) => {
    for (let t = 0; t < e.scores.tokens.count; t++) if (e.labels[t] !== 2) rows.push(i * 4096 + t);
  });
  const order = Int32Array.from(rows);
  const random = mulberry32(seed);
  const scratch = new Int32Array(STACK_FEATURES);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const x = order[i]!;
      order[i] = order[j]!;
      order[j] = x;
    }
    for (let o = 0; o < order.length; o++) {
      const e = examples[order[o]! >> 12]!;
      const t = order[o]! & 4095;
      const { probability, tokens, comment } = e.scores;
      const k = stackFeatures(probability, tokens.count, comment, t, scratch);
      let z = bias;
      for (let f = 0; f < k; f++) z += w[scratch[f]!]!;
      const g = (1 / (1 + Math.exp(-z)) - e.labels[t]!) * e.weight;
      biasG2 += g * g;
      bias -= (RATE * g) / Math.sqrt(biasG2 + 1e-8);
      for (let f = 0; f < k; f++) {
        const s = scratch[f]!;
        g2[s] = g2[s]! + g * g;
        w[s] = w[s]! - (RATE * g) / Math.sqrt(g2[s]! + 1e-8);
      }
    }
  }
  return { weights: Float32Array.from(w), bias: Math.fround(bias) };
}

/** The scores with the second pass's probabilities in place of the first's. */
export function stacked(scores: CommentScores, stack: StackWeights): CommentScores {
  const n = scores.tokens.count;
  const probability = new Float32Array(n);
  applyStack(stack, scores.probability, n, scores.comment, probability, new Uint8Array(n));
  return { ...scores, probability };
}
