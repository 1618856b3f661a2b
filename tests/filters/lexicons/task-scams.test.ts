import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../src/filters/index.js';
import { expectAll, expectEachContains } from '../cases.js';

/**
 * Task scams (spam.job in spam.txt): paid "tasks", fake orders, online collaborators.
 * Comments made up in the style of a provincial news site's readers.
 */
const engine = createFilterEngine({ model: false, siteDomains: ['baoquangtri.vn'] });
const verdict = (s: string) => engine.evaluate(s);
const jobWords = (s: string) =>
  verdict(s)
    .reasons.filter((r) => r.rule === 'spam.job')
    .map((r) => r.match.toLowerCase());
const action = (s: string) => verdict(s).action;

describe('task scams', () => {
  expectEachContains('reads %j as a task scam', jobWords, [
    ['Làm nhiệm vụ nhận hoa hồng 30%', 'làm nhiệm vụ nhận hoa hồng'],
    ['nhiệm vụ online đơn giản', 'nhiệm vụ online'],
    ['like video tiktok nhận tiền', 'tiktok nhận tiền'],
    ['xem video nhận tiền mỗi ngày', 'video nhận tiền'],
    ['Việc chốt đơn ảo cho shop', 'chốt đơn ảo'],
    ['Cần cộng tác viên online', 'cộng tác viên online'],
    ['tuyển ctv online', 'ctv online'],
    ['kiếm tiền online chỉ cần điện thoại', 'kiếm tiền online'],
    ['lam nhiem vu nhan hoa hong', 'lam nhiem vu nhan hoa hong'], // typed without marks
  ]);

  expectAll('blocks %j (with a way to reach the spammer)', action, 'block', [
    'Tuyển CTV làm nhiệm vụ nhận hoa hồng, thu nhập 500k/ngày, ib zalo',
    'Like video tiktok nhận tiền mỗi ngày, kb zl 0905123456',
    'Cần cộng tác viên online tại nhà thu nhập 500k/ngày, inbox za lo',
    'Chốt đơn ảo hoa hồng cao, vào t.me/viecnhe_88',
  ]);

  it('reviews an offer with one contact word', () => {
    expect(verdict('Việc chốt đơn ảo hoa hồng cao, ib mình').action).toBe('review');
  });

  expectAll('passes %j', action, 'pass', [
    'Chiến sĩ biên phòng làm nhiệm vụ giữa mưa lũ', // "làm nhiệm vụ" alone is a duty
    'Cô giáo nhận hoa hồng từ học trò ngày 20/11', // roses
    'Công an cảnh báo chiêu làm nhiệm vụ nhận hoa hồng, like video nhận tiền, bà con cẩn thận',
    'Con tôi suýt mất tiền vì chốt đơn ảo, may mà ngân hàng chặn kịp',
  ]);

  // Victims name the app; the scam words must not tip such a comment into a block.
  it('reviews, never blocks, a victim naming the group and the app', () => {
    expect(verdict('Mẹ tôi bị kéo vào nhóm zalo làm nhiệm vụ nhận hoa hồng, mất 300 triệu').action).toBe('review');
  });
});
