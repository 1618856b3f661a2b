import { isWordUnit } from '../normalize/char-class.js';
import type { View } from '../normalize/index.js';
import type { LexiconHit } from '../matcher/index.js';
import { TLDS } from './domains.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.contact: a messaging handle, the way Telegram and Zalo groups are advertised:
 * - after an "@" ("@soikeo88vip"); an "@" after a word is an e-mail address and is left to
 *   the link detector;
 * - after a platform word of the contact vocabulary (spam.txt: "zalo", "zl", "tele", "tlg",
 *   "add fb"…), a name a person would not write in prose: with a dot or an underscore inside
 *   ("tlg: abc.def", "add fb: nguyen.van.a", "tele kiem_tien_88") or letters then digits
 *   ("zalo kiemtien88"). The platform word itself is the lexicon's finding; this one adds
 *   the handle, so "tlg: abc.def" weighs like "ib zalo".
 */
export const handles: Detector = function handles(text, ctx) {
  const findings: Finding[] = [];
  // Cheap native test first: most comments have no "@" (or full-width "＠") at all.
  if (text.input.includes('@') || text.input.includes('\uff20')) atHandles(text.plain, findings);
  // Only after a platform word found by the lexicon walk: most comments have none.
  for (const hit of ctx.hits) if (isPlatform(hit)) handleAfter(text.plain, text.cased, hit.end, findings);
  return findings;
};

function atHandles(v: View, findings: Finding[]): void {
  for (let i = 0; i < v.length; i++) {
    if (v.codes[i] !== AT || (i > 0 && isWordUnit(v.codes[i - 1]!))) continue;
    let j = i + 1;
    while (j < v.length && isHandleChar(v.codes[j]!)) j++;
    if (j - i - 1 >= MIN_LENGTH) push(v, i, j, findings);
    i = j - 1;
  }
}

const AT = 0x40;
const MIN_LENGTH = 4;
const WEIGHT = 0.3;

function push(v: View, from: number, to: number, findings: Finding[]): void {
  findings.push({ rule: 'spam.contact', tier: 'review', weight: WEIGHT, start: v.start[from]!, end: v.end[to - 1]! });
}

/**
 * Last words of the contact terms that name a messaging platform ("kb za lo" ends in one).
 * Kept here, not flagged in spam.txt: the handle test (tests/filters/detectors) checks that
 * each has a term.
 */
export const PLATFORM_WORDS: readonly string[] = ['za lo', 'zl', 'tele', 'telegram', 'tlg', 'whatsapp', 'fb', 'face'];

function isPlatform(hit: LexiconHit): boolean {
  if (hit.entry.rule !== 'spam.contact') return false;
  const { term } = hit.entry;
  return PLATFORM_WORDS.some((w) => term === w || (term.endsWith(w) && term.charCodeAt(term.length - w.length - 1) === SPACE));
}

const SPACE = 0x20;
const COLON = 0x3a;
const DOT = 0x2e;
const UNDERSCORE = 0x5f;
/** Most spaces and colons between the platform word and the handle ("tlg : abc.def"). */
const MAX_GAP = 3;

/**
 * Reports a handle starting after a platform word that ends at input offset `after`.
 * `cased` is aligned unit for unit with `v` (lower-casing keeps the length).
 */
function handleAfter(v: View, cased: View, after: number, findings: Finding[]): void {
  let i = firstUnitFrom(v, after);
  const gapStart = i;
  while (i < v.length && i - gapStart < MAX_GAP && (v.codes[i] === SPACE || v.codes[i] === COLON)) i++;
  // "zalo.me" is a link, "zalonhé" a word: a handle needs a space or colon before it.
  if (i === gapStart) return;
  let j = i;
  while (j < v.length && isHandleChar(v.codes[j]!)) j++;
  while (j > i && v.codes[j - 1] === DOT) j--; // a sentence's full stop
  // "zalo nhé": the run stops inside a Vietnamese word.
  if (j < v.length && isWordUnit(v.codes[j]!)) return;
  if (j - i >= MIN_LENGTH && hasLowerCase(cased.codes, i, j) && looksLikeHandle(v.codes, i, j)) push(v, i, j, findings);
}

/** Handles are typed in lower case or as names; all capitals is an abbreviation ("zalo TP.HCM"). */
function hasLowerCase(codes: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (codes[k]! >= 0x61 && codes[k]! <= 0x7a) return true;
  return false;
}

/** First unit of `v` whose source starts at or after input offset `at` (views keep input order). */
function firstUnitFrom(v: View, at: number): number {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v.start[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A name with a dot or underscore between two word characters, or letters then digits
 * ("kiemtien88"); not a number (the phone detector's) nor a domain (the link detector's).
 */
function looksLikeHandle(codes: Uint16Array, from: number, to: number): boolean {
  let letters = 0;
  let inner = false;
  let digitsAfterLetter = 0;
  let lastDot = -1;
  for (let k = from; k < to; k++) {
    const c = codes[k]!;
    if (c >= 0x61 && c <= 0x7a) letters++;
    else if (c >= 0x30 && c <= 0x39) {
      if (letters > 0) digitsAfterLetter++;
    } else if (k > from && k + 1 < to && codes[k + 1] !== DOT && codes[k + 1] !== UNDERSCORE) {
      inner = true;
      if (c === DOT) lastDot = k;
    }
  }
  if (letters === 0 || (!inner && digitsAfterLetter < 2)) return false;
  return lastDot === -1 || !TLDS.has(String.fromCharCode(...codes.subarray(lastDot + 1, to)));
}

function isHandleChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === UNDERSCORE || c === DOT;
}
