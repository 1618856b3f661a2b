import { describe, expect, it } from 'vitest';
import { loadBuiltinLexicon } from '../../../src/filters/lexicons/load.js';
import { normalizeTerm } from '../../../src/filters/normalize/index.js';

describe('built-in lexicons', () => {
  const { entries } = loadBuiltinLexicon();

  it('load every data file', () => {
    const rules = new Set(entries.map((e) => e.rule));
    expect([...rules].sort()).toEqual(
      [
        'allow',
        'hint.link',
        'profanity.en',
        'profanity.vi',
        'spam.contact',
        'spam.gambling',
        'spam.invest',
        'spam.job',
        'spam.lending',
        'spam.promo',
      ].sort(),
    );
  });

  it('have no term twice with different tiers in one rule', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      const key = `${e.rule} ${normalizeTerm(e.term).accented}`;
      const prev = seen.get(key);
      if (prev && prev !== e.tier) clashes.push(key);
      seen.set(key, e.tier);
    }
    expect(clashes).toEqual([]);
  });

  it('keep English words that are Vietnamese syllables without marks out of the generated list', () => {
    const en = new Set(entries.filter((e) => e.rule === 'profanity.en').map((e) => e.term));
    for (const syllable of ['cum', 'tit', 'hui', 'phuc', 'hell']) expect(en.has(syllable)).toBe(false);
  });
});
