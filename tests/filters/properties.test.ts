import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFilterEngine, type Verdict } from '../../src/filters/index.js';

/**
 * Properties on arbitrary Unicode: emoji, lone surrogates, combining-mark floods, lookalikes,
 * zero-width characters and Vietnamese, up to 5,000 characters.
 */
const engine = createFilterEngine({ siteDomains: ['baoquangtri.vn'] });

const pieces = fc.constantFrom(
  'địt',
  'l0n',
  'c.ặ.c',
  'đ m',
  'vcl',
  'nhà cái',
  'abc88.win',
  '0912 345 678',
  '+84 912.345.678',
  'ib zalo',
  'lớn',
  'các',
  'buổi',
  '\u200b',
  '\u2060',
  '\u0301',
  '\u0300\u0301\u0302\u0303',
  '😀',
  '👩‍👩‍👧',
  '\ud800',
  '\udc00',
  'с',
  'о',
  'Α',
  '\u0958',
  '\u0344',
  'e\u0301',
  'ｆｕｃｋ',
  '𝐟𝐮𝐜𝐤',
  '𝓭\u0301',
  '\ud835',
  '𝟎𝟗',
  'ℯ',
  'w88',
  ' chấm ',
  ' cham ',
  ' dot ',
  ' . ',
  '(.)',
  '[dot]',
  ' • ',
  'com',
  'vn',
  'Com',
  '!!!!!!!!!!!!',
  '***',
  '@@',
  ' ',
  '. ',
  '\n',
  'Đ',
  'ĐỊT MẸ',
  'a'.repeat(50),
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(pieces, { maxLength: 120 }).map((xs) => xs.join('')),
  fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 50 }), fc.nat(5000))
    .map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, 5000)),
);

function checkVerdict(input: string, v: Verdict): void {
  expect(['pass', 'review', 'block']).toContain(v.action);
  expect(v.score).toBeGreaterThanOrEqual(0);
  expect(v.score).toBeLessThanOrEqual(1);
  for (const r of v.reasons) {
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeLessThanOrEqual(input.length);
    expect(r.start).toBeLessThan(r.end);
    expect(input.slice(r.start, r.end)).toBe(r.match);
  }
}

describe('engine properties', () => {
  it('never throws, spans stay inside the content and slice to their match', () => {
    fc.assert(
      fc.property(text, (input) => {
        checkVerdict(input, engine.evaluate(input));
      }),
      { numRuns: 400 },
    );
  });

  it('is pure: a verdict does not depend on what was evaluated before', () => {
    const other = createFilterEngine({ siteDomains: ['baoquangtri.vn'] });
    fc.assert(
      fc.property(text, text, (before, input) => {
        engine.evaluate(before);
        expect(engine.evaluate(input)).toEqual(other.evaluate(input));
      }),
      { numRuns: 200 },
    );
  });

  it('handles 5,000-character worst cases', () => {
    const cases = [
      '\u0301'.repeat(5000),
      'a\u0301'.repeat(2500),
      '*'.repeat(5000),
      'c*'.repeat(2500),
      'l o n '.repeat(833),
      'đ.m.'.repeat(1250),
      '0'.repeat(5000),
      '0912 '.repeat(1000),
      'a.'.repeat(2500),
      'abc88'.repeat(1000),
      'w88 chấm com '.repeat(384),
      'abc88.com . vn '.repeat(333),
      '😀'.repeat(2500),
      '\ud800'.repeat(5000),
      'ngu '.repeat(1250),
      'x'.repeat(5000),
    ];
    for (const input of cases) checkVerdict(input, engine.evaluate(input));
  });
});

/**
 * CPU time (µs) per evaluation of `input`, over a batch of `runs`. CPU time, not wall time:
 * on a loaded machine a process waiting for a core would otherwise look slow.
 */
function cpuPerRun(input: string, runs: number): number {
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) engine.evaluate(input);
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / runs;
}

describe('engine cost is linear', () => {
  // Inputs built to hurt a backtracking matcher: long runs without a boundary, separators
  // between single letters, masks, dots without a TLD, digit groups, repeated terms.
  const units = [
    'a',
    'l.',
    'c*',
    'd i t ',
    'đm ',
    '0912 ',
    'ab.',
    '\u0301',
    'vcl vcl ',
    'nhà cái uy tín ',
    'aa😀',
    'w88 . com ',
    'ab chấm ',
    'x88 (.) ',
    'a88 . com . ',
  ];

  it.each(units)('ten times the input costs at most ~15× the time: %j', (unit) => {
    const small = unit.repeat(Math.ceil(500 / unit.length)).slice(0, 500);
    const large = unit.repeat(Math.ceil(5000 / unit.length)).slice(0, 5000);
    for (let i = 0; i < 50; i++) engine.evaluate(i % 2 ? small : large); // warm-up: let the JIT settle
    // Small and large batches alternate, and the best of several attempts counts, so one
    // burst of load on a shared 2-core machine cannot fail the test; a quadratic cost would
    // show a ratio near 100 in every attempt.
    let best = Infinity;
    for (let attempt = 0; attempt < 7 && best > 15; attempt++) {
      const smallCost = cpuPerRun(small, 200);
      const largeCost = cpuPerRun(large, 20);
      best = Math.min(best, largeCost / Math.max(smallCost, 1));
    }
    expect(best).toBeLessThanOrEqual(15);
  });
});
