import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from '../../../src/filters/lexicons/entry.js';
import { allowEntry } from '../../../src/filters/lexicons/parse.js';
import { createMatcher } from '../../../src/filters/matcher/index.js';
import { normalize } from '../../../src/filters/normalize/index.js';

const term = (t: string, extra: Partial<LexiconEntry> = {}): LexiconEntry => ({
  rule: 'profanity.vi',
  tier: 'block',
  weight: 0.95,
  term: t,
  accentedOnly: false,
  disguised: false,
  ...extra,
});

function find(entries: LexiconEntry[], text: string): string[] {
  return createMatcher(entries)
    .find(normalize(text))
    .map((h) => `${h.entry.term}@${text.slice(h.start, h.end)}`);
}

describe('createMatcher', () => {
  it('matches accented terms as typed, and typed without marks', () => {
    expect(find([term('khốn nạn')], 'Đồ khốn nạn')).toEqual(['khốn nạn@khốn nạn']);
    expect(find([term('khốn nạn')], 'Do khon nan')).toEqual(['khốn nạn@khon nan']);
  });

  it('drops a stripped match whose typed marks belong to another word', () => {
    expect(find([term('mất dạy')], 'mặt dày')).toEqual([]);
    expect(find([term('mất dạy')], 'mat dạy')).toEqual(['mất dạy@mat dạy']);
  });

  it('@accented: only as spelled; @disguised: the stripped form too when disguised', () => {
    const lon = term('lồn', { accentedOnly: true, disguised: true });
    const di = term('đĩ', { accentedOnly: true });
    expect(find([lon], 'lồn')).toEqual(['lồn@lồn']);
    expect(find([lon], 'nuoc lon qua')).toEqual([]);
    expect(find([lon], 'l0n, l.o.n, l\u043en')).toEqual(['lồn@l0n', 'lồn@l.o.n', 'lồn@l\u043en']);
    expect(find([di], 'di hoc')).toEqual([]);
  });

  it('a bare term without marks counts only when the reader types diacritics', () => {
    const ngu = term('ngu', { accentedOnly: true, tier: 'review', weight: 0.6 });
    expect(find([ngu], 'Ngu thế')).toEqual(['ngu@Ngu']);
    expect(find([ngu], 'dan ngu khong duoc')).toEqual([]);
  });

  it('drops matches inside an allowlisted phrase', () => {
    expect(find([term('óc chó'), allowEntry('hạt óc chó')], 'Hạt óc chó ngon, đồ óc chó')).toEqual(['óc chó@óc chó']);
  });

  it('keeps the longest match of a rule and drops what it covers', () => {
    expect(find([term('địt'), term('địt mẹ')], 'Địt mẹ')).toEqual(['địt mẹ@Địt mẹ']);
  });
});
