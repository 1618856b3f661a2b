import { describe, expect, it } from 'vitest';
import { handles, PLATFORM_WORDS } from '../../../src/filters/detectors/handle.js';
import { createFilterEngine } from '../../../src/filters/index.js';
import { loadBuiltinLexicon } from '../../../src/filters/lexicons/load.js';
import { expectAll, expectEach } from '../cases.js';
import { detect } from '../helpers.js';

/**
 * Contact handles written with dots, underscores or abbreviations (spam.contact): the
 * platform words of spam.txt ("za lo", "zl", "tlg", "kb zl", "add fb"…) and the handle after
 * one (detectors/handle.ts). Comments made up in the style of a provincial news site.
 */
const handlesIn = (s: string) => detect(handles, s).map((f) => f.match);

describe('a handle after a platform word', () => {
  expectEach('finds it in %j', handlesIn, [
    ['tlg: abc.def', ['abc.def']],
    ['add fb: nguyen.van.a', ['nguyen.van.a']],
    ['tele kiem_tien_88 có kèo', ['kiem_tien_88']],
    ['zalo kiemtien88', ['kiemtien88']],
    ['Zalo: Nguyen.Van.A.', ['Nguyen.Van.A']],
    ['kb zl : lan_anh.99 nha', ['lan_anh.99']],
  ]);

  expectAll(
    'finds none in %j',
    handlesIn,
    [],
    [
      'zalo nhé', // a Vietnamese word, not a handle
      'zalo.me/abc', // a link: the link detector's
      'tele abc88.com', // a domain: the link detector's
      'zalo 0905.123.456', // a number: the phone detector's
      'Nhóm zalo TP.HCM', // capitals: an abbreviation
      'zalo bà con', // letters only: could be any word
      'liên hệ abc.def', // "liên hệ" names no platform
    ],
  );

  it('still finds a handle after "@", once', () => {
    expect(handlesIn('tele @kiem_tien_88')).toEqual(['@kiem_tien_88']);
  });

  it('has a contact term for every platform word', () => {
    const terms = loadBuiltinLexicon()
      .entries.filter((e) => e.rule === 'spam.contact')
      .map((e) => e.term);
    for (const w of PLATFORM_WORDS) expect(terms.some((t) => t === w || t.endsWith(` ${w}`))).toBe(true);
  });
});

describe('contact calls in the verdict', () => {
  const engine = createFilterEngine({ model: false, siteDomains: ['baoquangtri.vn'] });
  const verdict = (s: string) => engine.evaluate(s);
  const action = (s: string) => verdict(s).action;

  it.each([
    ['Ai cần tư vấn ib z.a.l.o'],
    ['kb zl 09xx để được tư vấn'],
    ['KB ZALO nhé'],
    ['tele @kiem_tien_88'],
    ['tlg: abc.def'],
    ['inbox za lo'],
    ['ib za-lo em gửi'],
    ['add fb: nguyen.van.a'],
    ['Ai quan tâm ib mình qua tele'],
  ])('sends %j to review', (text) => {
    expect(verdict(text).action).toBe('review');
    expect(verdict(text).reasons.every((r) => r.rule === 'spam.contact')).toBe(true);
  });

  expectAll('passes %j', action, 'pass', [
    'Tôi không kb gì về vụ này', // "kb" is also "không biết"
    'Trang fb của xã đăng thông báo rồi',
    'Hỏi trong nhóm zalo của phường là có người trả lời ngay',
    'Nhóm zalo TP.HCM cũng bàn chuyện này',
  ]);
});
