import { normalizeTerm } from '../normalize/index.js';
import type { LexiconEntry } from '../lexicons/entry.js';
import { flatten, type FlatTrie } from './flat.js';
import { createTrie, insertTerm } from './trie.js';

/** Lexicon entries compiled into two tries, one per view the terms are matched on. */
export interface CompiledTerms {
  readonly entries: readonly LexiconEntry[];
  /** Each entry's term normalised to the accented alphabet (its marked letters matter). */
  readonly accentedForms: readonly string[];
  readonly accented: FlatTrie;
  readonly stripped: FlatTrie;
}

/**
 * Normalises every term exactly as comments are normalised and builds the tries. A term
 * whose stripped form differs from its accented form is also put in the stripped trie,
 * unless it matches only as spelled (`@accented` without `@disguised`).
 */
export function compileTerms(entries: readonly LexiconEntry[]): CompiledTerms {
  const accented = createTrie();
  const stripped = createTrie();
  const accentedForms: string[] = [];
  entries.forEach((entry, i) => {
    const forms = termForms(entry.term);
    accentedForms.push(forms.accented);
    insertTerm(accented, forms.accented, i);
    const strippedCounts = !entry.accentedOnly || entry.disguised;
    if (strippedCounts && forms.stripped !== forms.accented) insertTerm(stripped, forms.stripped, i);
  });
  return { entries, accentedForms, accented: flatten(accented), stripped: flatten(stripped) };
}

/**
 * Normalised forms by term, kept for the process: built-in terms do not change, so a
 * `setCustom` recompilation only normalises the admins' new terms.
 */
const formsCache = new Map<string, { accented: string; stripped: string }>();

function termForms(term: string): { accented: string; stripped: string } {
  let forms = formsCache.get(term);
  if (!forms) {
    forms = normalizeTerm(term);
    if (formsCache.size < 100_000) formsCache.set(term, forms);
  }
  return forms;
}
