import { describe, expect, it } from 'vitest';
import { normalize, viewText } from '../../../../src/filters/normalize/index.js';

describe('foldConfusables (through normalize)', () => {
  it('folds Cyrillic and Greek lookalikes to Latin', () => {
    expect(viewText(normalize('\u0441ặ\u0441').plain)).toBe('cặc');
    expect(viewText(normalize('l\u043en').plain)).toBe('lon');
    expect(viewText(normalize('Nh\u03b1 c\u03b1i').plain)).toBe('nha cai');
  });

  it('folds the eth that passes for đ', () => {
    expect(viewText(normalize('Ðịt ðm').plain)).toBe('địt đm');
  });

  it('folds full-width letters', () => {
    expect(viewText(normalize('ｆｕｃｋ').plain)).toBe('fuck');
  });

  it('recomposes a folded letter with the mark that follows it', () => {
    expect(viewText(normalize('l\u043e\u0300n').plain)).toBe('lòn');
  });

  it('never touches Vietnamese letters', () => {
    const text = 'Đường lớn ơi ư ă â ê ô đ';
    expect(viewText(normalize(text).cased)).toBe(text);
  });

  it('maps a folded letter back to the lookalike in the input', () => {
    const input = 'Nhà \u0441ái';
    const t = normalize(input);
    expect(input.slice(t.plain.start[4], t.plain.end[4])).toBe('\u0441');
  });
});
