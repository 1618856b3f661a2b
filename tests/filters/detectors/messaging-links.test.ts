import { describe, expect, it } from 'vitest';
import { links } from '../../../src/filters/detectors/link.js';
import { createFilterEngine } from '../../../src/filters/index.js';
import { expectAll, expectFinding } from '../cases.js';
import { matchesWithWeights } from '../helpers.js';

/**
 * Messaging links and link shorteners (detectors/domains.ts MESSAGE_HOSTS) as spam.link 0.6.
 * The comments are made up in the style of a provincial news site's readers.
 */
const found = (s: string, site: string[] = []) => matchesWithWeights(links, s, site);

describe('messaging links and shorteners', () => {
  expectFinding(links, 0.6, 'flags %j', [
    ['Anh em vào t.me/kiemtien88 nhận kèo', 't.me'],
    ['nhóm kín https://t.me/+AbCd12xY', 't.me'],
    ['telegram.me/soikeo_vip', 'telegram.me'],
    ['Ai cần thì vào zalo.me/g/xyzab12 nhé', 'zalo.me'],
    ['nhắn m.me/shopmevabe', 'm.me'],
    ['chat wa.me/84905123456', 'wa.me'],
    ['fb.me/trangvaynhanh', 'fb.me'],
    ['Xem clip đầy đủ tại bit.ly/3xQz9Ab', 'bit.ly'],
    ['tinyurl.com/vay-nhanh', 'tinyurl.com'],
    ['cutt.ly/abc123', 'cutt.ly'],
    ['shorturl.at/aBc12', 'shorturl.at'],
    ['rebrand.ly/quatang', 'rebrand.ly'],
    ['is.gd/Xy12ab', 'is.gd'],
    ['s.id/hoahong', 's.id'],
    ['mọi thông tin ở linktr.ee/kiemtienonline', 'linktr.ee'],
    ['goo.gl/maps123', 'goo.gl'],
  ]);

  expectFinding(links, 0.6, 'flags the host of %j', [
    ['http://bit.ly/abc', 'bit.ly'], // with a scheme
    ['www.bit.ly/abc', 'www.bit.ly'], // with www
    ['https://www.tinyurl.com/abc', 'www.tinyurl.com'], // with a scheme and www
    ['VÀO T.ME/KIEMTIEN88 NGAY', 'T.ME'], // upper case
    ['Zalo.Me/0905123456', 'Zalo.Me'], // mixed case
  ]);

  it('counts a distinctive name without a path ("bit.ly", "zalo.me")', () => {
    expect(found('link ở bit.ly nhé')).toEqual([['bit.ly', 0.6]]);
    expect(found('vào zalo.me mà tìm')).toEqual([['zalo.me', 0.6]]);
  });

  // One- and two-letter names need a path: bare, "t.me" may be two words missing a space.
  expectAll('does not read %j as a messaging link', found, [], ['Đi hát.Me tôi ở nhà', 't.me', 'kb t.me /abc']);

  it('leaves a bare short name to the ordinary link rule (weak)', () => {
    expect(found('trang fb.me thôi')).toEqual([['fb.me', 0.3]]);
  });

  it('matches the whole host only', () => {
    expect(found('abit.ly/abc')).toEqual([]);
    expect(found('xem zalo.me.vn')).toEqual([['zalo.me.vn', 0.3]]);
  });

  it('lets the site’s own domains pass, a shortener the site lists as its own included', () => {
    expect(found('Bài gốc trên baoquangtri.vn, ai cần thì t.me/abc', ['baoquangtri.vn'])).toEqual([['t.me', 0.6]]);
    expect(found('Đọc bài tại bit.ly/bqt-lu-lut', ['baoquangtri.vn', 'bit.ly'])).toEqual([]);
  });
});

describe('messaging links in the verdict', () => {
  const engine = createFilterEngine({ model: false, siteDomains: ['baoquangtri.vn'] });
  const action = (s: string) => engine.evaluate(s).action;

  // 0.6 alone is review; the lexicon word inside "zalo.me" (contact 0.3) gives 0.72: still review.
  expectAll('sends %j alone to review, not block', action, 'review', [
    'Xem thêm t.me/tintucquangtri',
    'zalo.me/g/hoidanquangtri',
    'telegram.me/abc',
    'bit.ly/3xQz9Ab',
  ]);

  expectAll('blocks it with other signals: %j', action, 'block', [
    'Cần vay liên hệ zalo.me/0905123456', // a phone
    'Soi kèo miễn phí tại t.me/soikeo_vip', // gambling words
    'Vay tiền nhanh không thế chấp bit.ly/vaynhanh24h', // lending words
    'Tuyển ctv làm tại nhà, vào t.me/viecnhe', // two weak signals
  ]);

  it('passes a reader quoting the site itself', () => {
    expect(action('Bài cũ đây: baoquangtri.vn/xa-hoi/abc.htm')).toBe('pass');
  });
});
