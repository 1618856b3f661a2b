import type { Tier } from '../index.js';
import type { LexiconHit } from '../matcher/index.js';
import type { NormalizedText } from '../normalize/index.js';

/** Something a detector found: a rule, a strength, and where (input UTF-16 offsets). */
export interface Finding {
  readonly rule: string;
  readonly tier: Tier;
  /** 0..1; see verdict/compose.ts for how findings add up. */
  readonly weight: number;
  readonly start: number;
  readonly end: number;
  /** The span model's probability, on findings it made or confirmed. */
  readonly confidence?: number;
}

/** What detectors may read besides the text. Read-only: detectors return, never mutate. */
export interface DetectorContext {
  /** Lexicon terms found in the text, computed once for all detectors. */
  readonly hits: readonly LexiconHit[];
  /** The site's own domains: links to them are not spam. */
  readonly siteDomains: readonly string[];
}

/** One check. Pure: same text and context, same findings. */
export type Detector = (text: NormalizedText, ctx: DetectorContext) => Finding[];
