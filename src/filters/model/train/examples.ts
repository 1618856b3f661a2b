import type { Matcher } from '../../matcher/index.js';
import { normalize } from '../../normalize/index.js';
import { MAX_FEATURES, PAIR_FEATURES, lexiconCodes, placeFeatures, wordAndNeighbours } from '../features.js';
import { tokenize } from '../tokens.js';

/** A comment to learn from: its text, the offensive units, and which tokens carry a label. */
export interface TrainingText {
  readonly text: string;
  /** Per UTF-16 unit: 1 inside an offensive span. */
  readonly gold: Uint8Array;
  /** `all`: every token is labelled (unmarked ones are clean); `spans`: only marked tokens count. */
  readonly labelled: 'all' | 'spans';
  /** How much the comment counts (a site's own decisions may count more than public data). */
  readonly weight: number;
}

/**
 * Rows of a linear model with their features precomputed once for all epochs and folds:
 * row i's features are `features[offsets[i] .. offsets[i + 1])`.
 */
export interface Rows {
  readonly size: number;
  readonly features: Int32Array;
  readonly offsets: Int32Array;
  readonly labels: Uint8Array;
  readonly weights: Float32Array;
  /** Index of the comment each row comes from (into the array given to `buildRows`). */
  readonly comment: Int32Array;
}

/** Token rows (for the token table) and comment rows (every token's features, summed). */
export interface TrainingRows {
  readonly tokens: Rows;
  readonly comments: Rows;
}

/**
 * `commentPairs: false` leaves the word pairs and triple out of the comment rows, so inference
 * can decide the comment gate from cached per-word sums before reading any pair (model-file.ts).
 */
export function buildRows(texts: readonly TrainingText[], matcher: Matcher, commentPairs = true): TrainingRows {
  const tokens = new RowBuilder();
  const comments = new RowBuilder();
  const scratch = new Int32Array(MAX_FEATURES);
  texts.forEach((example, c) => {
    const text = normalize(example.text);
    const toks = tokenize(text);
    const { codes, any } = lexiconCodes(toks, matcher.find(text));
    let offensive = false;
    for (let t = 0; t < toks.count; t++) {
      const label = majority(example.gold, toks.start[t]!, toks.end[t]!);
      offensive ||= label;
      const pairs = wordAndNeighbours(text, toks, t, scratch);
      const k = placeFeatures(toks, codes, any, t, scratch, pairs);
      for (let f = 0; f < k; f++) if (commentPairs || f < pairs || f >= pairs + PAIR_FEATURES) comments.feature(scratch[f]!);
      if (example.labelled === 'spans' && !label) continue;
      for (let f = 0; f < k; f++) tokens.feature(scratch[f]!);
      tokens.end(label, example.weight, c);
    }
    comments.end(offensive, example.weight, c);
  });
  return { tokens: tokens.build(), comments: comments.build() };
}

class RowBuilder {
  private readonly features: number[] = [];
  private readonly offsets: number[] = [0];
  private readonly labels: number[] = [];
  private readonly weights: number[] = [];
  private readonly comments: number[] = [];

  feature(h: number): void {
    this.features.push(h);
  }

  end(label: boolean, weight: number, comment: number): void {
    this.offsets.push(this.features.length);
    this.labels.push(label ? 1 : 0);
    this.weights.push(weight);
    this.comments.push(comment);
  }

  build(): Rows {
    return {
      size: this.labels.length,
      features: Int32Array.from(this.features),
      offsets: Int32Array.from(this.offsets),
      labels: Uint8Array.from(this.labels),
      weights: Float32Array.from(this.weights),
      comment: Int32Array.from(this.comments),
    };
  }
}

/** A token is offensive when most of its units lie in gold spans. */
function majority(gold: Uint8Array, start: number, end: number): boolean {
  let inside = 0;
  for (let u = start; u < end; u++) inside += gold[u] ?? 0;
  return inside * 2 > end - start;
}
