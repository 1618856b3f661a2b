import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../src/filters/index.js';
import { normalize } from '../../../src/filters/normalize/index.js';
import { MAX_FEATURES, PAIR_FEATURES, lexiconCodes, tokenFeatures, wordAndNeighbours } from '../../../src/filters/model/features.js';
import { locateBuiltin } from '../../../src/filters/model/load.js';
import { decodeModel, encodeModel, type SpanModelData } from '../../../src/filters/model/model-file.js';
import { SpanModel, detachScores, spansOf } from '../../../src/filters/model/span-model.js';
import { hashUnits } from '../../../src/filters/model/hash.js';
import { STACK_FEATURES, STACK_SLOTS, applyStack, binFloor, stackFeatures, stackReach } from '../../../src/filters/model/stack.js';
import { mulberry32 } from '../../../src/filters/model/train/logistic.js';
import { tokenize } from '../../../src/filters/model/tokens.js';
import { builtinMatcher } from '../helpers.js';

const builtin = decodeModel(readFileSync(locateBuiltin()));

describe('the built-in span model file', () => {
  it('loads with its tables and thresholds', () => {
    expect(builtin.bits).toBe(20);
    expect(builtin.token.quanta.length).toBe(1 << 20);
    expect(builtin.comment.quanta.length).toBe(1 << 20);
    const t = builtin.thresholds;
    for (const x of [t.token, t.best, t.comment]) expect(x).toBeGreaterThanOrEqual(0);
    expect(t.token).toBeLessThanOrEqual(t.best);
    expect(builtin.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('round-trips through encode and decode', () => {
    const again = decodeModel(encodeModel(builtin));
    expect(again.version).toBe(builtin.version);
    expect(Buffer.from(again.token.quanta.buffer).equals(Buffer.from(builtin.token.quanta.buffer))).toBe(true);
  });

  it("keeps the comment table's word-pair flag; files from before the flag read as pairs included", () => {
    expect(builtin.commentPairs).toBe(true);
    expect(decodeModel(encodeModel({ ...builtin, commentPairs: false })).commentPairs).toBe(false);
    const old = encodeModel({ ...builtin, stack: null });
    old[6] = 0;
    expect(decodeModel(old).commentPairs).toBe(true);
  });

  it('keeps its second pass; files without one read as none', () => {
    expect(builtin.stack?.weights.length).toBe(STACK_SLOTS);
    const again = decodeModel(encodeModel(builtin));
    expect(again.stack!.bias).toBe(builtin.stack!.bias);
    expect(Array.from(again.stack!.weights)).toEqual(Array.from(builtin.stack!.weights));
    const without = decodeModel(encodeModel({ ...builtin, stack: null }));
    expect(without.stack).toBeNull();
    expect(encodeModel({ ...builtin, stack: null }).length).toBe(40 + 2 * (1 << 20));
  });

  it('refuses a file that is not a model, or is cut short, with a reason', () => {
    expect(() => decodeModel(Buffer.from('not a model at all, just some bytes'))).toThrow(/bad magic/);
    const whole = encodeModel(builtin);
    expect(() => decodeModel(whole.subarray(0, whole.length - 10))).toThrow(/truncated or corrupt/);
  });

  it('stops the engine from starting when a model file is missing', () => {
    expect(() => createFilterEngine({ model: '/nonexistent/span-model.bin' })).toThrow(/ENOENT/);
  });

  it('changes the lexicon version with the model', () => {
    expect(createFilterEngine().lexiconVersion).not.toBe(createFilterEngine({ model: false }).lexiconVersion);
  });
});

describe('SpanModel.score (cached fast path)', () => {
  const model = new SpanModel(builtin);
  const comments = [
    'Đ.m bọn lừa đảo, ib zalo 0912.345.678 nhận kèo',
    'Lũ về nhanh quá, nhà tôi ở Quảng Trị nước lên tới mái.',
    'thang cha nay ngu vl, an hai that su',
    'Con chó nhà hàng xóm cắn người 😡😡 mà không ai xử lý',
    'ĐỒ ĂN BÁM!!! cút về quê đi',
    'a',
    '',
    '!!! ??? ...',
  ];

  it('gives the probabilities of a plain sum over every feature of every token', () => {
    for (const content of comments) {
      const text = normalize(content);
      const hits = builtinMatcher.find(text);
      const fast = model.firstPass(text, hits);
      const expected = naiveScores(content, builtin);
      expect(Array.from(fast.probability.subarray(0, fast.tokens.count))).toEqual(expected.tokens.map((p) => expect.closeTo(p, 6)));
      expect(fast.comment).toBeCloseTo(expected.comment, 6);
    }
  });

  it('with a comment table without word pairs: the same plain sums, pairs left out of the comment, and the same gate', () => {
    const data = { ...builtin, commentPairs: false };
    const noPairs = new SpanModel(data);
    for (const content of comments) {
      const text = normalize(content);
      const hits = builtinMatcher.find(text);
      const full = detachScores(noPairs.firstPass(text, hits));
      const expected = naiveScores(content, data);
      expect(Array.from(full.probability)).toEqual(expected.tokens.map((p) => expect.closeTo(p, 6)));
      expect(full.comment).toBeCloseTo(expected.comment, 6);
      const gated = noPairs.firstPass(text, hits, full.comment + 1e-6);
      expect(Array.from(gated.probability.subarray(0, gated.tokens.count)).every((p) => p === 0)).toBe(true);
    }
  });

  it('gates: below the comment threshold token probabilities are 0 and the spans are those of a full score', () => {
    const gate = builtin.thresholds.comment;
    let gated = 0;
    for (const content of comments) {
      const text = normalize(content);
      const hits = builtinMatcher.find(text);
      const full = detachScores(model.score(text, hits));
      const cheap = model.score(text, hits, gate);
      expect(cheap.comment).toBe(full.comment);
      expect(spansOf(cheap, content, builtin.thresholds)).toEqual(spansOf(full, content, builtin.thresholds));
      const zeros = Array.from(cheap.probability.subarray(0, cheap.tokens.count)).every((p) => p === 0);
      if (full.comment < gate) {
        gated++;
        expect(zeros).toBe(true);
      } else if (!zeros || cheap.tokens.count === 0) {
        expect(Array.from(cheap.probability.subarray(0, cheap.tokens.count))).toEqual(Array.from(full.probability));
      } else {
        // Skipped because the second pass could not reach `best` from these first-pass values.
        gated++;
        expect(Math.max(...full.probability)).toBeLessThan(builtin.thresholds.best);
      }
    }
    expect(gated).toBeGreaterThan(0);
  });

  it('relabels every token by the second pass over the first pass (neighbours, comment)', () => {
    let passed = 0;
    for (const content of comments) {
      const text = normalize(content);
      const hits = builtinMatcher.find(text);
      const first = detachScores(model.firstPass(text, hits));
      const final = model.score(text, hits);
      passed++;
      const n = first.tokens.count;
      const expected = new Float32Array(n);
      applyStack(builtin.stack!, first.probability, n, first.comment, expected, new Uint8Array(n));
      expect(Array.from(final.probability.subarray(0, n))).toEqual(Array.from(expected));
      // By its definition: the bias and one weight per feature.
      const features = new Int32Array(STACK_FEATURES);
      for (let t = 0; t < n; t++) {
        const k = stackFeatures(first.probability, n, first.comment, t, features);
        let z = builtin.stack!.bias;
        for (let f = 0; f < k; f++) z += builtin.stack!.weights[features[f]!]!;
        expect(final.probability[t]).toBeCloseTo(1 / (1 + Math.exp(-z)), 6);
      }
    }
    expect(passed).toBeGreaterThan(0);
  });

  it('skips the second pass only where it cannot reach `best`: its bound holds on random first passes', () => {
    const stack = builtin.stack!;
    const best = builtin.thresholds.best;
    const reach = stackReach(stack, best);
    const random = mulberry32(3);
    let tried = 0;
    for (let c = 0; c < reach.length; c++) {
      const comment = (c + random()) / reach.length;
      const ceiling = binFloor(reach[c]!); // every first-pass probability below it
      for (let round = 0; round < 300; round++) {
        const n = 1 + Math.floor(random() * 8);
        const p = Float32Array.from({ length: n }, () => Math.fround(random() * ceiling * 0.999999));
        const out = new Float32Array(n);
        applyStack(stack, p, n, comment, out, new Uint8Array(n));
        for (const q of out) expect(q).toBeLessThan(best);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(0);
    // It does skip something: a comment whose first pass stays low everywhere.
    expect(Math.max(...reach)).toBeGreaterThan(0);
  });

  it('hashes each token as hashUnits does over its view range, with and without marks', () => {
    for (const content of comments) {
      const text = normalize(content);
      const tokens = tokenize(text);
      for (let t = 0; t < tokens.count; t++) {
        expect(tokens.hashAccented[t]).toBe(hashUnits(text.accented.codes, tokens.viewStart[t]!, tokens.viewEnd[t]!));
        expect(tokens.hashStripped[t]).toBe(hashUnits(text.stripped.codes, tokens.viewStart[t]!, tokens.viewEnd[t]!));
      }
    }
  });

  it('gives the same answer the second time (the word cache changes nothing)', () => {
    const text = normalize(comments[2]!);
    const first = Array.from(model.score(text, builtinMatcher.find(text)).probability.subarray(0, 8));
    const second = Array.from(model.score(text, builtinMatcher.find(text)).probability.subarray(0, 8));
    expect(second).toEqual(first);
  });
});

/** The model's definition, without any of the fast path's caches: Σ sign × weight per feature. */
function naiveScores(content: string, builtin: SpanModelData): { tokens: number[]; comment: number } {
  const text = normalize(content);
  const tokens = tokenize(text);
  const { codes, any } = lexiconCodes(tokens, builtinMatcher.find(text));
  const out = new Int32Array(MAX_FEATURES);
  const mask = (1 << builtin.bits) - 1;
  const probabilities: number[] = [];
  let commentSum = 0;
  for (let t = 0; t < tokens.count; t++) {
    const k = tokenFeatures(text, tokens, codes, any, t, out);
    // Where the word pairs and triple sit; a model with `commentPairs` false leaves them out of the comment table.
    const pairs = wordAndNeighbours(text, tokens, t, new Int32Array(MAX_FEATURES));
    let sum = 0;
    for (let f = 0; f < k; f++) {
      const sign = out[f]! < 0 ? -1 : 1;
      sum += sign * builtin.token.quanta[out[f]! & mask]!;
      if (builtin.commentPairs || f < pairs || f >= pairs + PAIR_FEATURES) commentSum += sign * builtin.comment.quanta[out[f]! & mask]!;
    }
    probabilities.push(1 / (1 + Math.exp(-(builtin.token.bias + sum * builtin.token.scale))));
  }
  return { tokens: probabilities, comment: 1 / (1 + Math.exp(-(builtin.comment.bias + commentSum * builtin.comment.scale))) };
}
