import { describe, expect, it } from 'vitest';
import { links } from '../../../src/filters/detectors/link.js';
import { createFilterEngine } from '../../../src/filters/index.js';
import { expectAll, expectFinding, expectWholeFinding } from '../cases.js';
import { matchesWithWeights } from '../helpers.js';

const found = (s: string, site: string[] = []) => matchesWithWeights(links, s, site);

describe('links', () => {
  expectFinding(links, 0.6, 'weighs brand-plus-digits, betting TLDs and spelled-out domains strongly: %s', [
    ['vào abc88.win nhé', 'abc88.win'],
    ['tại kuwin99.com.', 'kuwin99.com'],
    ['link vayngay24h.online', 'vayngay24h.online'],
    ['https://lotus789.bet/dang-ky', 'lotus789.bet'],
    ['Nhà cái: k.u.w.i.n.9.9.c.o.m', 'k.u.w.i.n.9.9.c.o.m'],
    ['tại s.o.i.k.e.o.88.net', 's.o.i.k.e.o.88.net'],
  ]);

  it('weighs any other link weakly', () => {
    expect(found('đọc thêm trên vnexpress.net')).toEqual([['vnexpress.net', 0.3]]);
  });

  it('ignores the site’s own domain and its subdomains', () => {
    expect(found('xem trên baoquangtri.vn và m.baoquangtri.vn', ['baoquangtri.vn'])).toEqual([]);
  });

  it('ignores government and education portals', () => {
    expect(found('nộp trên dichvucong.gov.vn hoặc hcmus.edu.vn')).toEqual([]);
  });

  expectAll(
    'does not read %s as a domain',
    found,
    [],
    ['Q.L 9, T.P Đông Hà', '4.500.000.000 đồng', 'v.v.', 'Hết.Mai tính', 'phiên bản 1.2.3'],
  );

  describe('with the dot spelled out or spaced', () => {
    expectFinding(links, 0.6, 'flags %j', [
      ['vào bet88vn . com nhé', 'bet88vn . com'],
      ['vào kubet chấm com mà xem', 'kubet chấm com'],
      ['vào kubet dot com nhé', 'kubet dot com'],
      ['xem abc88 chấm com chấm vn', 'abc88 chấm com chấm vn'],
      ['vào w88 . com . vn', 'w88 . com . vn'],
      ['vào w88 . com.vn', 'w88 . com.vn'],
    ]);

    expectWholeFinding(links, 0.6, 'flags all of %j', [
      'bet88vn. com',
      'bet88vn .com',
      'w88 chấm com',
      'W88 CHẤM COM',
      'fb88 cham net',
      'abc88 (.) vip',
      'abc88(.)vip',
      'kubet [dot] io',
      'KUBET (CHẤM) IO',
      'new88 • com',
      'hi88 · club',
      'shbet88。net',
      'w88 dot com',
      'BET88VN . COM',
      'm.fb88 . com',
      'ｆｂ８８ ｃｈấｍ ｃｏｍ',
    ]);

    it('keeps the longer reading when the first scan read part of it', () => {
      expect(found('abc88.com . vn')).toEqual([['abc88.com . vn', 0.6]]);
    });

    it('ignores the site’s own domain spelled out', () => {
      expect(found('baoquangtri chấm vn', ['baoquangtri.vn'])).toEqual([]);
    });

    expectAll(
      'does not flag %j',
      found,
      [],
      [
        'Giá 88 . Còn lại', // a number is not a host
        'năm 2024 . Com lê',
        'Số 5 . Com',
        'Tầng 5 . Vip',
        'đội bóng chấm điểm', // not a TLD after chấm
        'cô giáo chấm bài',
        'chấm com', // no host
        'dot com',
        'chấm chấm chấm',
        'Mua iPhone15. Com lê đẹp', // a bare dot before a capitalised word ends a sentence
        'u23 . Me đội tuyển',
        'Sản phẩm A1 • Top bán chạy',
        'trời mưa to. Top 10 món', // letters-only host: never with a bare dot
        'anh ba . com',
        'ok • top',
        'nuoc cham com tam', // unmarked "cham": "com" is "cơm"
        'ban dot com nhe', // unmarked "dot" is "đợt"
        'BGK chấm top 3', // letters-only host: only common TLDs after "chấm"
        'ha noi chấm me',
        'kèo88 . com', // the host must start a word, ASCII only
        'w88chấmcom', // words need spaces around them (not handled: glued)
      ],
    );

    it('reports spans on the stored content through the engine', () => {
      const engine = createFilterEngine({ model: false, siteDomains: ['baoquangtri.vn'] });
      for (const [content, match] of [
        ['Anh em vào 𝐰𝟖𝟖 chấm com nhận thưởng', '𝐰𝟖𝟖 chấm com'],
        ['Ｗ８８ ． ｃｏｍ', 'Ｗ８８ ． ｃｏｍ'],
        ['kèo thơm: new88 \u2022 com', 'new88 \u2022 com'],
      ] as const) {
        const v = engine.evaluate(content);
        const link = v.reasons.find((r) => r.rule === 'spam.link');
        expect(link?.match).toBe(match);
        expect(content.slice(link!.start, link!.end)).toBe(match);
        expect(v.action).not.toBe('pass');
      }
    });
  });

  it('hint words ("chấm", "dot") are reported by no detector', () => {
    const engine = createFilterEngine({ model: false, siteDomains: [] });
    for (const text of ['cô giáo chấm bài', 'đợt này dot 2 chấm điểm', 'CHẤM com']) {
      expect(engine.evaluate(text)).toMatchObject({ action: 'pass', reasons: [] });
    }
  });
});
