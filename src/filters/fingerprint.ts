/**
 * `duplicateKey(text)`: the form under which two comments count as the same text for the
 * 10-minute duplicate rule (src/comments/duplicates.ts), read the way the filter reads text.
 *
 * From the `plain` view of normalize() (NFC, invisible characters removed, lookalike
 * Cyrillic/Greek/full-width letters folded to Latin, lower case), then:
 *   - default-ignorable characters the filter keeps (variation selectors, tags…) are dropped;
 *   - every run of white space (and the braille blank U+2800) becomes one space, none at the ends;
 *   - trailing punctuation goes ("Hay quá!!!", "Hay quá ..." and "hay quá" are one text),
 *     unless nothing else is left ("?" and "!" stay apart).
 * Leet, joined letters and repeated letters are not read here: "hay quáaa" is another text,
 * so a reader can still answer twice in a thread with a different emphasis.
 *
 * Pure and synchronous; the normalisation uses one scratch arena, reset per call, and stops at
 * the `plain` view (normalizePlain): the later views cost as much again and are not read here.
 */
import { Arena, normalizePlain, viewText } from './normalize/index.js';

const arena = new Arena(16 * 1024);

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const SPACES = /[\s\u2800]+/gu;
const PUNCTUATION_OR_SPACE = /[\p{P}\s]/u;

export function duplicateKey(text: string): string {
  arena.reset();
  const plain = viewText(normalizePlain(text, arena));
  const spaced = plain.replace(IGNORABLE, '').replace(SPACES, ' ').trim();
  // A loop from the end rather than /[\p{P}\s]+$/, which retries from every position of a
  // long run of punctuation that is not at the end (quadratic on 5,000 "!" and a letter).
  let end = spaced.length;
  while (end > 0 && PUNCTUATION_OR_SPACE.test(spaced[end - 1]!)) end--;
  return end > 0 ? spaced.slice(0, end) : spaced;
}
