import { Flag, type NormalizedText, type View } from '../normalize/index.js';
import { hasDiacritic } from '../normalize/strip-diacritics/index.js';
import type { CompiledTerms } from './compile.js';

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
export function acceptAccented(entry: number, terms: CompiledTerms, text: NormalizedText): boolean {
  if (!terms.entries[entry]!.accentedOnly || text.typesDiacritics) return true;
  return hasMarks(terms.accentedForms[entry]!);
}

/**
 * A hit on the stripped view, at view positions [start, end). The reader left out some or all
 * marks; the ones typed must belong to the term ("dit mẹ" is "địt mẹ", but "mặt dày" is not
 * "mất dạy", and "lớ\u200bn" is not "lồn"). A term that matches only as spelled counts here
 * only when disguised (l0n, l.o.n).
 */
export function acceptStripped(entry: number, start: number, end: number, terms: CompiledTerms, text: NormalizedText): boolean {
  const { accentedOnly, disguised } = terms.entries[entry]!;
  if (!typedMarksBelongTo(text.accented, start, end, terms.accentedForms[entry]!)) return false;
  if (!accentedOnly) return true;
  return disguised && (spanFlags(text.accented, start, end) & DISGUISE) !== 0;
}

/**
 * Signs that letters were disguised on purpose beyond a lookalike letter: a digit or symbol
 * read as a letter (l0n), letters joined across separators (l.o.n), a mask (c*c).
 */
const DELIBERATE = Flag.Leet | Flag.Wildcard | Flag.Joined;

/**
 * Whether a block-tier term found on the stripped view at [start, end) is only to be
 * reviewed: without its marks the words are also innocent ones ("con cac" is "còn các",
 * "oc cho" "ốc cho", "mat buoi" "mất buổi", "dit" "dít"), and a lookalike letter ("lоn" with
 * a Cyrillic о) may sit in a clean word. Only a deliberate disguise keeps the block. A
 * comment typed with every mark also hits the term on the accented view, at block, and the
 * matcher keeps that hit over this one (same span, stronger).
 */
export function reviewOnly(start: number, end: number, text: NormalizedText): boolean {
  return (spanFlags(text.accented, start, end) & DELIBERATE) === 0;
}

function typedMarksBelongTo(view: View, start: number, end: number, form: string): boolean {
  for (let i = start; i < end; i++) {
    const c = view.codes[i]!;
    if (hasDiacritic(c) && !hasUnit(form, c)) return false;
  }
  return true;
}

/** `form.includes(String.fromCharCode(c))` without building a string per unit. */
function hasUnit(form: string, c: number): boolean {
  for (let i = 0; i < form.length; i++) if (form.charCodeAt(i) === c) return true;
  return false;
}

function spanFlags(view: View, start: number, end: number): number {
  let flags = 0;
  for (let i = start; i < end; i++) flags |= view.flags[i]!;
  return flags;
}

function hasMarks(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (hasDiacritic(s.charCodeAt(i))) return true;
  return false;
}
