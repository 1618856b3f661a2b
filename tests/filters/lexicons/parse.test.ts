import { describe, expect, it } from 'vitest';
import { parseAllow, parseProfanity, parseSpam } from '../../../src/filters/lexicons/parse.js';

describe('lexicon parsers', () => {
  it('reads profanity lines with tier, multi-word term and flags', () => {
    const [e] = parseProfanity('# comment\n\nblock  địt mẹ  @accented @disguised\n', 'profanity.vi', 'vi.txt');
    expect(e).toEqual({
      rule: 'profanity.vi',
      tier: 'block',
      weight: 0.95,
      term: 'địt mẹ',
      accentedOnly: true,
      disguised: true,
    });
  });

  it('reads spam lines with category and weight', () => {
    const [e] = parseSpam('gambling 0.6  nhà cái', 'spam.txt');
    expect(e).toMatchObject({ rule: 'spam.gambling', tier: 'review', weight: 0.6, term: 'nhà cái' });
  });

  it('reads allow lines', () => {
    expect(parseAllow('hạt óc chó\n', 'allow.txt')[0]).toMatchObject({ rule: 'allow', term: 'hạt óc chó' });
  });

  it('fails loudly on a malformed line, naming file and line', () => {
    expect(() => parseProfanity('\nblocker địt', 'profanity.vi', 'vi.txt')).toThrow('vi.txt:2');
    expect(() => parseSpam('gambling heavy nhà cái', 'spam.txt')).toThrow('spam.txt:1');
  });
});
