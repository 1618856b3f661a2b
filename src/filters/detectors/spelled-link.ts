import { isWordUnit } from '../normalize/char-class.js';
import { HINT_RULE } from '../lexicons/entry.js';
import type { LexiconHit } from '../matcher/index.js';
import { DOT_LIKE_UNITS, type NormalizedText, type View } from '../normalize/index.js';
import { isOwnOrTrusted } from './domains.js';
import type { DetectorContext, Finding } from './types.js';

/**
 * spam.link, second scan: domains whose dot is spelled out or spaced so that link filters
 * miss them, a common evasion in Vietnamese spam: "bet88vn . com", "w88 chấm com",
 * "fb88 cham net", "abc88 (.) vip", "kubet [dot] io", "new88 • com", "shbet。net".
 *
 * Shape (on the lower-cased `plain` view): host, separator, TLD, where
 * - the host is a run of [a-z0-9_-] (inner dots allowed: "m.fb88") starting a word, with a
 *   letter in it;
 * - the separator is a dot with a space on either side, a dot-like symbol (• · ∙ ⋅ 。),
 *   the word "chấm"/"cham"/"dot", or any of these in brackets ("(.)", "[dot]", "(chấm)"),
 *   with at most {@link MAX_SPACES} spaces on each side;
 * - the TLD is a whole word from {@link SPELLED_TLDS} ("com.vn" spelled either way counts).
 *
 * Decided, against ordinary prose:
 * - a host without a letter is a number ("Giá 88 . Còn lại", "năm 2024 . Com lê"): never;
 * - a brand-like host (letters and digits, 3+ characters: "w88", "bet88vn") takes any
 *   separator, except that a bare dot or symbol followed by a capitalised word ("iPhone15.
 *   Com lê") starts a sentence;
 * - a host of letters only ("kubet", but also "nuoc" in "nuoc cham com tam", "BGK" in "BGK
 *   chấm top 3") takes only a bracketed separator, or "chấm"/"dot" before a common TLD
 *   ({@link CORE_TLDS}), "dot" only from a reader who types marks; never a bare spaced dot
 *   ("trời mưa to. Top 10…") nor the unmarked "cham" (without marks, "com" may be "cơm", "dot"
 *   "đợt");
 * - "chấm com" without a host before it, "chấm điểm", "chấm bài": no TLD or no host.
 * Weight 0.6, like other disguised domains: nobody spells a dot out by accident.
 */
export function spelledLinks(text: NormalizedText, ctx: DetectorContext, looseDot: boolean, findings: Finding[]): void {
  const { hits, siteDomains } = ctx;
  const v = text.plain;
  const codes = v.codes;
  first = findings.length;
  // Dots: only one with a space or a bracket beside it (a dot between host characters is
  // the first scan's); `looseDot` says the text has one (link.ts learns it in its dot pass).
  if (looseDot) {
    for (let k = codes.indexOf(DOT, 1); k !== -1 && k + 1 < v.length; k = codes.indexOf(DOT, k + 1)) {
      if (isLooseDotNeighbour(codes[k - 1]!) || isLooseDotNeighbour(codes[k + 1]!)) {
        tryAt(text, k, k + 1, Sep.Dot, siteDomains, findings);
      }
    }
  }
  // Symbols and words, when the text has any: both known already (the per-unit table pass
  // of normalize(), and hint words found by the lexicon walk), so most comments skip this.
  if (!text.dotLike && !hits.some(isHint)) return;
  for (let k = 0; k < v.length; k++) {
    const c = codes[k]!;
    if (DOT_LIKE[c]) {
      tryAt(text, k, k + 1, Sep.Symbol, siteDomains, findings);
    } else if ((c === 0x63 || c === 0x64) && (k === 0 || !isWordUnit(codes[k - 1]!))) {
      const word = readWord(codes, k, v.length);
      if (word !== Sep.None) tryAt(text, k, k + (word === Sep.Dotword ? 3 : 4), word, siteDomains, findings);
    }
  }
}

/** What stands for the dot; the order is not meaningful. */
enum Sep {
  None,
  /** "." with a space or bracket beside it. */
  Dot,
  /** • · ∙ ⋅ 。 ｡ */
  Symbol,
  /** "chấm", with its mark. */
  Cham,
  /** "cham", unmarked. */
  ChamPlain,
  /** "dot". */
  Dotword,
}

/** How many findings the first scan left at the start of `findings` (set per call). */
let first = 0;

/** Index of the first of findings[0, end) whose end is after `at` (they are sorted). */
function firstAfter(findings: Finding[], end: number, at: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DOT = 0x2e;
const WEIGHT = 0.6;
const MAX_SPACES = 3;
const MIN_HOST = 3;

/** TLDs recognised after a spelled-out dot: the common ones and those spam uses. */
const SPELLED_TLDS: ReadonlySet<string> = new Set(
  'com net org vn vip io xyz club top win bet cc me info tv live online site fun pro asia app biz shop casino'.split(' '),
);

/** TLDs a host of letters only may take after "chấm"/"dot" (not "top", "me", "tv": words). */
const CORE_TLDS: ReadonlySet<string> = new Set('com net org vn io info xyz vip club online site asia'.split(' '));

const isHint = (h: LexiconHit) => h.entry.rule === HINT_RULE;

const DOT_LIKE = new Uint8Array(65536);
for (const c of DOT_LIKE_UNITS) DOT_LIKE[c] = 1;
const OPEN = new Uint8Array(65536);
const CLOSE = new Uint8Array(65536);
for (const [o, c] of ['()', '[]', '{}', '<>']) {
  OPEN[o!.charCodeAt(0)] = c!.charCodeAt(0);
  CLOSE[c!.charCodeAt(0)] = o!.charCodeAt(0);
}

/** A space or bracket beside a dot: "abc88 . com", "abc88 (.) vip". */
export function isLooseDotNeighbour(c: number): boolean {
  return isSpace(c) || OPEN[c] !== 0 || CLOSE[c] !== 0;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;
}

function isHostUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f;
}

function isAsciiLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** "chấm", "cham" or "dot" as a whole word at `k`. */
function readWord(codes: Uint16Array, k: number, n: number): Sep {
  const wordEnd = (end: number) => end >= n || !isWordUnit(codes[end]!);
  if (codes[k] === 0x64) {
    return k + 2 < n && codes[k + 1] === 0x6f && codes[k + 2] === 0x74 && wordEnd(k + 3) ? Sep.Dotword : Sep.None;
  }
  if (k + 3 >= n || codes[k + 1] !== 0x68 || codes[k + 3] !== 0x6d || !wordEnd(k + 4)) return Sep.None;
  const vowel = codes[k + 2];
  return vowel === 0x1ea5 ? Sep.Cham : vowel === 0x61 ? Sep.ChamPlain : Sep.None;
}

/**
 * The separator's core is [from, to): widens it over spaces and one pair of brackets, reads
 * the host before and the TLD after, and pushes a finding when the rules above accept.
 */
function tryAt(text: NormalizedText, from: number, to: number, sep: Sep, siteDomains: readonly string[], findings: Finding[]): void {
  const v = text.plain;
  const codes = v.codes;
  let left = skipSpaces(codes, from, -1, 0);
  let right = skipSpaces(codes, to, 1, v.length);
  let bracketed = false;
  const open = left > 0 ? OPEN[codes[left - 1]!]! : 0;
  if (open !== 0 && right < v.length && codes[right] === open) {
    bracketed = true;
    left = skipSpaces(codes, left - 1, -1, 0);
    right = skipSpaces(codes, right + 1, 1, v.length);
  }
  // A bare dot needs a space beside it, or it is part of a word or a domain the first scan reads.
  if (sep === Sep.Dot && !bracketed && left === from && right === to) return;
  // Words are words: a space (or bracket) between them and the host and TLD.
  if ((sep === Sep.Cham || sep === Sep.ChamPlain || sep === Sep.Dotword) && !bracketed && (left === from || right === to)) return;
  const host = readHost(codes, left);
  if (host === undefined) return;
  const tld = readTld(codes, right, v.length);
  if (tld === undefined) return;
  let end = right + tld.length;
  let name = tld;
  // "com.vn", "com . vn", "com chấm vn": one more label.
  const more = secondLabel(codes, end, v.length);
  if (more !== -1 && (tld === 'com' || tld === 'net' || tld === 'org' || tld === 'edu' || tld === 'gov')) {
    end = more;
    name = `${tld}.vn`;
  }
  const hostText = String.fromCharCode(...codes.subarray(host.start, host.end));
  if (!accepts(text, host, sep, bracketed, tld, right)) return;
  if (isOwnOrTrusted(`${hostText}.${name}`, siteDomains)) return;
  const start = v.start[host.start]!;
  const stop = v.end[end - 1]!;
  // The first scan may have read part of it ("abc88.com . vn", "com.vn"): keep the longer
  // reading. Its findings come first, sorted and disjoint.
  const f = firstAfter(findings, first, start);
  while (f < first && findings[f]!.start < stop) {
    const other = findings[f]!;
    if (other.end - other.start >= stop - start) return;
    findings.splice(f, 1);
    first--;
  }
  // A TLD already read is no host: "com chấm vn" inside "abc88 chấm com chấm vn".
  for (let g = first; g < findings.length; g++) if (findings[g]!.start < stop && start < findings[g]!.end) return;
  findings.push({ rule: 'spam.link', tier: 'review', weight: WEIGHT, start, end: stop });
}

function skipSpaces(codes: Uint16Array, at: number, step: 1 | -1, limit: number): number {
  let k = at;
  for (let n = 0; n < MAX_SPACES; n++) {
    const next = step === 1 ? k : k - 1;
    if (step === 1 ? next >= limit : next < limit) break;
    if (!isSpace(codes[next]!)) break;
    k += step;
  }
  return k;
}

interface Host {
  readonly start: number;
  readonly end: number;
  readonly letters: boolean;
  readonly digits: boolean;
}

/** The host ending just before `end`: host units and inner dots, starting a word. */
function readHost(codes: Uint16Array, end: number): Host | undefined {
  let k = end;
  let letters = false;
  let digits = false;
  while (k > 0) {
    const c = codes[k - 1]!;
    if (isHostUnit(c)) {
      if (isAsciiLower(c)) letters = true;
      else if (c >= 0x30 && c <= 0x39) digits = true;
      k--;
    } else if (c === DOT && k - 1 > 0 && k < end && isHostUnit(codes[k - 2]!) && isHostUnit(codes[k]!)) {
      k--;
    } else {
      break;
    }
  }
  if (k === end || !letters) return undefined;
  // Starts a word: "kèo88" is not a host "o88".
  if (k > 0 && isWordUnit(codes[k - 1]!)) return undefined;
  return { start: k, end, letters, digits };
}

/** The TLD at `at`: ASCII letters forming a whole word, in {@link SPELLED_TLDS}. */
function readTld(codes: Uint16Array, at: number, n: number): string | undefined {
  let k = at;
  while (k < n && k - at <= 6 && isAsciiLower(codes[k]!)) k++;
  if (k === at || (k < n && isWordUnit(codes[k]!))) return undefined;
  const tld = String.fromCharCode(...codes.subarray(at, k));
  return SPELLED_TLDS.has(tld) ? tld : undefined;
}

/** After a TLD ending at `at`: "vn" behind a dot (spaced or not), "chấm" or "dot"; its end, or -1. */
function secondLabel(codes: Uint16Array, at: number, n: number): number {
  let k = skipSpaces(codes, at, 1, n);
  if (k < n && (codes[k] === DOT || DOT_LIKE[codes[k]!])) k++;
  else if (k > at && (readWord(codes, k, n) === Sep.Cham || readWord(codes, k, n) === Sep.ChamPlain)) k += 4;
  else if (k > at && readWord(codes, k, n) === Sep.Dotword) k += 3;
  else return -1;
  k = skipSpaces(codes, k, 1, n);
  if (k + 1 < n && codes[k] === 0x76 && codes[k + 1] === 0x6e && (k + 2 >= n || !isWordUnit(codes[k + 2]!))) return k + 2;
  return -1;
}

function accepts(text: NormalizedText, host: Host, sep: Sep, bracketed: boolean, tld: string, tldAt: number): boolean {
  const length = host.end - host.start;
  if (bracketed) return length >= 2;
  const brandLike = host.letters && host.digits && length >= MIN_HOST;
  if (brandLike) {
    // "iPhone15. Com lê": a bare dot or symbol before a capitalised word ends a sentence.
    return !((sep === Sep.Dot || sep === Sep.Symbol) && titleCase(text.cased, tldAt, tld.length));
  }
  // "dot" is also "đợt" typed without marks, and then "com" may be "cơm".
  const word = sep === Sep.Cham || (sep === Sep.Dotword && text.typesDiacritics);
  return word && length >= MIN_HOST && CORE_TLDS.has(tld);
}

/** The word at [at, at + n) of the cased view is "Com": a capital then lower case. */
function titleCase(cased: View, at: number, n: number): boolean {
  const first = cased.codes[at]!;
  if (first < 0x41 || first > 0x5a) return false;
  for (let k = at + 1; k < at + n; k++) if (cased.codes[k]! < 0x61) return false;
  return true;
}
