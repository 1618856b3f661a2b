import { describe, expect, it } from 'vitest';
import { lexiconDetector } from '../../../src/filters/detectors/lexicon.js';
import { detect } from '../helpers.js';

describe('lexiconDetector', () => {
  it('reports only the rules under its prefix', () => {
    const text = 'đm, nhà cái uy tín';
    expect(detect(lexiconDetector('profanity.'), text).map((f) => [f.rule, f.match])).toEqual([['profanity.vi', 'đm']]);
    expect(detect(lexiconDetector('spam.'), text).map((f) => [f.rule, f.match])).toEqual([
      ['spam.gambling', 'nhà cái'],
      ['spam.promo', 'uy tín'],
    ]);
  });
});
