import { flood } from './flood.js';
import { handles } from './handle.js';
import { lexiconDetector } from './lexicon.js';
import { links } from './link.js';
import { moneyOffers } from './offers.js';
import { phoneNumbers } from './phone.js';
import { shouting } from './shouting.js';
import type { Detector, DetectorContext, Finding } from './types.js';
import type { NormalizedText } from '../normalize/index.js';

export type { Detector, DetectorContext, Finding } from './types.js';

/**
 * Every detector, in the order they run. Detectors are independent (each reads the text and
 * the read-only context and returns findings), so the order only fixes the order of reasons
 * for equal positions; the verdict sorts reasons by position anyway. The grouping says what
 * matters most to a moderator reading the list.
 */
export const DETECTORS: readonly Detector[] = [
  // Profanity first: a block-tier term decides the verdict on its own.
  lexiconDetector('profanity.'),
  // Spam vocabulary (gambling, lending, contact calls, job scams, ads) from the lexicons.
  lexiconDetector('spam.'),
  // Contact details: the strongest spam signals after the vocabulary.
  phoneNumbers,
  links,
  handles,
  moneyOffers,
  // Form, not words: weak signals that only add up with the ones above.
  shouting,
  flood,
];

/** Runs every detector over a normalised comment; the findings in detector order. */
export function runDetectors(text: NormalizedText, ctx: DetectorContext): Finding[] {
  const findings: Finding[] = [];
  for (let d = 0; d < DETECTORS.length; d++) {
    const found = DETECTORS[d]!(text, ctx);
    for (let i = 0; i < found.length; i++) findings.push(found[i]!);
  }
  return findings;
}
