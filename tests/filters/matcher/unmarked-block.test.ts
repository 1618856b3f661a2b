import { describe, expect, it } from 'vitest';
import { createFilterEngine } from '../../../src/filters/index.js';

/**
 * A block-tier term found only without its marks, or through a lookalike letter, is reviewed,
 * never blocked (matcher/accept.ts reviewOnly): without marks the words are also innocent
 * ones. Typed with its marks, or disguised with digits, separators or masks, it blocks.
 */
const engine = createFilterEngine({ model: false });
const verdict = (s: string) => engine.evaluate(s);

describe('tone pairs typed without marks', () => {
  it.each([
    ['Con cac chau hoc sinh thi sao'], // còn các cháu học sinh
    ['con cac ban thi sao'], // còn các bạn
    ['mua oc cho con an'], // mua ốc cho con ăn
    ['thang cho viec'], // tháng chờ việc
    ['mat buoi sang'], // mất buổi sáng
    ['Cai lon gi ma tang gia'], // ambiguous: reviewed
    ['Dit me may thang lai xe'],
    ['du ma nong qua'],
    ['Deo ai tin'],
    ['dit mẹ nó'], // marks elsewhere, but "dit" itself unmarked (also "đít")
  ])('%j is not blocked', (text) => {
    expect(verdict(text).action).not.toBe('block');
    expect(verdict(text).reasons.every((r) => r.tier === 'review')).toBe(true);
  });

  it('a lookalike letter in a clean word is reviewed, not blocked', () => {
    expect(verdict('Giá l\u043en bia lại tăng').action).toBe('review'); // Cyrillic о in "lon"
    expect(verdict('Cái l\u043en gì thế').action).toBe('review');
  });
});

describe('what still blocks', () => {
  it.each([
    ['typed with marks', 'Địt mẹ mày thằng lái xe'],
    ['marks on the context phrase', 'Cái lồn gì mà tăng giá'],
    ['the tone-pair word marked', 'địt me may, cắt điện hoài'],
    ['leet', 'Cái l0n gì'],
    ['joined letters', 'Nói như l.o.n'],
    ['spaced letters', 'd i t me may'],
    ['masked letter', 'bắt bóng như c*c'],
    ['lookalike in a marked word', 'Đá như \u0441ặ\u0441'],
    ['unmarked teencode that is no other word', 'dm bọn lừa đảo'],
    ['unmarked teencode, doubled', 'dmm mất điện hoài'],
    ['teencode listed as typed', 'vcl, dcm'],
  ])('%s: %j', (_how, text) => {
    expect(verdict(text).action).toBe('block');
  });
});
