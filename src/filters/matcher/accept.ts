import { Flag, type NormalizedText, type View } from '../normalize/index.js';
import { hasDiacritic } from '../normalize/strip-diacritics/index.js';
import type { CompiledTerms } from './compile.js';
import type { ViewHit } from './walk.js';

/**
 * Rules deciding whether a trie hit is a real match. They are what keeps "lớn" from being
 * read as "lồn" while "l0n" and "cai lon gi" still count.
 */

/** Evidence that letters were disguised on purpose. */
const DISGUISE = Flag.Leet | Flag.Wildcard | Flag.Joined | Flag.Homoglyph;

/**
 * A hit on the accented view. A term without marks that matches only as spelled ("ngu") is
 * ambiguous in a comment typed without diacritics ("dan ngu khong duoc" = ngủ), so it counts
 * only when the reader types diacritics.
 */
export function acceptAccented(hit: ViewHit, terms: CompiledTerms, text: NormalizedText): boolean {
  const entry = terms.entries[hit.entry]!;
  if (!entry.accentedOnly || text.typesDiacritics) return true;
  return hasMarks(terms.accentedForms[hit.entry]!);
}

/**
 * A hit on the stripped view. The reader left out some or all marks; the ones typed must
 * belong to the term ("dit mẹ" is "địt mẹ", but "mặt dày" is not "mất dạy", and "lớ\u200bn" is
 * not "lồn"). A term that matches only as spelled counts here only when disguised (l0n, l.o.n).
 */
export function acceptStripped(hit: ViewHit, terms: CompiledTerms, text: NormalizedText): boolean {
  const entry = terms.entries[hit.entry]!;
  const form = terms.accentedForms[hit.entry]!;
  if (!typedMarksBelongTo(text.accented, hit, form)) return false;
  if (!entry.accentedOnly) return true;
  return entry.disguised && spanFlags(text.accented, hit) & DISGUISE ? true : false;
}

function typedMarksBelongTo(view: View, hit: ViewHit, form: string): boolean {
  for (let i = hit.start; i < hit.end; i++) {
    const c = view.codes[i]!;
    if (hasDiacritic(c) && !form.includes(String.fromCharCode(c))) return false;
  }
  return true;
}

function spanFlags(view: View, hit: ViewHit): number {
  let flags = 0;
  for (let i = hit.start; i < hit.end; i++) flags |= view.flags[i]!;
  return flags;
}

function hasMarks(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (hasDiacritic(s.charCodeAt(i))) return true;
  return false;
}
