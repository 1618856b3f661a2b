import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../src/filters/index.js';

/**
 * Dehumanising insults, teencode and political slurs added to vi.txt at review tier, and the
 * ordinary Vietnamese that shares their words (allow.txt or phrases instead of bare words).
 * Comments made up in the style of a provincial news site's readers.
 */
const engine = createFilterEngine({ model: false });
const verdict = (s: string) => engine.evaluate(s);
const profane = (s: string) => verdict(s).reasons.filter((r) => r.rule === 'profanity.vi');

describe('insults and slurs: review, never block', () => {
  it.each([
    ['Đồ ăn bám, suốt ngày xin trợ cấp', 'Đồ ăn bám'],
    ['bọn ăn bám ngân sách', 'bọn ăn bám'],
    ['Thằng thiểu năng này viết gì vậy', 'Thằng thiểu năng'],
    ['lũ thiểu năng', 'lũ thiểu năng'],
    ['Bọn cặn bã đó phải xử nặng', 'Bọn cặn bã'],
    ['toàn cặn bã xã hội', 'cặn bã xã hội'],
    ['đồ rác rưởi', 'đồ rác rưởi'],
    ['Đúng là não tôm mới tin', 'não tôm'],
    ['não phẳng thật sự', 'não phẳng'],
    ['Lũ trẻ trâu phóng xe ầm ầm', 'trẻ trâu'],
    ['bọn bò đỏ lại vào bênh', 'bò đỏ'],
    ['lại bọn 3 que xuyên tạc', '3 que'],
    ['Éo ai tin nổi', 'Éo'],
    ['do an bam', 'do an bam'], // typed without marks
    ['thang thieu nang', 'thang thieu nang'],
  ])('%j', (text, match) => {
    const found = profane(text);
    expect(found.map((r) => r.match)).toContain(match);
    expect(found.every((r) => r.tier === 'review')).toBe(true);
    expect(verdict(text).action).toBe('review');
  });
});

describe('insults and slurs: the same words in ordinary text', () => {
  it.each([
    ['Con cái ăn bám bố mẹ là chuyện buồn của nhiều nhà'],
    ['Cháu bé bị thiểu năng trí tuệ cần được giúp đỡ'],
    ['Người già hay bị thiểu năng tuần hoàn não'],
    ['Máy lọc giữ lại cặn bã trong nước'],
    ['Rác rưởi ngập đường sau lũ'],
    ['Mặt phẳng nghiêng của con dốc'],
    ['Trẻ em chăn trâu ngoài đồng'],
    ['Giống bò đỏ cho năng suất cao'],
    ['Mua bộ đồ mới cho con đi học'],
    ['Thắp ba que hương cho các cụ'],
    ['thap 3 que huong'],
    ['Hoàn cảnh éo le quá, mong mọi người giúp'],
    ['Cô ấy uốn éo trên sân khấu'],
    ['Xe chở cát làm rơi vãi khắp đường'],
    ['Rác vương vãi khắp chợ'],
    ['Nông dân gieo vãi lúa giống'],
    ['Bà vãi ở chùa làng'],
    ['Đi dạo quanh eo biển'],
    ['mua do moi cho con di hoc'], // "đồ mới" typed without marks, not "đồ mọi"
  ])('%j passes', (text) => {
    expect(verdict(text)).toMatchObject({ action: 'pass', reasons: [] });
  });

  it('"đồ mọi" typed with its marks still counts', () => {
    expect(profane('lũ đồ mọi').map((r) => r.match)).toEqual(['đồ mọi']);
  });

  it('an intensifier next to a spilled word still counts', () => {
    expect(profane('Ngu vãi, rơi vãi hết rồi').map((r) => r.match)).toEqual(['Ngu', 'vãi']);
  });
});
