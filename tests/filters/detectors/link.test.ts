import { describe, expect, it } from 'vitest';
import { links } from '../../../src/filters/detectors/link.js';
import { detect } from '../helpers.js';

const found = (s: string, site: string[] = []) => detect(links, s, site).map((f) => [f.match, f.weight]);

describe('links', () => {
  it.each([
    ['vào abc88.win nhé', 'abc88.win'],
    ['tại kuwin99.com.', 'kuwin99.com'],
    ['link vayngay24h.online', 'vayngay24h.online'],
    ['https://lotus789.bet/dang-ky', 'lotus789.bet'],
    ['Nhà cái: k.u.w.i.n.9.9.c.o.m', 'k.u.w.i.n.9.9.c.o.m'],
    ['tại s.o.i.k.e.o.88.net', 's.o.i.k.e.o.88.net'],
  ])('weighs brand-plus-digits, betting TLDs and spelled-out domains strongly: %s', (text, match) => {
    expect(found(text)).toEqual([[match, 0.6]]);
  });

  it('weighs any other link weakly', () => {
    expect(found('đọc thêm trên vnexpress.net')).toEqual([['vnexpress.net', 0.3]]);
  });

  it('ignores the site’s own domain and its subdomains', () => {
    expect(found('xem trên baoquangtri.vn và m.baoquangtri.vn', ['baoquangtri.vn'])).toEqual([]);
  });

  it('ignores government and education portals', () => {
    expect(found('nộp trên dichvucong.gov.vn hoặc hcmus.edu.vn')).toEqual([]);
  });

  it.each([['Q.L 9, T.P Đông Hà'], ['4.500.000.000 đồng'], ['v.v.'], ['Hết.Mai tính'], ['phiên bản 1.2.3']])(
    'does not read %s as a domain',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );
});
