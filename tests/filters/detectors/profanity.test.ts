import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../src/filters/index.js';

/**
 * Minimal pairs for the Vietnamese and English profanity lexicons, through the engine (the
 * lexicon detector reads what the matcher found, so this is where its rules show).
 */
const engine = createFilterEngine({ model: false });
const profane = (s: string) => engine.evaluate(s).reasons.filter((r) => r.rule.startsWith('profanity.'));
const tierOf = (s: string) => profane(s)[0]?.tier ?? 'none';

describe('profanity: accented terms never confused with their tone pairs', () => {
  it.each([
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
  ])('"%s" is profane, "%s" is not', (bad, good) => {
    expect(profane(bad)).not.toEqual([]);
    expect(profane(good)).toEqual([]);
  });
});

describe('profanity: bare forms without diacritics count only in context', () => {
  it.each([
    ['Cai lon gi ma tang gia', 'Mua nay nuoc lon qua'],
    ['Dit me may thang lai xe', 'Xe tai de dit xe xuong'],
    ['Dit con me bon lua dao', 'Con lon nha toi bi dich ta'],
    ['Deo ai tin', 'Deo khau trang khi ra duong'],
    ['Thang nay ngu nhu cho', 'dan ngu khong duoc'],
    ['Oc cho a', 'Nha toi co may con cho'],
    ['vai lon', 'mua vai lon bia'],
    ['Do mat day', 'Cac chau di hoc deo mu day du'],
    ['du ma nong qua', 'Truong chua du phong hoc'],
  ])('"%s" is profane, "%s" is not', (bad, good) => {
    expect(profane(bad)).not.toEqual([]);
    expect(profane(good)).toEqual([]);
  });

  it('typed marks must agree with the term ("mặt dày" is not "mất dạy")', () => {
    expect(profane('Đồ mất dạy')).not.toEqual([]);
    expect(profane('Đồ mặt dày')).toEqual([]);
    expect(profane('dit mẹ nó')).not.toEqual([]);
  });
});

describe('profanity: evasions', () => {
  it.each([
    ['separators', 'Nói như l.o.n'],
    ['spaces', 'd i t me may'],
    ['spaced accented', 'làm như l ồ n'],
    ['dotted teencode', 'V.c.l, giá tăng'],
    ['repeated letters', 'Điiiiit mẹ, cắt điện'],
    ['repeated teencode', 'Đmmmm mất điện'],
    ['leet digits', 'Cái l0n gì'],
    ['leet symbol', 'bắt bóng như c@c'],
    ['masked letter', 'bắt bóng như c*c'],
    ['leet in an accented word', 'Đ3o mẹ bọn mày'],
    ['Cyrillic lookalike', 'Đá như \u0441ặ\u0441'],
    ['Greek lookalike', 'Cái l\u03bfn gì'],
    ['zero-width inside', 'Nói như l\u200bồn'],
    ['NFD input', 'Lo\u0302\u0300n gi\u0300 ma\u0300'],
    ['spelled out', 'c l g t, xã tôi'],
    ['English leet', 'what the sh1t'],
    ['English spaced', 'f u c k this'],
  ])('%s: %s', (_kind, text) => {
    expect(profane(text)).not.toEqual([]);
  });

  it('a zero-width character inside an innocent word creates no hit', () => {
    expect(profane('Lũ lớ\u200bn quá')).toEqual([]);
    expect(profane('Cả\u200bm ơn')).toEqual([]);
  });

  it('spaced innocent words stay innocent', () => {
    expect(profane('đá Đ Ỉ N H thật sự')).toEqual([]);
  });
});

describe('profanity: tiers', () => {
  it.each([
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
  ])('%s → %s', (text, tier) => {
    expect(tierOf(text)).toBe(tier);
  });
});

describe('profanity: English with an allowlist', () => {
  it.each([['Scunthorpe đá hay'], ['Báo cáo assessment'], ['học class tiếng Anh'], ['Cacao trồng xen'], ['As a teacher I agree'], ['Vinh Phuc'], ['cum tu nay']])(
    '%s is clean',
    (text) => {
      expect(profane(text)).toEqual([]);
    },
  );

  it('the walnut is not an insult', () => {
    expect(profane('Hạt óc chó tốt cho sức khỏe')).toEqual([]);
  });
});
