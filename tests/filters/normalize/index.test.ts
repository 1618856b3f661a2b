import { describe, expect, it } from 'vitest';
import { normalize, normalizeTerm, viewText } from '../../../src/filters/normalize/index.js';

describe('normalize', () => {
  it('builds every view from one input, all mapped back to it', () => {
    const input = 'Đ.m con L0N\u200b, NÓI như  l ồ n';
    const t = normalize(input);
    expect(viewText(t.cased)).toBe('Đ.m con L0N, NÓI như  l ồ n');
    expect(viewText(t.plain)).toBe('đ.m con l0n, nói như  l ồ n');
    expect(viewText(t.accented)).toBe('đm con lon, nói như  lồn');
    expect(viewText(t.stripped)).toBe('dm con lon, noi nhu  lon');
    for (const view of [t.cased, t.plain, t.accented, t.stripped]) {
      for (let i = 0; i < view.length; i++) {
        expect(view.start[i]).toBeGreaterThanOrEqual(0);
        expect(view.end[i]).toBeLessThanOrEqual(input.length);
        expect(view.start[i]).toBeLessThan(view.end[i]!);
      }
    }
  });

  it('tells whether the reader types diacritics', () => {
    expect(normalize('Ngủ dậy thì nước đã vào').typesDiacritics).toBe(true);
    expect(normalize('dan ngu khong duoc').typesDiacritics).toBe(false);
  });

  it('normalises lexicon terms like comments', () => {
    expect(normalizeTerm('Địt Mẹ')).toEqual({ accented: 'địt mẹ', stripped: 'dit me' });
    expect(normalizeTerm('sh1t')).toEqual({ accented: 'shit', stripped: 'shit' });
  });

  it('tells whether the text holds a dot-like symbol', () => {
    expect(normalize('new88 • com').dotLike).toBe(true);
    expect(normalize('hi88 · club').dotLike).toBe(true);
    expect(normalize('Giá 88. Còn lại, chấm điểm').dotLike).toBe(false);
  });
});
