/**
 * The span model's second pass: a small logistic regression that relabels each token from the
 * first pass's probabilities of the token, its neighbours (±2) and the comment. ViHOS spans are
 * runs of words, so a word between two offensive ones, or one whose neighbours are sure, is
 * likelier offensive than its own features say; a lone borderline word less. A stand-in for a
 * linear-chain CRF's transitions at a fraction of its code, trained on out-of-fold first-pass
 * probabilities (train/fit.ts), so it learns how the first pass errs on comments it never saw.
 *
 * Features are one-hot bins of those probabilities and a few bin pairs: dense, 5,760 weights.
 */

/** Probability bins (12) plus one for a neighbour past either edge of the comment. */
const BINS = 12;
const EDGE_BIN = BINS;
/** Values a template takes: a bin pair needs (BINS + 1)² ≤ WIDTH². */
const WIDTH = 24;
const TEMPLATE = WIDTH * WIDTH;
const TEMPLATES = 10;
/** Weights of the second pass (its bias apart). */
export const STACK_SLOTS = TEMPLATES * TEMPLATE;
/** At most this many features a token. */
export const STACK_FEATURES = TEMPLATES;

export interface StackWeights {
  readonly weights: Float32Array;
  readonly bias: number;
}

function bin(p: number): number {
  const b = Math.floor(p * BINS);
  return b < BINS ? b : BINS - 1;
}

/** Writes token t's second-pass feature indexes into `out` and returns how many. */
export function stackFeatures(p: Float32Array, n: number, comment: number, t: number, out: Int32Array): number {
  const b0 = bin(p[t]!);
  const left = t > 0 ? bin(p[t - 1]!) : EDGE_BIN;
  const right = t + 1 < n ? bin(p[t + 1]!) : EDGE_BIN;
  const left2 = t > 1 ? bin(p[t - 2]!) : EDGE_BIN;
  const right2 = t + 2 < n ? bin(p[t + 2]!) : EDGE_BIN;
  const c = bin(comment);
  out[0] = b0;
  out[1] = TEMPLATE + left;
  out[2] = 2 * TEMPLATE + right;
  out[3] = 3 * TEMPLATE + left2;
  out[4] = 4 * TEMPLATE + right2;
  out[5] = 5 * TEMPLATE + c;
  out[6] = 6 * TEMPLATE + left * WIDTH + right;
  out[7] = 7 * TEMPLATE + b0 * WIDTH + left;
  out[8] = 8 * TEMPLATE + b0 * WIDTH + right;
  out[9] = 9 * TEMPLATE + b0 * WIDTH + c;
  return TEMPLATES;
}

/**
 * Second-pass probabilities of tokens 0..n-1 into `into` (not `p` itself: every token reads
 * its neighbours' first-pass values). The same sum as {@link stackFeatures} describes, in the
 * same order (so the same float result), with each token's bin computed once into `bins`
 * (length ≥ n) rather than once per template that reads it.
 */
export function applyStack(stack: StackWeights, p: Float32Array, n: number, comment: number, into: Float32Array, bins: Uint8Array): void {
  const w = stack.weights;
  for (let t = 0; t < n; t++) bins[t] = bin(p[t]!);
  const c = bin(comment);
  const commentWeight = w[5 * TEMPLATE + c]!;
  for (let t = 0; t < n; t++) {
    const b0 = bins[t]!;
    const left = t > 0 ? bins[t - 1]! : EDGE_BIN;
    const right = t + 1 < n ? bins[t + 1]! : EDGE_BIN;
    const left2 = t > 1 ? bins[t - 2]! : EDGE_BIN;
    const right2 = t + 2 < n ? bins[t + 2]! : EDGE_BIN;
    const z =
      stack.bias +
      w[b0]! +
      w[TEMPLATE + left]! +
      w[2 * TEMPLATE + right]! +
      w[3 * TEMPLATE + left2]! +
      w[4 * TEMPLATE + right2]! +
      commentWeight +
      w[6 * TEMPLATE + left * WIDTH + right]! +
      w[7 * TEMPLATE + b0 * WIDTH + left]! +
      w[8 * TEMPLATE + b0 * WIDTH + right]! +
      w[9 * TEMPLATE + b0 * WIDTH + c]!;
    into[t] = 1 / (1 + Math.exp(-z));
  }
}

/**
 * Per comment bin: the lowest first-pass bin some token must reach for the second pass to
 * give any token `best` (BINS when none can). The engine skips the second pass, and the first
 * pass's probabilities, for a comment under it: `spansOf` would find no token at `best`.
 * An upper bound over every neighbourhood whose bins are at most B (or past the edge), so the
 * skip never changes a span; tested against the second pass itself (span-model.test.ts).
 */
export function stackReach(stack: StackWeights, best: number): Uint8Array {
  const w = stack.weights;
  const needed = Math.log(best / (1 - best)) - 1e-4;
  const reach = new Uint8Array(BINS);
  for (let c = 0; c < BINS; c++) {
    reach[c] = BINS;
    for (let B = 0; B < BINS; B++) {
      if (maxLogit(w, stack.bias, c, B) >= needed) {
        reach[c] = B;
        break;
      }
    }
  }
  return reach;
}

/** The second pass's largest logit for comment bin c when no first-pass bin exceeds B. */
function maxLogit(w: Float32Array, bias: number, c: number, B: number): number {
  const allowed = (b: number): boolean => b <= B || b === EDGE_BIN;
  let near = -Infinity;
  for (let b0 = 0; b0 <= B; b0++)
    for (let left = 0; left <= EDGE_BIN; left++) {
      if (!allowed(left)) continue;
      for (let right = 0; right <= EDGE_BIN; right++) {
        if (!allowed(right)) continue;
        const z =
          w[b0]! +
          w[TEMPLATE + left]! +
          w[2 * TEMPLATE + right]! +
          w[6 * TEMPLATE + left * WIDTH + right]! +
          w[7 * TEMPLATE + b0 * WIDTH + left]! +
          w[8 * TEMPLATE + b0 * WIDTH + right]! +
          w[9 * TEMPLATE + b0 * WIDTH + c]!;
        if (z > near) near = z;
      }
    }
  let left2 = -Infinity;
  let right2 = -Infinity;
  for (let b = 0; b <= EDGE_BIN; b++) {
    if (!allowed(b)) continue;
    left2 = Math.max(left2, w[3 * TEMPLATE + b]!);
    right2 = Math.max(right2, w[4 * TEMPLATE + b]!);
  }
  return bias + w[5 * TEMPLATE + c]! + near + left2 + right2;
}

/** The comment's bin, as the second pass reads it. */
export function commentBin(comment: number): number {
  return bin(comment);
}

/** First-pass probabilities below this bin's lower edge are in lower bins (bin(p) < B ⟺ p < B / BINS). */
export function binFloor(B: number): number {
  return B / BINS;
}
