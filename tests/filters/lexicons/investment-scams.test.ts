import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../src/filters/index.js';
import { expectAll, expectEachContains } from '../cases.js';

/**
 * Crypto-signal and investment schemes (spam.invest in spam.txt; "kèo coin" is
 * spam.gambling) and promised returns ("lãi 30%", spam.promo from detectors/offers.ts).
 * Comments made up in the style of a provincial news site's readers.
 */
const engine = createFilterEngine({ model: false, siteDomains: ['baoquangtri.vn'] });
const verdict = (s: string) => engine.evaluate(s);
const rulesOf = (s: string) => verdict(s).reasons.map((r) => r.rule);
const action = (s: string) => verdict(s).action;

describe('investment and crypto-signal schemes', () => {
  expectEachContains('reads %j', rulesOf, [
    ['Nhận tín hiệu coin free', 'spam.invest'],
    ['kèo coin x10 đây', 'spam.gambling'],
    ['x10 tài khoản trong tuần', 'spam.invest'],
    ['Vào nhóm kéo coin', 'spam.invest'],
    ['Nhóm kéo uy tín nhất', 'spam.invest'],
    ['Bao lãi, bao lỗ', 'spam.invest'],
    ['Nhóm đầu tư an toàn', 'spam.invest'],
    ['Cam kết lợi nhuận 20%', 'spam.invest'],
    ['lãi mỗi ngày 2%', 'spam.invest'],
    ['tham gia nhóm đầu tư lãi 30%', 'spam.promo'],
  ]);

  expectAll('blocks %j', action, 'block', [
    'Nhóm kéo coin uy tín, tín hiệu coin mỗi ngày, vào t.me/keocoin_vip',
    'Kèo coin x10 tài khoản, bao lãi, tele @coin_signal_vn',
    'Tham gia nhóm đầu tư lãi 30%/tháng, cam kết lợi nhuận, liên hệ 0912345678',
  ]);

  it('reviews "tham gia nhóm đầu tư lãi 30%"', () => {
    expect(verdict('tham gia nhóm đầu tư lãi 30%').action).toBe('review');
  });

  expectAll('passes %j', action, 'pass', [
    'Cả nhóm kéo đến nhà tôi đòi nợ', // a crowd (allow.txt)
    'Nhóm kéo co của xã đạt giải nhất',
    'nhóm kéo nhau đi nhậu',
    'Gửi tiết kiệm bao lãi vậy mọi người?', // "bao" = "bao nhiêu": weak, no channel
    'Báo lại cho công an xã đi',
    'bao lai cho cong an di', // unmarked "bao lãi" is "báo lại": only as spelled
    'Gửi ngân hàng lãi 5% một năm còn hơn',
    'Giá coin giảm mạnh, nhà đầu tư lo lắng',
  ]);

  it('reviews, never blocks, a victim naming the group and the app', () => {
    expect(verdict('Tham gia nhóm kèo coin trên tele mất trắng').action).toBe('review');
  });
});
