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
 * Weights: the site's own domains (`siteDomains`) and government/education portals are not
 * reported; brand-plus-digits names, betting-style TLDs and spelled-out domains weigh 0.6
 * (review alone, block with any other spam signal); any other link 0.3 (passes alone).
 */
export const links: Detector = function links(text, ctx) {
  // Cheap native test first: a domain needs a dot (ASCII or full-width).
  if (!text.input.includes('.') && !text.input.includes('\uff0e')) return [];
  const v = text.plain;
  // Most dots end a sentence: only a dot between two host characters can be inside a domain.
  if (!hasInnerDot(v.codes)) return [];
  const findings: Finding[] = [];
  let i = 0;
  while (i < v.length) {
    if (!isHostChar(v.codes[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let innerDot = false;
    for (; j < v.length && isHostChar(v.codes[j]!); j++) {
      if (v.codes[j] === DOT && j > i && j + 1 < v.length && isHostChar(v.codes[j + 1]!)) innerDot = true;
    }
    // Only a run with a dot inside ("abc88.win", not "mưa.") can be a domain.
    const found = innerDot ? judgeRun(decoder.decode(v.codes.subarray(i, j)), ctx.siteDomains) : undefined;
    if (found) {
      const end = i + found.length;
      findings.push({ rule: 'spam.link', tier: 'review', weight: found.weight, start: v.start[i]!, end: v.end[end - 1]! });
    }
    i = j;
  }
  return findings;
};

const DOT = 0x2e;
const decoder = new TextDecoder('utf-16le');
const STRONG = 0.6;
const WEAK = 0.3;

const TLDS = new Set(
  `com net org info biz vn xyz top vip win bet club online site tv io co me cc pro shop store app
  live fun link asia us uk ru cn in tk ml ga cf gq icu buzz casino games game pw ws mobi today
  edu gov mobi social world life`.split(/\s+/),
);

const BETTING_TLDS = new Set(
  'xyz top vip win bet club online site fun live casino games game pw ws icu buzz tk ml ga cf gq cc'.split(' '),
);

/** Public-sector suffixes: a citizen pointing to a government or school portal. */
const TRUSTED_SUFFIXES = ['gov.vn', 'edu.vn'];

/** Is some dot between two host characters? Native indexOf from dot to dot. */
function hasInnerDot(codes: Uint16Array): boolean {
  for (let k = codes.indexOf(DOT, 1); k !== -1 && k + 1 < codes.length; k = codes.indexOf(DOT, k + 1)) {
    if (isHostChar(codes[k - 1]!) && isHostChar(codes[k + 1]!)) return true;
  }
  return false;
}

function isHostChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x5f;
}

/** When `run` holds a domain, its length in the run (trailing dots cut) and weight. */
function judgeRun(run: string, siteDomains: readonly string[]): { length: number; weight: number } | undefined {
  const host = run.replace(/\.+$/, '').replace(/^\.+/, '');
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l === '')) return undefined;
  const offset = run.indexOf(host);
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

function isOwnOrTrusted(host: string, siteDomains: readonly string[]): boolean {
  const bare = host.replace(/^www\./, '');
  const matches = (d: string) => bare === d || bare.endsWith(`.${d}`);
  return siteDomains.some((d) => matches(d.toLowerCase())) || TRUSTED_SUFFIXES.some(matches);
}
