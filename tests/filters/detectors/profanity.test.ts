import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../src/filters/index.js';
import { expectAll, expectEach, expectSome } from '../cases.js';

/**
 * Minimal pairs for the Vietnamese and English profanity lexicons, through the engine (the
 * lexicon detector reads what the matcher found, so this is where its rules show).
 */
const engine = createFilterEngine({ model: false });
const profane = (s: string) => engine.evaluate(s).reasons.filter((r) => r.rule.startsWith('profanity.'));
const tierOf = (s: string) => profane(s)[0]?.tier ?? 'none';

/** One test per [bad, good] pair: the first is profane, the second, alike, is not. */
function minimalPairs(rows: Array<[bad: string, good: string]>): void {
  it.each(rows)('"%s" is profane, "%s" is not', (bad, good) => {
    expect(profane(bad)).not.toEqual([]);
    expect(profane(good)).toEqual([]);
  });
}

describe('profanity: accented terms never confused with their tone pairs', () => {
  minimalPairs([
    ['Nói như lồn', 'Lũ lớn quá'],
    ['Đá như cặc', 'Các cháu đi học'],
    ['mặt buồi', 'buổi họp dân'],
    ['mặt buồi', 'vườn bưởi'],
    ['Địt mẹ', 'đít xe tải'],
    ['Đéo ai tin', 'đeo khẩu trang, qua đèo'],
    ['Đụ má', 'đủ điều kiện, dù mưa'],
    ['lũ đĩ đực', 'đĩa xôi, đi học'],
    ['chơi như cứt', 'cứ mưa là ngập'],
    ['Ngu thế', 'Ngủ dậy, anh Ngữ'],
    ['Giao thông như lồn', 'giao thông lộn xộn'],
  ]);
});

describe('profanity: bare forms without diacritics count only in context', () => {
  minimalPairs([
    ['Cai lon gi ma tang gia', 'Mua nay nuoc lon qua'],
    ['Dit me may thang lai xe', 'Xe tai de dit xe xuong'],
    ['Dit con me bon lua dao', 'Con lon nha toi bi dich ta'],
    ['Deo ai tin', 'Deo khau trang khi ra duong'],
    ['Thang nay ngu nhu cho', 'dan ngu khong duoc'],
    ['Oc cho a', 'Nha toi co may con cho'],
    ['vai lon', 'mua vai lon bia'],
    ['Do mat day', 'Cac chau di hoc deo mu day du'],
    ['du ma nong qua', 'Truong chua du phong hoc'],
  ]);

  it('typed marks must agree with the term ("mặt dày" is not "mất dạy")', () => {
    expect(profane('Đồ mất dạy')).not.toEqual([]);
    expect(profane('Đồ mặt dày')).toEqual([]);
    expect(profane('dit mẹ nó')).not.toEqual([]);
  });
});

describe('profanity: evasions', () => {
  expectSome('finds the word behind %j', profane, [
    'Nói như l.o.n', // separators
    'd i t me may', // spaces
    'làm như l ồ n', // spaced accented
    'V.c.l, giá tăng', // dotted teencode
    'Điiiiit mẹ, cắt điện', // repeated letters
    'Đmmmm mất điện', // repeated teencode
    'Cái l0n gì', // leet digits
    'bắt bóng như c@c', // leet symbol
    'bắt bóng như c*c', // masked letter
    'Đ3o mẹ bọn mày', // leet in an accented word
    'Đá như \u0441ặ\u0441', // Cyrillic lookalike
    'Cái l\u03bfn gì', // Greek lookalike
    'Nói như l\u200bồn', // zero-width inside
    'Lo\u0302\u0300n gi\u0300 ma\u0300', // NFD input
    'c l g t, xã tôi', // spelled out
    'what the sh1t', // English leet
    'f u c k this', // English spaced
  ]);

  it('a zero-width character inside an innocent word creates no hit', () => {
    expect(profane('Lũ lớ\u200bn quá')).toEqual([]);
    expect(profane('Cả\u200bm ơn')).toEqual([]);
  });

  it('spaced innocent words stay innocent', () => {
    expect(profane('đá Đ Ỉ N H thật sự')).toEqual([]);
  });
});

describe('profanity: tiers', () => {
  expectEach('%s → %s', tierOf, [
    ['Địt mẹ', 'block'],
    ['vcl', 'block'],
    ['óc chó', 'block'],
    ['fuck this', 'block'],
    ['ngu vl', 'review'],
    ['xấu vl', 'review'],
    ['vãi cả linh hồn', 'review'],
    ['Đồ mất dạy', 'review'],
    ['What an idiot', 'review'],
    ['Shit, mất điện', 'review'],
  ]);
});

describe('profanity: English with an allowlist', () => {
  expectAll(
    '%s is clean',
    profane,
    [],
    [
      'Scunthorpe đá hay',
      'Báo cáo assessment',
      'học class tiếng Anh',
      'Cacao trồng xen',
      'As a teacher I agree',
      'Vinh Phuc',
      'cum tu nay',
    ],
  );

  it('the walnut is not an insult', () => {
    expect(profane('Hạt óc chó tốt cho sức khỏe')).toEqual([]);
  });
});
