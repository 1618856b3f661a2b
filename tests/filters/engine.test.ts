import { describe, expect, it } from 'vitest';
import { createFilterEngine, type Verdict } from '../../src/filters/index.js';

describe('createFilterEngine', () => {
  it('returns the verdict shape of the public surface', () => {
    const engine = createFilterEngine({ model: false });
    const v: Verdict = engine.evaluate('Địt mẹ bọn lâm tặc');
    expect(v).toEqual({
      action: 'block',
      score: 0.95,
      reasons: [{ rule: 'profanity.vi', tier: 'block', match: 'Địt mẹ', start: 0, end: 6 }],
      lexiconVersion: engine.lexiconVersion,
    });
    expect(engine.lexiconVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it('passes clean comments with no reasons', () => {
    expect(createFilterEngine({ model: false }).evaluate('Bài viết rất hay, cảm ơn phóng viên.')).toMatchObject({
      action: 'pass',
      score: 0,
      reasons: [],
    });
  });

  it('indexes spans in its own input, NFD included (match = input slice)', () => {
    const input = 'Ngu nhu\u031b cho\u0301, ca\u0309nh ba\u0301o lu\u0303';
    const v = createFilterEngine({ model: false }).evaluate(input);
    expect(v.action).toBe('block');
    for (const r of v.reasons) expect(input.slice(r.start, r.end)).toBe(r.match);
    expect(v.reasons[0]!.match).toBe('Ngu nhu\u031b cho\u0301');
  });

  it('lets the site’s own domains pass', () => {
    const text = 'Xem thêm trên baoquangtri.vn, đồng thời xem trên abc88.win';
    const withSite = createFilterEngine({ model: false, siteDomains: ['baoquangtri.vn'] }).evaluate(text);
    expect(withSite.reasons.map((r) => r.match)).toEqual(['abc88.win']);
  });

  it('adds custom terms and allowlisted phrases, bumping the version', () => {
    const engine = createFilterEngine({ model: false });
    const before = engine.lexiconVersion;
    expect(engine.evaluate('Đồ tồi tệ, đồ đần').action).toBe('pass');
    engine.setCustom({ terms: [{ lang: 'vi', term: 'đồ đần', tier: 'review' }], allow: [] });
    expect(engine.lexiconVersion).not.toBe(before);
    expect(engine.evaluate('Đồ tồi tệ, đồ đần').reasons).toEqual([
      { rule: 'profanity.vi', tier: 'review', match: 'đồ đần', start: 11, end: 17 },
    ]);
    expect(engine.evaluate('do dan').action).toBe('review');
    engine.setCustom({ terms: [], allow: ['thằng chó nhà tôi'] });
    expect(engine.evaluate('thằng chó nhà tôi lại sủa').action).toBe('pass');
    engine.setCustom({ terms: [], allow: [] });
    expect(engine.lexiconVersion).toBe(before);
  });

  it('takes custom terms at creation too', () => {
    const engine = createFilterEngine({ model: false, custom: { terms: [{ lang: 'en', term: 'jerk', tier: 'block' }], allow: [] } });
    expect(engine.evaluate('you jerk').reasons[0]).toMatchObject({ rule: 'profanity.en', tier: 'block' });
  });

  it('never throws, whatever it is given', () => {
    const engine = createFilterEngine({ model: false });
    for (const input of ['', ' ', '\u0000', '\ud800', '\u0301'.repeat(100), undefined as unknown as string, 42 as unknown as string]) {
      expect(() => engine.evaluate(input)).not.toThrow();
    }
  });

  it('runs the learned span model by default: its spans are review reasons with a confidence', () => {
    const v = createFilterEngine().evaluate('Ông chủ tịch xã đúng là đồ ăn hại, cặn bã');
    const model = v.reasons.filter((r) => r.rule === 'model.offensive');
    expect(model.length).toBeGreaterThan(0);
    for (const r of model) {
      expect(r.tier).toBe('review');
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });
});
