import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/filters/detectors/index.js';
import { compose } from '../../../src/filters/verdict/compose.js';

const f = (rule: string, weight: number, start: number, end: number, tier: 'review' | 'block' = 'review'): Finding => ({
  rule,
  tier,
  weight,
  start,
  end,
});

describe('compose', () => {
  const content = 'Vay tiền nhanh 0905 123 456 đm';

  it('passes with no findings', () => {
    expect(compose([], content, 'v1')).toEqual({ action: 'pass', score: 0, reasons: [], lexiconVersion: 'v1' });
  });

  it('blocks on any block-tier profanity', () => {
    const v = compose([f('profanity.vi', 0.95, 28, 30, 'block')], content, 'v1');
    expect(v.action).toBe('block');
    expect(v.reasons[0]).toEqual({ rule: 'profanity.vi', tier: 'block', match: 'đm', start: 28, end: 30 });
  });

  it('sends one phone alone to review, and blocks a phone with lending words', () => {
    const phone = f('spam.phone', 0.5, 15, 27);
    expect(compose([phone], content, 'v1').action).toBe('review');
    const both = compose([f('spam.lending', 0.6, 0, 14), phone], content, 'v1');
    expect(both.action).toBe('block');
    expect(both.reasons.every((r) => r.tier === 'block')).toBe(true);
  });

  it('adds weak signals up, but counts the same words once', () => {
    const weak = f('spam.contact', 0.3, 0, 3);
    expect(compose([weak], content, 'v1').action).toBe('pass');
    expect(compose([weak, f('spam.contact', 0.3, 0, 3)], content, 'v1').score).toBe(0.3);
    expect(compose([weak, f('spam.link', 0.3, 4, 8)], content, 'v1').score).toBe(0.51);
  });

  it('weighs spam words without any way to reach the spammer less', () => {
    const words = [f('spam.lending', 0.3, 0, 3), f('spam.lending', 0.4, 4, 8)];
    expect(compose(words, content, 'v1').action).toBe('pass');
    expect(compose([...words, f('spam.contact', 0.3, 9, 12)], content, 'v1').action).toBe('review');
  });

  it('decides on every finding even when the list of reasons is cut', () => {
    const many = Array.from({ length: 80 }, () => f('spam.flood', 0.01, 0, 1));
    const v = compose([...many, f('profanity.vi', 0.95, 28, 30, 'block')], content, 'v1');
    expect(v.reasons).toHaveLength(50);
    expect(v.action).toBe('block');
  });

  it('sorts reasons by position and keeps score within 0..1', () => {
    const v = compose(
      [f('spam.phone', 0.5, 15, 27), f('spam.lending', 0.6, 0, 14), f('profanity.vi', 0.95, 28, 30, 'block')],
      content,
      'v',
    );
    expect(v.reasons.map((r) => r.start)).toEqual([0, 15, 28]);
    expect(v.score).toBeGreaterThan(0.95);
    expect(v.score).toBeLessThanOrEqual(1);
  });
});
