import { viewText, type View } from '../normalize/index.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.flood: one character repeated many times ("!!!!!!!!!!!!", "😡😡😡😡😡😡😡😡😡😡"), or one
 * word repeated many times in a row ("mua mua mua mua mua mua"). Weak on its own.
 * Counted on the `cased` view by code point, so an emoji (two UTF-16 units) counts once.
 */
export const flood: Detector = function flood(text) {
  return [...characterRuns(text.cased), ...wordRepeats(text.plain)];
};

const WEIGHT = 0.3;
const MIN_CHAR_RUN = 10;
const MIN_WORD_RUN = 6;

function characterRuns(v: View): Finding[] {
  const findings: Finding[] = [];
  let i = 0;
  while (i < v.length) {
    const width = isHighSurrogate(v.codes[i]!) && i + 1 < v.length ? 2 : 1;
    let j = i + width;
    let count = 1;
    while (j + width <= v.length && sameUnits(v, i, j, width)) {
      j += width;
      count++;
    }
    if (count >= MIN_CHAR_RUN) {
      findings.push({ rule: 'spam.flood', tier: 'review', weight: WEIGHT, start: v.start[i]!, end: v.end[j - 1]! });
    }
    i = j;
  }
  return findings;
}

function wordRepeats(v: View): Finding[] {
  const text = viewText(v);
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const findings: Finding[] = [];
  let runStart = 0;
  for (let k = 1; k <= words.length; k++) {
    if (k < words.length && words[k]![0] === words[runStart]![0]) continue;
    if (k - runStart >= MIN_WORD_RUN) {
      const a = words[runStart]!;
      const b = words[k - 1]!;
      findings.push({ rule: 'spam.flood', tier: 'review', weight: WEIGHT, start: v.start[a.index]!, end: v.end[b.index + b[0].length - 1]! });
    }
    runStart = k;
  }
  return findings;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function sameUnits(v: View, a: number, b: number, width: number): boolean {
  for (let k = 0; k < width; k++) if (v.codes[a + k] !== v.codes[b + k]) return false;
  return true;
}
