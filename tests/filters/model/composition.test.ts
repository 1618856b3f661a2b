import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../src/filters/index.js';
import { certainModelFile } from './certain-model.js';

/**
 * How the learned model meets the rules (src/filters/verdict/model-findings.ts), with a model
 * that calls every word offensive at probability ≈ 1: whatever it says, it must not block alone.
 */
describe('model and rules together', () => {
  const engine = createFilterEngine({ model: certainModelFile() });

  it('never blocks a comment on its own: its spans are review reasons with a confidence', () => {
    const v = engine.evaluate('Trời hôm nay đẹp quá');
    expect(v.action).toBe('review');
    expect(v.reasons.length).toBeGreaterThan(0);
    for (const r of v.reasons) {
      expect(r.rule).toBe('model.offensive');
      expect(r.tier).toBe('review');
      expect(r.confidence).toBeGreaterThan(0.99);
    }
    // Neighbouring words form one span, as a moderator reads them.
    expect(v.reasons.map((r) => r.match)).toEqual(['Trời hôm nay đẹp quá']);
  });

  it('leaves a review-tier insult at review however sure the model is', () => {
    const v = engine.evaluate('Cái thằng đó đúng là mất dạy');
    expect(v.reasons.find((r) => r.match === 'mất dạy')).toMatchObject({ rule: 'profanity.vi', tier: 'review' });
    expect(v.action).toBe('review');
  });

  it('never blocks alone through the second pass either (a second pass as sure as the first)', () => {
    const stacked = createFilterEngine({ model: certainModelFile(true) });
    for (const content of ['Trời hôm nay đẹp quá', 'Cái thằng đó đúng là mất dạy', 'lon bia', 'con cac gi']) {
      const v = stacked.evaluate(content);
      expect(v.action).toBe('review');
      for (const r of v.reasons) expect(r.tier).toBe('review');
      expect(v.reasons.some((r) => r.rule === 'model.offensive' && r.confidence! > 0.99)).toBe(true);
    }
  });

  it('keeps the blocks of the rules', () => {
    expect(engine.evaluate('địt mẹ bọn lâm tặc').action).toBe('block');
  });

  it('does not repeat a span a profanity rule already names', () => {
    const v = engine.evaluate('mất dạy');
    expect(v.reasons.map((r) => r.rule)).toEqual(['profanity.vi']);
  });

  it('does not highlight words a phone number, link or contact handle already names', () => {
    const v = engine.evaluate('gọi 0912.345.678 hoặc vào bit.ly/abc');
    const phone = v.reasons.find((r) => r.rule === 'spam.phone')!;
    const link = v.reasons.find((r) => r.rule === 'spam.link')!;
    for (const r of v.reasons.filter((x) => x.rule === 'model.offensive')) {
      for (const named of [phone, link])
        expect(r.end <= named.start || r.start >= named.end, `${r.match} inside ${named.match}`).toBe(true);
    }
  });

  it('leaves a term typed without its marks at review (tone pairs: "mat day" may be other words)', () => {
    const v = engine.evaluate('thang do dung la mat day');
    const term = v.reasons.find((r) => r.rule === 'profanity.vi');
    expect(term?.tier).toBe('review');
    expect(v.action).toBe('review');
  });

  it('leaves a term with a lookalike letter at review', () => {
    // Cyrillic "а" in "mất dạy".
    const v = engine.evaluate('thằng đó mất dаy');
    expect(v.action).toBe('review');
    expect(v.reasons.every((r) => r.tier === 'review')).toBe(true);
  });

  it('never blocks bare tone-pair words, whatever the model says', () => {
    for (const content of ['mua 3 lon bia', 'con cac ban oi', 'buoi sang di du lich', 'dit xe tai', 'cac ban du ca']) {
      expect(engine.evaluate(content).action, content).not.toBe('block');
    }
  });

  it('adds nothing with the model switched off', () => {
    const rules = createFilterEngine({ model: false });
    expect(rules.evaluate('Trời hôm nay đẹp quá').action).toBe('pass');
  });
});
