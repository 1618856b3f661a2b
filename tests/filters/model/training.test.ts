import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { fromMarkedText } from '../../../src/filters/evaluation/labelled.js';
import { spanF1 } from '../../../src/filters/evaluation/span-f1.js';
import { encodeModel } from '../../../src/filters/model/model-file.js';
import { SpanModel } from '../../../src/filters/model/span-model.js';
import { DEFAULT_FIT, fromDecisions, fromLabelled } from '../../../src/filters/model/train/defaults.js';
import { fitSpanModel } from '../../../src/filters/model/train/fit.js';
import { normalize } from '../../../src/filters/normalize/index.js';
import { builtinMatcher } from '../helpers.js';

/** A small made-up training set: "ăn hại" and "cặn bã" are insults, the rest is news talk. */
const MARKED = Array.from({ length: 12 }, (_, i) =>
  [
    `Ông chủ tịch xã số ${i} đúng là [[đồ ăn hại]], dân kêu mãi không nghe.`,
    `Bọn buôn lậu gỗ số ${i} là [[cặn bã]] của xã hội.`,
    `Lũ về nhanh quá, nhà số ${i} ở Quảng Trị nước lên tới mái.`,
    `Giá lợn hơi tuần ${i} tăng, bà con chăn nuôi mừng.`,
    `Đề nghị sửa cầu treo thôn ${i} trước mùa mưa.`,
  ].join('\n'),
).join('\n');

const options = {
  ...DEFAULT_FIT,
  bits: 14,
  folds: 2,
  log: () => {},
};

function train(seed: number) {
  const texts = fromLabelled(fromMarkedText(MARKED));
  return fitSpanModel(texts, builtinMatcher, { ...options, seed });
}

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('training the span model', () => {
  it('is deterministic: the same data and seed give the same file, byte for byte', () => {
    expect(digest(encodeModel(train(7).model))).toBe(digest(encodeModel(train(7).model)));
  });

  it('depends on the seed (the order of the examples)', () => {
    expect(digest(encodeModel(train(7).model))).not.toBe(digest(encodeModel(train(8).model)));
  });

  it('learns the spans it was shown and leaves the news talk alone', () => {
    const model = new SpanModel(train(1).model);
    const spansOf = (content: string) => model.spans(normalize(content), builtinMatcher.find(normalize(content)));
    const insult = 'Ông chủ tịch huyện đúng là đồ ăn hại';
    const spans = spansOf(insult);
    expect(spans.map((s) => insult.slice(s.start, s.end))).toContain('đồ ăn hại');
    expect(spansOf('Lũ về nhanh quá, đề nghị sửa cầu treo')).toEqual([]);
  });

  it('reads marked text: brackets become gold spans over the unmarked text', () => {
    const [c] = fromMarkedText('Thằng này [[ngu]] thật');
    expect(c!.text).toBe('Thằng này ngu thật');
    expect(Array.from(c!.gold!).join('')).toBe('000000000011100000');
    expect(spanF1(c!.text, c!.gold!, c!.gold!)).toBe(1);
  });

  it('folds site decisions in: spans become positives, approved comments all negatives', () => {
    const [rejected, approved] = fromDecisions([
      { text: 'đồ cặn bã', spans: [[3, 9]], labelled: 'spans' },
      { text: 'bài viết hay', spans: [], labelled: 'all' },
    ]);
    expect(Array.from(rejected!.gold).join('')).toBe('000111111');
    expect(rejected!.labelled).toBe('spans');
    expect(approved!.gold.includes(1)).toBe(false);
    expect(approved!.weight).toBeGreaterThan(1);
  });
});
