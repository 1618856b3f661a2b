import { describe, expect, it } from 'vitest';
import { highlightSegments } from '../../../src/admin/ui/highlight.js';
import type { Reason } from '../../../src/filters/index.js';

const reason = (rule: string, start: number, end: number, tier: Reason['tier'] = 'review'): Reason => ({
  rule,
  tier,
  match: '',
  start,
  end,
});

describe('highlightSegments', () => {
  it('marks exactly content.slice(start, end), in UTF-16 units (emoji before the match)', () => {
    const content = '😀 đồ ngu quá';
    const start = content.indexOf('đồ ngu');
    const segments = highlightSegments(content, [reason('profanity.vi', start, start + 'đồ ngu'.length)]);
    expect(segments).toEqual([
      { text: '😀 ', rules: [], tier: null },
      { text: 'đồ ngu', rules: ['profanity.vi'], tier: 'review' },
      { text: ' quá', rules: [], tier: null },
    ]);
  });

  it('merges overlapping matches and keeps the strongest tier', () => {
    const segments = highlightSegments('abcdef', [reason('a', 1, 4), reason('b', 2, 5, 'block')]);
    expect(segments.map((s) => [s.text, s.tier, s.rules.join('+')])).toEqual([
      ['a', null, ''],
      ['b', 'review', 'a'],
      ['cd', 'block', 'a+b'],
      ['e', 'block', 'b'],
      ['f', null, ''],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('abcdef');
  });

  it('ignores offsets that are empty, negative, reversed or past the end, and clamps the end', () => {
    const content = 'xin chào';
    const segments = highlightSegments(content, [
      reason('r', -1, 2),
      reason('r', 5, 5),
      reason('r', 6, 3),
      reason('r', 50, 60),
      reason('r', 4, 99),
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(content);
    expect(segments.filter((s) => s.tier).map((s) => s.text)).toEqual(['chào']);
  });

  it('returns the text unmarked without reasons', () => {
    expect(highlightSegments('<script>', undefined)).toEqual([{ text: '<script>', rules: [], tier: null }]);
  });
});
