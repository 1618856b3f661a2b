import type { LexiconEntry } from '../lexicons/entry.js';
import { ALLOW_RULE, PROFANITY_WEIGHT } from '../lexicons/entry.js';
import type { NormalizedText } from '../normalize/index.js';
import { acceptAccented, acceptStripped, reviewOnly } from './accept.js';
import { compileTerms, type CompiledTerms } from './compile.js';
import { found, scanView } from './walk.js';
import { stableSort } from '../stable-sort.js';

/** A lexicon term found in a comment, with its span in the evaluated input. */
export interface LexiconHit {
  readonly entry: LexiconEntry;
  /** UTF-16 offsets in the input of `evaluate()`. */
  readonly start: number;
  readonly end: number;
}

/**
 * Finds lexicon terms in a normalised comment.
 *
 * Guarantees: hits are sorted by start, then longest first; no hit lies inside an allowlisted
 * phrase; for one rule, a hit lying inside a longer hit of at least its weight is dropped
 * ("địt" inside "địt mẹ"); a block-tier term found only without its marks or through a
 * lookalike letter is a review-tier hit (accept.ts `reviewOnly`). Cost: linear in the
 * comment length.
 */
export interface Matcher {
  find(text: NormalizedText): LexiconHit[];
}

export function createMatcher(entries: readonly LexiconEntry[]): Matcher {
  const terms = compileTerms(entries);
  return { find: (text) => find(terms, text) };
}

function find(terms: CompiledTerms, text: NormalizedText): LexiconHit[] {
  const hits: LexiconHit[] = [];
  const allowedA = collect(hits, terms, text, false);
  const allowedS = collect(hits, terms, text, true);
  const allowed = allowedA || allowedS;
  if (hits.length < 2) return allowed ? [] : hits;
  return dropRedundant(allowed ? dropAllowed(hits) : hits);
}

/**
 * Walks one view (accented or stripped) and adds its accepted hits; true when one of them is
 * an allowlisted phrase. The walk leaves its hits in `found`, read here before the next walk.
 */
function collect(hits: LexiconHit[], terms: CompiledTerms, text: NormalizedText, stripped: boolean): boolean {
  const view = stripped ? text.stripped : text.accented;
  const n = scanView(view, stripped ? terms.stripped : terms.accented);
  const { data } = found;
  let allowed = false;
  for (let i = 0; i < n; i++) {
    const entry = data[i * 3]!;
    const start = data[i * 3 + 1]!;
    const end = data[i * 3 + 2]!;
    if (end <= start) continue;
    const ok = stripped ? acceptStripped(entry, start, end, terms, text) : acceptAccented(entry, terms, text);
    if (!ok) continue;
    let e = terms.entries[entry]!;
    if (stripped && e.tier === 'block' && reviewOnly(start, end, text)) e = asReview(e);
    const hit: LexiconHit = { entry: e, start: view.start[start]!, end: view.end[end - 1]! };
    hits.push(hit);
    if (hit.entry.rule === ALLOW_RULE) allowed = true;
  }
  return allowed;
}

/**
 * The review-tier twin of a block-tier entry (see `reviewOnly` in accept.ts), made once per
 * entry: such hits are rare, and a hit's entry is what detectors report.
 */
const reviewTwins = new WeakMap<LexiconEntry, LexiconEntry>();

function asReview(entry: LexiconEntry): LexiconEntry {
  let twin = reviewTwins.get(entry);
  if (!twin) {
    twin = { ...entry, tier: 'review', weight: PROFANITY_WEIGHT.review };
    reviewTwins.set(entry, twin);
  }
  return twin;
}

function dropAllowed(hits: LexiconHit[]): LexiconHit[] {
  const allowed = hits.filter((h) => h.entry.rule === ALLOW_RULE);
  return hits.filter((h) => h.entry.rule !== ALLOW_RULE && !allowed.some((a) => a.start <= h.start && h.end <= a.end));
}

/**
 * Sorts, then drops a hit covered by an earlier, longer, at-least-as-strong hit of its rule
 * (this also removes duplicates). One pass: per rule, the kept hit reaching furthest.
 */
const byStartLongestStrongest = (a: LexiconHit, b: LexiconHit): number =>
  a.start - b.start || b.end - a.end || b.entry.weight - a.entry.weight;

function dropRedundant(hits: LexiconHit[]): LexiconHit[] {
  stableSort(hits, byStartLongestStrongest);
  const reach = new Map<string, LexiconHit>();
  const kept: LexiconHit[] = [];
  for (const h of hits) {
    const k = reach.get(h.entry.rule);
    if (k && h.end <= k.end && k.entry.weight >= h.entry.weight) continue;
    kept.push(h);
    if (!k || h.end > k.end) reach.set(h.entry.rule, h);
  }
  return kept;
}
