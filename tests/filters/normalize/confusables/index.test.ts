import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../../src/filters/index.js';
import { normalize, viewText } from '../../../../src/filters/normalize/index.js';
import { expectEach } from '../../cases.js';
import { describeView, viewOf } from '../../helpers.js';

describe('foldConfusables (through normalize)', () => {
  it('folds Cyrillic and Greek lookalikes to Latin', () => {
    expect(viewOf('plain', '\u0441ặ\u0441')).toBe('cặc');
    expect(viewOf('plain', 'l\u043en')).toBe('lon');
    expect(viewOf('plain', 'Nh\u03b1 c\u03b1i')).toBe('nha cai');
  });

  it('folds the eth that passes for đ', () => {
    expect(viewOf('plain', 'Ðịt ðm')).toBe('địt đm');
  });

  it('folds a capital whose lower case is a lookalike (Ɡ → ɡ → g), so the plain view is stable', () => {
    expect(viewOf('plain', '\ua7ac\u00e0')).toBe('gà');
    expect(viewOf('plain', viewOf('plain', '\ua7ac'))).toBe('g');
  });

  it('folds full-width letters', () => {
    expect(viewOf('plain', 'ｆｕｃｋ')).toBe('fuck');
  });

  it('recomposes a folded letter with the mark that follows it', () => {
    expect(viewOf('plain', 'l\u043e\u0300n')).toBe('lòn');
  });

  it('never touches Vietnamese letters', () => {
    const text = 'Đường lớn ơi ư ă â ê ô đ';
    expect(viewOf('cased', text)).toBe(text);
  });

  it('maps a folded letter back to the lookalike in the input', () => {
    const input = 'Nhà \u0441ái';
    const t = normalize(input);
    expect(input.slice(t.plain.start[4], t.plain.end[4])).toBe('\u0441');
  });

  expectEach('folds mathematical alphanumerics and full-width letters: %s', (s: string) => viewOf('plain', s), [
    ['𝐟𝐮𝐜𝐤', 'fuck'], // bold
    ['𝖉𝖎𝖙', 'dit'], // bold Fraktur
    ['𝓭𝓶', 'dm'], // bold script
    ['𝒻𝓊𝒸𝓀 𝒽ℯ', 'fuck he'], // script, with the letters that live in the BMP (ℯ)
    ['𝔡𝔪 𝕕𝕞 𝘥𝘮 𝙙𝙢 𝚍𝚖', 'dm dm dm dm dm'], // Fraktur, double-struck, sans italic, sans bold italic, monospace
    ['𝐃𝐈𝐓 𝐌𝐄', 'dit me'], // capitals, lower-cased by the next step
    ['𝟎𝟗𝟏𝟐 𝟘𝟡 𝟶', '0912 09 0'], // digits
    ['ｄｍ ＤＭ', 'dm dm'], // full-width (already folded before the mathematical letters)
  ]);

  it('maps a folded surrogate pair back to both of its units', () => {
    const input = 'ê 𝐟𝐮 x';
    const { text, sources } = describeView(normalize(input).plain, input);
    expect(text).toBe('ê fu x');
    expect(sources).toEqual(['ê', ' ', '𝐟', '𝐮', ' ', 'x']);
    expect(sources[2]).toHaveLength(2);
  });

  it('composes a mathematical letter with the marks that follow it', () => {
    const input = '𝐥𝐨\u0302\u0300𝐧';
    const t = normalize(input);
    expect(viewText(t.accented)).toBe('lồn');
    expect(describeView(t.accented, input).sources).toEqual(['𝐥', '𝐨\u0302\u0300', '𝐧']);
  });

  it('leaves Vietnamese letters, emoji, lone surrogates and other U+D835 pairs alone', () => {
    const text = 'Đường lớn ơi 😀 \ud835 x \ud835\udec1'; // lone high surrogate, 𝛁 (nabla)
    const units = Array.from(normalize(text).cased.codes);
    expect(units).toEqual([...Array(text.length).keys()].map((i) => text.charCodeAt(i)));
  });

  it('lets the lexicon and phone detectors see through them, spans on the stored text', () => {
    const engine = createFilterEngine({ model: false, siteDomains: [] });
    const reasons = (s: string) => engine.evaluate(s).reasons.map((r) => [r.rule, r.match]);
    expect(reasons('𝐟𝐮𝐜𝐤 you')).toEqual([['profanity.en', '𝐟𝐮𝐜𝐤']]);
    expect(reasons('đồ 𝖉𝖎𝖙 mẹ')).toContainEqual(['profanity.vi', '𝖉𝖎𝖙 mẹ']);
    expect(reasons('𝓭𝓶 mày')).toContainEqual(['profanity.vi', '𝓭𝓶']);
    expect(reasons('ｆｕｃｋ')).toEqual([['profanity.en', 'ｆｕｃｋ']]);
    expect(reasons('gọi 𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖')).toContainEqual(['spam.phone', '𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖']);
  });
});
