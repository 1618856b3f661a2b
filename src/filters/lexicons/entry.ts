import type { Tier } from '../index.js';

/** One term of a lexicon, as read from a data file or added by an admin. */
export interface LexiconEntry {
  /** Rule reported for a match: "profanity.vi", "spam.gambling"…, or "allow". */
  readonly rule: string;
  readonly tier: Tier;
  /** Strength of the signal, 0..1 (profanity: from the tier; spam: from the file). */
  readonly weight: number;
  /** The term as written in the file. */
  readonly term: string;
  /** Matches only as spelled: its stripped form is also an innocent word. */
  readonly accentedOnly: boolean;
  /** With `accentedOnly`: the stripped form counts when its letters were disguised. */
  readonly disguised: boolean;
}

/** Rule name of allowlisted phrases: they suppress matches inside them. */
export const ALLOW_RULE = 'allow';

/** Rule name of hint words (see lexicons/load.ts): found like terms, reported by no detector. */
export const HINT_RULE = 'hint.link';

/** Signal strength of a profanity match by tier. */
export const PROFANITY_WEIGHT: Record<Tier, number> = { block: 0.95, review: 0.6 };
