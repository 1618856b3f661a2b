import { describe, expect, it } from 'vitest';
import { decisionsToTraining, suggestsOffence } from '../../../src/filters/model/decisions.js';

/** A line as `npm run export:decisions` writes it; fields can be overridden or removed (undefined). */
function line(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'c1',
    text: 'Bài viết hay quá',
    decision: 'approved',
    reason: null,
    decidedBy: 'moderator',
    rescued: false,
    edited: false,
    reasons: [],
    decidedAt: '2026-11-20T08:00:00.000Z',
    ...fields,
  });
}

/** The result is one example of `text`, labelled by exactly these spans, and nothing skipped. */
function expectOnlySpans(result: ReturnType<typeof decisionsToTraining>, text: string, spans: Array<[number, number]>): void {
  expect(result.examples).toEqual([{ text, spans, labelled: 'spans' }]);
  expect(result.skipped).toBe(0);
}

describe('decisionsToTraining', () => {
  it('turns an approved comment into a fully labelled negative example, highlights and all', () => {
    const text = 'Đồ ngu mà cũng viết báo';
    const { examples, skipped } = decisionsToTraining([
      line({ text, reasons: [{ rule: 'profanity.vi', tier: 'review', start: 3, end: 6 }] }),
    ]);
    expect(examples).toEqual([{ text, spans: [], labelled: 'all' }]);
    expect(skipped).toBe(0);
  });

  it('takes a rescued comment (approved after the filter rejected it) as negative too', () => {
    const text = 'Con cặc kè đẹp quá';
    const { examples } = decisionsToTraining([
      line({ text, decidedBy: 'moderator', rescued: true, reasons: [{ rule: 'profanity.vi', tier: 'block', start: 4, end: 7 }] }),
    ]);
    expect(examples).toEqual([{ text, spans: [], labelled: 'all' }]);
  });

  it('labels only the profanity and model spans of a rejected comment, sorted', () => {
    const text = 'Thằng ngu, đm mày, gọi 0912345678';
    const { examples, skipped } = decisionsToTraining([
      line({
        text,
        decision: 'rejected',
        decidedBy: 'filter',
        reason: 'profanity.vi, model.offensive, spam.phone',
        reasons: [
          { rule: 'model.offensive', tier: 'review', start: 0, end: 9, confidence: 0.9 },
          { rule: 'profanity.vi', tier: 'block', start: 11, end: 13 },
          { rule: 'spam.phone', tier: 'review', start: 23, end: 33 },
        ],
      }),
    ]);
    expectOnlySpans({ examples, skipped }, text, [
      [0, 9],
      [11, 13],
    ]);
  });

  it('uses the spans of a moderator rejection as well, whatever reason text was given', () => {
    const text = 'Bọn óc chó này';
    const { examples } = decisionsToTraining([
      line({
        text,
        decision: 'rejected',
        reason: 'Công kích cá nhân',
        reasons: [{ rule: 'profanity.vi', tier: 'review', start: 4, end: 10 }],
      }),
    ]);
    expect(examples).toEqual([{ text, spans: [[4, 10]], labelled: 'spans' }]);
  });

  it('skips and counts an offensive rejection that names no words', () => {
    const rejected = (reason: string) => line({ decision: 'rejected', reason, reasons: [] });
    const { examples, skipped } = decisionsToTraining([
      rejected('Ngôn từ thô tục'),
      rejected('Xúc phạm người khác'),
      rejected('Công kích cá nhân'),
      rejected('nói tục'),
      rejected('Offensive language'),
      rejected('insult'),
      // The filter's own reason text, when its spans were lost.
      rejected('profanity.vi'),
    ]);
    expect(examples).toEqual([]);
    expect(skipped).toBe(7);
  });

  it('skips spam, off-topic and other rejections without counting them', () => {
    const { examples, skipped } = decisionsToTraining([
      line({ decision: 'rejected', reason: 'Quảng cáo / spam', reasons: [] }),
      line({ decision: 'rejected', reason: 'Lạc đề', reasons: [] }),
      line({ decision: 'rejected', reason: 'Sai sự thật', reasons: [] }),
      line({ decision: 'rejected', reason: null, reasons: [] }),
      line({ decision: 'rejected', reason: 'Spam, tiếp tục đăng lại nhiều lần', reasons: [] }),
      line({
        decision: 'rejected',
        decidedBy: 'filter',
        reason: 'spam.link, spam.phone',
        reasons: [
          { rule: 'spam.link', tier: 'block', start: 0, end: 4 },
          { rule: 'spam.phone', tier: 'block', start: 5, end: 10 },
        ],
      }),
      line({ decision: 'rejected', decidedBy: 'filter', reason: 'ban', reasons: [{ rule: 'ban', tier: 'block', start: 0, end: 0 }] }),
    ]);
    expect(examples).toEqual([]);
    expect(skipped).toBe(0);
  });

  it('skips and counts malformed lines, ignores blank ones', () => {
    const { examples, skipped } = decisionsToTraining([
      '',
      '   ',
      '{not json',
      '[1,2,3]',
      'null',
      line({ text: 42 }),
      line({ text: undefined }),
      line({ decision: 'pending' }),
      line({ reason: 7 }),
      line({ reasons: 'profanity.vi' }),
      line({ edited: 'no' }),
      line(),
    ]);
    expect(examples).toHaveLength(1);
    expect(skipped).toBe(9);
  });

  it('skips and counts a decision on edited text', () => {
    expect(decisionsToTraining([line({ edited: true })])).toEqual({ examples: [], skipped: 1 });
  });

  it('clips spans to the text, drops empty or odd ones, merges overlaps', () => {
    const text = 'đm đm đm'; // length 8
    const reasons = [
      { rule: 'profanity.vi', tier: 'block', start: 6, end: 50 }, // clipped to [6, 8]
      { rule: 'profanity.vi', tier: 'block', start: -4, end: 2 }, // clipped to [0, 2]
      { rule: 'profanity.vi', tier: 'block', start: 1, end: 3 }, // overlaps [0, 2]: merged to [0, 3]
      { rule: 'profanity.vi', tier: 'block', start: 20, end: 30 }, // wholly outside: dropped
      { rule: 'profanity.vi', tier: 'block', start: 5, end: 5 }, // empty: dropped
      { rule: 'profanity.vi', tier: 'block', start: 4, end: 3 }, // reversed: dropped
      { rule: 'profanity.vi', tier: 'block', start: '3', end: 5 }, // not a number: dropped
      { rule: 'profanity.vi', tier: 'block', start: 3.5, end: 5 }, // not an integer: dropped
      'profanity.vi',
    ];
    const { examples, skipped } = decisionsToTraining([line({ text, decision: 'rejected', reasons })]);
    expectOnlySpans({ examples, skipped }, text, [
      [0, 3],
      [6, 8],
    ]);
  });

  it('a rejection whose only spans fall outside the text counts as offensive without words', () => {
    const { examples, skipped } = decisionsToTraining([
      line({
        text: 'ngắn',
        decision: 'rejected',
        reason: 'Ngôn từ thô tục',
        reasons: [{ rule: 'profanity.vi', tier: 'block', start: 10, end: 14 }],
      }),
    ]);
    expect(examples).toEqual([]);
    expect(skipped).toBe(1);
  });

  it('never cuts a surrogate pair (offsets are UTF-16 units)', () => {
    const text = 'a 🖕🖕 b'; // each emoji is two units: [2, 4) and [4, 6)
    const { examples } = decisionsToTraining([
      line({ text, decision: 'rejected', reasons: [{ rule: 'model.offensive', tier: 'review', start: 3, end: 5 }] }),
    ]);
    expect(examples[0].spans).toEqual([[2, 6]]);
    expect(text.slice(2, 6)).toBe('🖕🖕');
  });

  it('reads any iterable, e.g. a generator, and keeps the order of the lines', () => {
    function* lines() {
      yield line({ text: 'một' });
      yield line({ text: 'hai', decision: 'rejected', reasons: [{ rule: 'profanity.en', tier: 'review', start: 0, end: 3 }] });
      yield line({ text: 'ba' });
    }
    expect(decisionsToTraining(lines()).examples.map((e) => e.text)).toEqual(['một', 'hai', 'ba']);
  });
});

describe('suggestsOffence', () => {
  it('matches words of offence, in any case and Unicode form', () => {
    for (const reason of [
      'Ngôn từ thô tục',
      'XÚC PHẠM',
      'Công kích cá nhân',
      'tục',
      'Tục tĩu',
      'văng tục',
      'Offensive',
      'insult',
      'Lăng mạ',
    ])
      expect(suggestsOffence(reason), reason).toBe(true);
    expect(suggestsOffence('Xúc phạm'.normalize('NFD'))).toBe(true);
  });

  it('does not take "tục" inside other words for rudeness', () => {
    for (const reason of [
      'Spam, tiếp tục đăng',
      'Liên tục quảng cáo',
      'Sai thủ tục',
      'Quảng cáo / spam',
      'Lạc đề',
      'Sai sự thật',
      'tin tức',
    ])
      expect(suggestsOffence(reason), reason).toBe(false);
  });
});
