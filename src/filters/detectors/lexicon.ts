import type { Detector, Finding } from './types.js';

/**
 * Reports the lexicon terms whose rule starts with `prefix` ("profanity.", "spam.").
 * The matching itself ran once before the detectors (see matcher/), since one walk over the
 * views finds every lexicon's terms at the same cost as one.
 */
export function lexiconDetector(prefix: string): Detector {
  return function lexiconTerms(_text, ctx) {
    const findings: Finding[] = [];
    for (const h of ctx.hits) {
      const { rule, tier, weight } = h.entry;
      if (rule.startsWith(prefix)) findings.push({ rule, tier, weight, start: h.start, end: h.end });
    }
    return findings;
  };
}
