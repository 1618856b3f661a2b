import type { LexiconEntry } from '../lexicons/entry.js';
import { ALLOW_RULE } from '../lexicons/entry.js';
import type { NormalizedText, View } from '../normalize/index.js';
import { acceptAccented, acceptStripped } from './accept.js';
import { compileTerms, type CompiledTerms } from './compile.js';
import { walkView, type ViewHit } from './walk.js';

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
 * ("địt" inside "địt mẹ"). Cost: linear in the comment length.
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
  let allowed = false;
  walkView(text.accented, terms.accented, (h) => {
    if (h.end > h.start && acceptAccented(h, terms, text)) allowed = add(hits, toSource(terms, text.accented, h)) || allowed;
  });
  walkView(text.stripped, terms.stripped, (h) => {
    if (h.end > h.start && acceptStripped(h, terms, text)) allowed = add(hits, toSource(terms, text.stripped, h)) || allowed;
  });
  if (hits.length < 2) return allowed ? [] : hits;
  return dropRedundant(allowed ? dropAllowed(hits) : hits);
}

/** Adds a hit; true when it is an allowlisted phrase. */
function add(hits: LexiconHit[], hit: LexiconHit): boolean {
  hits.push(hit);
  return hit.entry.rule === ALLOW_RULE;
}

function toSource(terms: CompiledTerms, view: View, h: ViewHit): LexiconHit {
  return { entry: terms.entries[h.entry]!, start: view.start[h.start]!, end: view.end[h.end - 1]! };
}

function dropAllowed(hits: LexiconHit[]): LexiconHit[] {
  const allowed = hits.filter((h) => h.entry.rule === ALLOW_RULE);
  return hits.filter(
    (h) => h.entry.rule !== ALLOW_RULE && !allowed.some((a) => a.start <= h.start && h.end <= a.end),
  );
}

/**
 * Sorts, then drops a hit covered by an earlier, longer, at-least-as-strong hit of its rule
 * (this also removes duplicates). One pass: per rule, the kept hit reaching furthest.
 */
function dropRedundant(hits: LexiconHit[]): LexiconHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end || b.entry.weight - a.entry.weight);
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
