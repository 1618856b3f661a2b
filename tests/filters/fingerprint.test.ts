/** duplicateKey: the text as the 10-minute duplicate rule compares it (src/filters/fingerprint.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKey } from '../../src/filters/index.js';
import { Arena, normalize, normalizePlain, viewText } from '../../src/filters/normalize/index.js';

describe('duplicateKey', () => {
  const base = 'Bài viết rất hay, cảm ơn tác giả.';

  it.each([
    ['zero-width and other invisible characters', 'Bài vi\u200bết rất h\u200ca\u200dy, cảm ơn\u2060 tác giả\ufeff.'],
    ['a soft hyphen and a variation selector', 'Bài vi\u00adết rất hay\ufe0f, cảm ơn tác giả.'],
    ['Cyrillic lookalike letters', 'Bài viết rất h\u0430y, \u0441ảm ơn tác giả.'],
    ['full-width letters', 'Bài viết rất ｈａｙ, cảm ơn tác giả.'],
    ['case', 'BÀI VIẾT RẤT HAY, CẢM ƠN TÁC GIẢ.'],
    ['spacing, line breaks and braille blanks', '  Bài   viết\n\trất \u2800hay,  cảm ơn tác\u3000giả.  '],
    ['other trailing punctuation', 'Bài viết rất hay, cảm ơn tác giả!!! ...'],
    ['no trailing punctuation', 'Bài viết rất hay, cảm ơn tác giả'],
    ['combining marks instead of precomposed letters', 'Bài viết rất hay, cảm ơn tác giả.'.normalize('NFD')],
  ])('%s: the same text', (_name, variant) => {
    expect(duplicateKey(variant)).toBe(duplicateKey(base));
  });

  it('reads the text as the filter does: lower case, NFC, single spaces, no trailing punctuation', () => {
    expect(duplicateKey(base)).toBe('bài viết rất hay, cảm ơn tác giả');
  });

  it.each([
    ['another word', 'Bài viết rất dở, cảm ơn tác giả.'],
    ['another mark (ơ is not o)', 'Bài viết rất hay, cảm on tác giả.'],
    ['punctuation inside', 'Bài viết rất hay? cảm ơn tác giả.'],
    ['held letters', 'Bài viết rất hayyy, cảm ơn tác giả.'],
    ['an emoji', 'Bài viết rất hay, cảm ơn tác giả 😀'],
  ])('%s: another text', (_name, other) => {
    expect(duplicateKey(other)).not.toBe(duplicateKey(base));
  });

  it('punctuation alone is kept, so "?" and "!" stay apart', () => {
    expect(duplicateKey(' ?! ')).toBe('?!');
    expect(duplicateKey('?')).not.toBe(duplicateKey('!'));
  });

  it('is stable: the key of a key is itself, and equal inputs give equal keys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const key = duplicateKey(text);
        expect(duplicateKey(key)).toBe(key);
        expect(duplicateKey(text)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the plain view exactly as normalize() makes it, leet, joined letters and repeats included', () => {
    const tricky = fc.constantFrom('h4y', 'đ.ị.t', 'nguuuu', 'Ɡ', 'ＡＢ', 'С\u0430', 'x\u200by', '😀', 'ả'.normalize('NFD'), ' ');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.array(tricky, { maxLength: 30 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const plainAlone = viewText(normalizePlain(input, new Arena(input.length * 64 + 64)));
        expect(plainAlone).toBe(viewText(normalize(input).plain));
      }),
      { numRuns: 1_000 },
    );
  });
});
