import type { Detector } from './types.js';

/**
 * Reports the lexicon terms whose rule starts with `prefix` ("profanity.", "spam.").
 * The matching itself ran once before the detectors (see matcher/), since one walk over the
 * views finds every lexicon's terms at the same cost as one.
 */
export function lexiconDetector(prefix: string): Detector {
  return function lexiconTerms(_text, ctx) {
    return ctx.hits
      .filter((h) => h.entry.rule.startsWith(prefix))
      .map((h) => ({ rule: h.entry.rule, tier: h.entry.tier, weight: h.entry.weight, start: h.start, end: h.end }));
  };
}
