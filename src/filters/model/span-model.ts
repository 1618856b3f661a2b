import type { NormalizedText } from '../normalize/index.js';
import type { LexiconHit } from '../matcher/index.js';
import {
  EDGE,
  Evidence,
  MAX_FEATURES,
  NO_TOKEN,
  Neighbour,
  PAIR_FEATURES,
  asNeighbour,
  evidenceFeature,
  lexiconCodesInto,
  pairFeatures,
  wordFeatures,
} from './features.js';
import type { SpanModelData, Thresholds } from './model-file.js';
import { type CommentScores, type ModelSpan, spansOf } from './spans.js';
import { applyStack, binFloor, commentBin, stackReach } from './stack.js';
import { TokenBuffer, tokenize, type Tokens } from './tokens.js';
import { AFTER2, BEFORE2, NEXT, PREV, SELF, SUMS, WordCache } from './word-cache.js';

export { type CommentScores, type ModelSpan, spansOf } from './spans.js';

/**
 * Inference of the learned span model. Per token: the hashes of its features, one weight pair
 * (token table, comment table) read per feature, a logistic. Pure and synchronous.
 *
 * Fast path (bench: `npm run bench:filter`, figures in src/filters/README.md). Reading the
 * 2 MiB of weights misses the CPU caches, so the model reads as few of them as it can:
 * - the two tables are interleaved: a feature's two weights share one cache line;
 * - most features depend on one word alone (its forms, shape, 3-grams, and what it adds as
 *   the previous, next, second previous or second next word of another). Their sums are
 *   cached per distinct word, so a token costs the reads of its word pairs and triple only;
 * - tokens and probabilities live in buffers reused from comment to comment.
 * `tests/filters/model/span-model.test.ts` checks the sums equal a plain sum of all features.
 */
export class SpanModel {
  private readonly mask: number;
  /** Slot i's token weight at 2i, comment weight at 2i + 1 (quanta; see model-file.ts). */
  private readonly pairs: Int8Array;
  /** The token table alone (quanta): what a word pair reads when the comment table has none. */
  private readonly tokenTable: Int8Array;
  private readonly scratch = new Int32Array(MAX_FEATURES);
  private readonly tokenBuffer = new TokenBuffer(256);
  private probabilities = new Float32Array(256);
  private slotOf = new Int32Array(256);
  private logits = new Int32Array(256);
  private codes = new Uint8Array(256);
  /** Second-pass probabilities (when the model has one), and the first pass's bins. */
  private stacked = new Float32Array(256);
  private stackBins = new Uint8Array(256);
  /**
   * Per comment bin, the first-pass logit below which every token stays under the bin the
   * second pass needs to reach `best` (a margin below its edge); null without a second pass.
   */
  private readonly reachLogit: Float64Array | null;
  /** Word-pair and triple hashes of a comment's tokens, PAIR_FEATURES a token. */
  private pairHashes = new Int32Array(256 * 3);
  /** Bit i set when slot i holds a weight in either table: reads of empty slots are skipped. */
  private readonly occupied: Uint32Array;
  /** Bit i set when slot i holds a token weight. */
  private readonly tokenOccupied: Uint32Array;
  /** What `sum` found: the token and comment tables' sums, in quanta. */
  private tokenTotal = 0;
  private commentTotal = 0;
  private readonly words: WordCache;
  private readonly edge: Int32Array;
  /** Evidence features' sums by value (see features.ts, Evidence), token and comment interleaved. */
  private readonly evidence: { lexicon: Int32Array; prev: Int32Array; next: Int32Array; comment: Int32Array; first: Int32Array };

  constructor(readonly data: SpanModelData) {
    this.mask = (1 << data.bits) - 1;
    this.pairs = new Int8Array(2 << data.bits);
    this.tokenTable = data.token.quanta;
    this.occupied = new Uint32Array(Math.max(1, (this.mask + 1) >>> 5));
    this.tokenOccupied = new Uint32Array(this.occupied.length);
    for (let i = 0; i <= this.mask; i++) {
      const token = data.token.quanta[i]!;
      const comment = data.comment.quanta[i]!;
      this.pairs[2 * i] = token;
      this.pairs[2 * i + 1] = comment;
      if (token !== 0 || comment !== 0) this.occupied[i >>> 5]! |= 1 << (i & 31);
      if (token !== 0) this.tokenOccupied[i >>> 5]! |= 1 << (i & 31);
    }
    this.words = new WordCache();
    this.reachLogit = data.stack ? reachLogits(stackReach(data.stack, data.thresholds.best)) : null;
    this.edge = new Int32Array(SUMS);
    this.neighbourSums(EDGE, EDGE, this.edge, 0);
    this.evidence = {
      lexicon: this.tabulate(Evidence.Lexicon),
      prev: this.tabulate(Evidence.PrevLexicon),
      next: this.tabulate(Evidence.NextLexicon),
      comment: this.tabulate(Evidence.CommentLexicon),
      first: this.tabulate(Evidence.First),
    };
  }

  /** Sums (token, comment) of one evidence feature for every value 0..255. */
  private tabulate(kind: number): Int32Array {
    const table = new Int32Array(512);
    for (let value = 0; value < 256; value++) {
      this.scratch[0] = evidenceFeature(kind, value);
      this.sum(1);
      table[2 * value] = this.tokenTotal;
      table[2 * value + 1] = this.commentTotal;
    }
    return table;
  }

  get thresholds(): Thresholds {
    return this.data.thresholds;
  }

  /**
   * Scores every token and the comment: the first pass, then the second where the model has
   * one (stack.ts). With `gate` (the engine passes its comment threshold; training and tests,
   * which want every probability, pass none), a comment gets token probabilities of 0 without
   * computing them when `spansOf` would make no span of them anyway: the comment model stays
   * below the gate, or no first-pass token is high enough for the second pass to reach `best`.
   */
  score(text: NormalizedText, hits: readonly LexiconHit[], gate?: number): CommentScores {
    const first = this.firstPass(text, hits, gate);
    const stack = this.data.stack;
    if (!stack || (gate !== undefined && first.skipped)) return first;
    const n = first.tokens.count;
    if (this.stacked.length < n) {
      this.stacked = new Float32Array(this.probabilities.length);
      this.stackBins = new Uint8Array(this.probabilities.length);
    }
    applyStack(stack, first.probability, n, first.comment, this.stacked, this.stackBins);
    return { tokens: first.tokens, probability: this.stacked, comment: first.comment };
  }

  /**
   * The first pass alone: every token's probability from its own features (what the second
   * pass reads, and what training's cross-validation scores). `skipped`: the gates of
   * {@link score} left the probabilities at 0.
   */
  firstPass(text: NormalizedText, hits: readonly LexiconHit[], gate?: number): CommentScores & { skipped: boolean } {
    const tokens = tokenize(text, this.tokenBuffer);
    const n = tokens.count;
    if (this.probabilities.length < n) {
      this.probabilities = new Float32Array(n * 2);
      this.slotOf = new Int32Array(n * 2);
      this.logits = new Int32Array(n * 2);
      this.codes = new Uint8Array(n * 2);
    }
    const codes = this.codes;
    const any = lexiconCodesInto(tokens, hits, codes);
    // Where each token's word sums are: one cache look-up per token.
    const slotOf = this.slotOf;
    for (let t = 0; t < n; t++) slotOf[t] = this.wordSlot(text, tokens, t);
    const logits = this.logits;
    const probability = this.probabilities;
    let comment: number;
    if (!this.data.commentPairs) {
      // The comment table knows no word pairs: its sum comes from the cached word sums and the
      // evidence alone, and a comment under the gate (most clean ones) ends here.
      comment = sigmoid(this.data.comment.bias + this.cachedSum(tokens, codes, any, 1) * this.data.comment.scale);
      if (gate !== undefined && comment < gate) return this.skip(tokens, comment);
      for (let t = 0; t < n; t++) logits[t] = this.cachedTokenSum(tokens, codes, any, t, 0) + this.tokenPairSum(tokens, t);
    } else {
      const pairsComment = this.pairSums(tokens);
      const commentSum = this.cachedSumsBoth(tokens, codes, any) + pairsComment;
      comment = sigmoid(this.data.comment.bias + commentSum * this.data.comment.scale);
      if (gate !== undefined && comment < gate) return this.skip(tokens, comment);
    }
    if (gate !== undefined && this.outOfStackReach(n, comment)) return this.skip(tokens, comment);
    this.probabilitiesOf(n);
    return { tokens, probability, comment, skipped: false };
  }

  private skip(tokens: Tokens, comment: number): CommentScores & { skipped: boolean } {
    this.probabilities.fill(0, 0, tokens.count);
    return { tokens, probability: this.probabilities, comment, skipped: true };
  }

  /**
   * True when no token's first-pass logit reaches what the second pass needs to give any token
   * `best` (stack.ts `stackReach`), for this comment's bin: then no span can come of it.
   */
  private outOfStackReach(n: number, comment: number): boolean {
    const reach = this.reachLogit;
    if (!reach) return false;
    const logits = this.logits;
    let max = -2147483648;
    for (let t = 0; t < n; t++) if (logits[t]! > max) max = logits[t]!;
    return this.data.token.bias + max * this.data.token.scale < reach[commentBin(comment)]!;
  }

  /**
   * Every token's word pairs and triple in both tables: the token sums into `logits`, the
   * comment table's total returned. The hashes are computed first and the weights read in a
   * loop of their own, whose reads do not wait on one another: the CPU overlaps their cache
   * misses (one read after another's hashing left it one miss at a time).
   */
  private pairSums(tokens: Tokens): number {
    const n = tokens.count;
    let hashes = this.pairHashes;
    if (hashes.length < n * PAIR_FEATURES) hashes = this.pairHashes = new Int32Array(n * PAIR_FEATURES * 2);
    for (let t = 0; t < n; t++) pairFeatures(tokens, t, hashes, t * PAIR_FEATURES);
    const logits = this.logits;
    let commentSum = 0;
    for (let t = 0; t < n; t++) {
      this.sumRange(hashes, t * PAIR_FEATURES, (t + 1) * PAIR_FEATURES);
      logits[t] = this.tokenTotal;
      commentSum += this.commentTotal;
    }
    return commentSum;
  }

  /** Token probabilities from the logits. */
  private probabilitiesOf(n: number): void {
    const { bias, scale } = this.data.token;
    const logits = this.logits;
    const probability = this.probabilities;
    for (let t = 0; t < n; t++) probability[t] = sigmoid(bias + logits[t]! * scale);
  }

  /**
   * The comment table's sum (table 1) over every token's cached word sums (as itself and as
   * each neighbour) and evidence: all of it but the word pairs.
   */
  private cachedSum(tokens: Tokens, codes: Uint8Array, any: number, table: 0 | 1): number {
    let total = 0;
    for (let t = 0; t < tokens.count; t++) total += this.cachedTokenSum(tokens, codes, any, t, table);
    return total;
  }

  /**
   * Both tables in one pass over the tokens' cached sums (the rows of a word hold its token and
   * comment sums side by side): adds each token's token-table sum to `logits` and returns the
   * comment table's total. Integers, so the same sums as two passes of {@link cachedTokenSum}.
   */
  private cachedSumsBoth(tokens: Tokens, codes: Uint8Array, any: number): number {
    const n = tokens.count;
    const slotOf = this.slotOf;
    const v = this.words.values;
    const edge = this.edge;
    const ev = this.evidence;
    const logits = this.logits;
    let comment = 0;
    for (let t = 0; t < n; t++) {
      const self = slotOf[t]! + SELF;
      const prev = t > 0 ? slotOf[t - 1]! + PREV : -1;
      const next = t + 1 < n ? slotOf[t + 1]! + NEXT : -1;
      const before2 = t > 1 ? slotOf[t - 2]! + BEFORE2 : -1;
      const after2 = t + 2 < n ? slotOf[t + 2]! + AFTER2 : -1;
      const code = codes[t]!;
      const lex = 2 * code;
      const prevLex = 2 * (t > 0 ? codes[t - 1]! : NO_TOKEN);
      const nextLex = 2 * (t + 1 < n ? codes[t + 1]! : NO_TOKEN);
      const commentLex = 2 * (any * 16 + code);
      let token =
        v[self]! +
        (prev >= 0 ? v[prev]! : edge[PREV]!) +
        (next >= 0 ? v[next]! : edge[NEXT]!) +
        (before2 >= 0 ? v[before2]! : edge[BEFORE2]!) +
        (after2 >= 0 ? v[after2]! : edge[AFTER2]!) +
        ev.lexicon[lex]! +
        ev.prev[prevLex]! +
        ev.next[nextLex]! +
        ev.comment[commentLex]!;
      comment +=
        v[self + 1]! +
        (prev >= 0 ? v[prev + 1]! : edge[PREV + 1]!) +
        (next >= 0 ? v[next + 1]! : edge[NEXT + 1]!) +
        (before2 >= 0 ? v[before2 + 1]! : edge[BEFORE2 + 1]!) +
        (after2 >= 0 ? v[after2 + 1]! : edge[AFTER2 + 1]!) +
        ev.lexicon[lex + 1]! +
        ev.prev[prevLex + 1]! +
        ev.next[nextLex + 1]! +
        ev.comment[commentLex + 1]!;
      if (t === 0) {
        token += ev.first[2 * tokens.shape[0]!]!;
        comment += ev.first[2 * tokens.shape[0]! + 1]!;
      }
      logits[t] = logits[t]! + token;
    }
    return comment;
  }

  /** Sums of token t's cached word features and evidence in one table (0 token, 1 comment). */
  private cachedTokenSum(tokens: Tokens, codes: Uint8Array, any: number, t: number, table: 0 | 1): number {
    const n = tokens.count;
    const slotOf = this.slotOf;
    const v = this.words.values;
    const edge = this.edge;
    const ev = this.evidence;
    // A neighbour's sums as "previous" sit at PREV, and so on (see neighbourSums).
    let sum =
      v[slotOf[t]! + SELF + table]! +
      (t > 0 ? v[slotOf[t - 1]! + PREV + table]! : edge[PREV + table]!) +
      (t + 1 < n ? v[slotOf[t + 1]! + NEXT + table]! : edge[NEXT + table]!) +
      (t > 1 ? v[slotOf[t - 2]! + BEFORE2 + table]! : edge[BEFORE2 + table]!) +
      (t + 2 < n ? v[slotOf[t + 2]! + AFTER2 + table]! : edge[AFTER2 + table]!);
    const self = codes[t]!;
    sum +=
      ev.lexicon[2 * self + table]! +
      ev.prev[2 * (t > 0 ? codes[t - 1]! : NO_TOKEN) + table]! +
      ev.next[2 * (t + 1 < n ? codes[t + 1]! : NO_TOKEN) + table]! +
      ev.comment[2 * (any * 16 + self) + table]!;
    if (t === 0) sum += ev.first[2 * tokens.shape[0]! + table]!;
    return sum;
  }

  /** Offensive spans of a comment under the model's own thresholds. */
  spans(text: NormalizedText, hits: readonly LexiconHit[]): ModelSpan[] {
    return spansOf(this.score(text, hits, this.data.thresholds.comment), text.input, this.data.thresholds);
  }

  /** Index into the cache's values of token t's word, computing its sums on a miss. */
  private wordSlot(text: NormalizedText, tokens: Tokens, t: number): number {
    const a = tokens.hashAccented[t]!;
    const b = ((tokens.hashStripped[t]! & 0xffffff00) | tokens.shape[t]!) >>> 0;
    const found = this.words.find(a, b);
    if (found >= 0) return found;
    const at = this.words.insert(a, b);
    this.sum(wordFeatures(text, tokens, t, this.scratch, 0));
    this.words.values[at + SELF] = this.tokenTotal;
    this.words.values[at + SELF + 1] = this.commentTotal;
    this.neighbourSums(a, tokens.hashStripped[t]!, this.words.values, at);
    return at;
  }

  /** What a word adds to a token as its previous, next, second previous and second next word. */
  private neighbourSums(accented: number, stripped: number, into: Int32Array, at: number): void {
    for (const [role, offset] of NEIGHBOUR_SLOTS) {
      this.sum(asNeighbour(role, accented, stripped, this.scratch, 0));
      into[at + offset] = this.tokenTotal;
      into[at + offset + 1] = this.commentTotal;
    }
  }

  /**
   * Token t's word pairs and triple in the token table alone, read from the 1 MiB token table
   * rather than the interleaved 2 MiB (half the memory a comment's pairs touch), and skipped
   * where the token table holds 0 (three slots in four).
   */
  private tokenPairSum(tokens: Tokens, t: number): number {
    const k = pairFeatures(tokens, t, this.scratch, 0);
    const table = this.tokenTable;
    const occupied = this.tokenOccupied;
    const mask = this.mask;
    const out = this.scratch;
    let sum = 0;
    for (let f = 0; f < k; f++) {
      const h = out[f]!;
      const slot = h & mask;
      if ((occupied[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
      sum += h < 0 ? -table[slot]! : table[slot]!;
    }
    return sum;
  }

  /**
   * Sums of the first `k` features of the scratch in both tables, into `tokenTotal` and
   * `commentTotal`. Three quarters of the slots are empty (0 in both tables): the occupancy
   * bitmap (128 KiB, stays in the L2 cache) skips their reads in the 2 MiB table, exactly.
   */
  private sum(k: number): void {
    this.sumRange(this.scratch, 0, k);
  }

  /** sum() over features[from, to) of any feature array (pairSums reads its own). Integer weights: exact in any order. */
  private sumRange(features: Int32Array, from: number, to: number): void {
    const pairs = this.pairs;
    const occupied = this.occupied;
    const mask = this.mask;
    let tokenSum = 0;
    let commentSum = 0;
    for (let f = from; f < to; f++) {
      const h = features[f]!;
      const slot = h & mask;
      if ((occupied[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
      const at = slot << 1;
      if (h < 0) {
        tokenSum -= pairs[at]!;
        commentSum -= pairs[at + 1]!;
      } else {
        tokenSum += pairs[at]!;
        commentSum += pairs[at + 1]!;
      }
    }
    this.tokenTotal = tokenSum;
    this.commentTotal = commentSum;
  }
}

/** Where in a cached word's sums each neighbour role goes (see word-cache.ts). */
const NEIGHBOUR_SLOTS = [
  [Neighbour.Previous, PREV],
  [Neighbour.Next, NEXT],
  [Neighbour.TwoBefore, BEFORE2],
  [Neighbour.TwoAfter, AFTER2],
] as const;

/** A copy of scores that outlives the next `score` call (training keeps many). */
export function detachScores(scores: CommentScores): CommentScores {
  const { tokens, probability, comment } = scores;
  const n = tokens.count;
  return {
    tokens: {
      count: n,
      viewStart: tokens.viewStart.slice(0, n),
      viewEnd: tokens.viewEnd.slice(0, n),
      start: tokens.start.slice(0, n),
      end: tokens.end.slice(0, n),
      hashAccented: tokens.hashAccented.slice(0, n),
      hashStripped: tokens.hashStripped.slice(0, n),
      shape: tokens.shape.slice(0, n),
    },
    probability: probability.slice(0, n),
    comment,
  };
}

/** Bins to logits with a margin (1e-4, well above float32 rounding of a probability). */
function reachLogits(reach: Uint8Array): Float64Array {
  return Float64Array.from(reach, (bin) => {
    const p = binFloor(bin);
    if (p <= 0) return -Infinity;
    if (p >= 1) return Infinity;
    return Math.log(p / (1 - p)) - 1e-4;
  });
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
