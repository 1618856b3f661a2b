import { isWordUnit, unitRangeTable } from '../normalize/char-class.js';
import { BETTING_TLDS, isMessageHost, isOwnOrTrusted, TLDS } from './domains.js';
import { isLooseDotNeighbour, spelledLinks } from './spelled-link.js';
import type { View } from '../normalize/index.js';
import { nextRunStart, runEnd } from '../normalize/runs.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.link: web addresses, including bare brand-plus-digits domains ("abc88.win") and
 * domains spelled one letter at a time ("k.u.w.i.n.9.9.c.o.m").
 *
 * Scans the lower-cased `plain` view for runs of [a-z0-9._-] containing a dot whose last
 * label is a top-level domain. A hand-written scan, not a regular expression: a pattern
 * like /[a-z0-9-]+(\.[a-z0-9-]+)+/ retries every start inside a long dotless run and turns
 * quadratic on crafted input.
 *
 * Domains with the dot spelled out or spaced ("w88 chấm com", "bet88vn . com") are read by
 * spelled-link.ts, with its own rules against ordinary prose.
 *
 * Weights: the site's own domains (`siteDomains`) and government/education portals are not
 * reported; brand-plus-digits names, betting-style TLDs, spelled-out domains, messaging links
 * and link shorteners ("t.me/…", "zalo.me/…", "bit.ly/…", see domains.ts) weigh 0.6: review
 * alone, block with another spam signal of 0.375 or more (a phone, gambling or lending words,
 * another strong link), or with two weak ones; any other link 0.3 (passes alone).
 */
export const links: Detector = function links(text, ctx) {
  const findings: Finding[] = [];
  // Cheap native test first: a domain needs a dot (ASCII or full-width), or a spelled-out one.
  const dotted = text.input.includes('.') || text.input.includes('\uff0e');
  // Most dots end a sentence: only a dot between two host characters can be inside a domain,
  // and only one beside a space or bracket can be a spaced or bracketed one.
  const dots = dotted ? dotKinds(text.plain.codes) : 0;
  if (dots & INNER) scanDomains(text.plain, ctx.siteDomains, findings);
  // "bet88vn . com", "w88 chấm com", "kubet [dot] io" (see spelled-link.ts).
  spelledLinks(text, ctx, (dots & LOOSE) !== 0, findings);
  return findings;
};

function scanDomains(v: View, siteDomains: readonly string[], findings: Finding[]): void {
  for (let i = nextRunStart(v, 0, HOST_CHARS); i < v.length; ) {
    const j = runEnd(v, i, HOST_CHARS);
    // Only a run with a dot inside ("abc88.win", not "mưa.") can be a domain.
    const found = hasInnerDot(v.codes, i, j)
      ? judgeRun(decoder.decode(v.codes.subarray(i, j)), siteDomains, runContext(v, i, j))
      : undefined;
    if (found) {
      const end = i + found.length;
      findings.push({ rule: 'spam.link', tier: 'review', weight: found.weight, start: v.start[i]!, end: v.end[end - 1]! });
    }
    i = nextRunStart(v, j, HOST_CHARS);
  }
}

/** A dot with host characters on both sides inside the run [i, j). */
function hasInnerDot(codes: Uint16Array, i: number, j: number): boolean {
  for (let k = i + 1; k < j - 1; k++) if (codes[k] === DOT) return true;
  return false;
}

const DOT = 0x2e;
const SLASH = 0x2f;
const decoder = new TextDecoder('utf-16le');
const STRONG = 0.6;
const WEAK = 0.3;

const INNER = 1;
const LOOSE = 2;

/**
 * Which dots the text has, as bits: INNER (between two host characters) and LOOSE (a space
 * or bracket beside it: "abc88 . com", "(.)"). Native indexOf from dot to dot.
 */
function dotKinds(codes: Uint16Array): number {
  let kinds = 0;
  for (let k = codes.indexOf(DOT, 1); k !== -1 && k + 1 < codes.length; k = codes.indexOf(DOT, k + 1)) {
    const before = codes[k - 1]!;
    const after = codes[k + 1]!;
    if (isHostChar(before) && isHostChar(after)) kinds |= INNER;
    else if (isLooseDotNeighbour(before) || isLooseDotNeighbour(after)) kinds |= LOOSE;
    if (kinds === (INNER | LOOSE)) break;
  }
  return kinds;
}

/** [a-z0-9._-]: what a host is read from, on the lower-cased view. */
const HOST_CHARS = unitRangeTable([
  [0x61, 0x7a],
  [0x30, 0x39],
  [0x2d, 0x2e],
  [0x5f, 0x5f],
]);

function isHostChar(c: number): boolean {
  return HOST_CHARS[c] === 1;
}

/** Where a run of host characters [i, j) sits: what a messaging host needs around it. */
enum Around {
  /** The run starts a word ("t.me", not the end of "hát.me"). */
  WordStart = 1,
  /** "/" and a path follow the run ("t.me/kiemtien88"). */
  Path = 2,
}

function runContext(v: View, i: number, j: number): number {
  const wordStart = i === 0 || !isWordUnit(v.codes[i - 1]!) ? Around.WordStart : 0;
  const path = j + 1 < v.length && v.codes[j] === SLASH && v.codes[j + 1]! > 0x20 ? Around.Path : 0;
  return wordStart | path;
}

/** When `run` holds a domain, its length in the run (trailing dots cut) and weight. */
function judgeRun(run: string, siteDomains: readonly string[], around: number): { length: number; weight: number } | undefined {
  const host = run.replace(/\.+$/, '').replace(/^\.+/, '');
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l === '')) return undefined;
  const offset = run.indexOf(host);
  // Messaging links and shorteners, before the length rule below would drop "t.me".
  if (around & Around.WordStart && isMessageHost(host, (around & Around.Path) !== 0)) {
    return isOwnOrTrusted(host, siteDomains) ? undefined : { length: offset + host.length, weight: STRONG };
  }
  const spelled = labels.filter((l) => l.length === 1).length >= 4;
  if (spelled) return spelledOut(labels) ? { length: offset + host.length, weight: STRONG } : undefined;
  const tld = labels[labels.length - 1]!;
  if (!TLDS.has(tld) || labels[labels.length - 2]!.length < 2) return undefined;
  if (isOwnOrTrusted(host, siteDomains)) return undefined;
  const name = labels[labels.length - 2]!;
  const branded = /[a-z][0-9]{2,}|[0-9]{2,}[a-z]/.test(name) || BETTING_TLDS.has(tld);
  return { length: offset + host.length, weight: branded ? STRONG : WEAK };
}

/** "k.u.w.i.n.9.9.c.o.m": joined, does it end in a known TLD after a name? */
function spelledOut(labels: string[]): boolean {
  const joined = labels.join('');
  for (const tld of TLDS) {
    if (tld.length >= 2 && joined.length > tld.length + 2 && joined.endsWith(tld)) return true;
  }
  return false;
}
