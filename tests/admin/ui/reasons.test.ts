import { describe, expect, it } from 'vitest';
import { FILTERABLE_RULES, reasonLabel, ruleLabel } from '../../../src/admin/ui/reasons.js';

describe('rule and reason labels', () => {
  it("names the span model's rule in both languages and offers it in the rule filter", () => {
    expect(ruleLabel('model.offensive', 'vi')).toBe('Xúc phạm (mô hình)');
    expect(ruleLabel('model.offensive', 'en')).toBe('Offensive (model)');
    expect(FILTERABLE_RULES).toContain('model.offensive');
  });

  it('adds the confidence as a whole percentage when the reason has one', () => {
    expect(reasonLabel({ rule: 'model.offensive', confidence: 0.87 }, 'vi')).toBe('Xúc phạm (mô hình) · 87%');
    expect(reasonLabel({ rule: 'model.offensive', confidence: 0.874 }, 'en')).toBe('Offensive (model) · 87%');
    expect(reasonLabel({ rule: 'model.offensive', confidence: 1 }, 'vi')).toBe('Xúc phạm (mô hình) · 100%');
    expect(reasonLabel({ rule: 'model.offensive', confidence: 0 }, 'vi')).toBe('Xúc phạm (mô hình) · 0%');
    expect(reasonLabel({ rule: 'profanity.vi' }, 'vi')).toBe('Tục tĩu (tiếng Việt)');
  });

  it('leaves out a confidence that is not a number in 0..1', () => {
    for (const confidence of [undefined, null, '0.9', Number.NaN, Infinity, -0.1, 1.5, 87])
      expect(reasonLabel({ rule: 'model.offensive', confidence }, 'vi'), String(confidence)).toBe('Xúc phạm (mô hình)');
  });
});
