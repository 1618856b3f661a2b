import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/filters/normalize/index.js';
import { hasDiacritic } from '../../../../src/filters/normalize/strip-diacritics/index.js';
import { viewOf } from '../../helpers.js';

describe('stripDiacritics (through normalize)', () => {
  it('removes tones and vowel marks, đ → d explicitly', () => {
    expect(viewOf('stripped', 'Địt mẹ lồn cặc buồi đéo Đà Nẵng')).toBe('dit me lon cac buoi deo da nang');
  });

  it('stays aligned unit for unit with the accented view', () => {
    const t = normalize('Trường học ở Hướng Hóa');
    expect(t.stripped.length).toBe(t.accented.length);
    expect(t.stripped.start).toEqual(t.accented.start);
  });

  it('knows which letters carry marks', () => {
    expect(hasDiacritic('ồ'.charCodeAt(0))).toBe(true);
    expect(hasDiacritic('đ'.charCodeAt(0))).toBe(true);
    expect(hasDiacritic('o'.charCodeAt(0))).toBe(false);
  });
});
