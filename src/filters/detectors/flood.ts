import { WORD_UNITS } from '../normalize/char-class.js';
import type { View } from '../normalize/index.js';
import { nextRunStart, runEnd } from '../normalize/runs.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.flood: one character repeated many times ("!!!!!!!!!!!!", "😡😡😡😡😡😡😡😡😡😡"), or one
 * word repeated many times in a row ("mua mua mua mua mua mua"). Weak on its own.
 * Counted on the `cased` view by code point, so an emoji (two UTF-16 units) counts once.
 */
export const flood: Detector = function flood(text) {
  const runs = mayHaveCharacterRun(text.cased) ? characterRuns(text.cased) : [];
  const words = wordRepeats(text.plain);
  return words.length === 0 ? runs : runs.concat(words);
};

const WEIGHT = 0.3;
const MIN_CHAR_RUN = 10;
const MIN_WORD_RUN = 6;

/**
 * Quick test before {@link characterRuns}: ten equal code points of width w make 9w units in
 * a row equal to the unit w before them. Most comments have no such stretch, and this one
 * pass is cheaper than comparing code point by code point.
 */
function mayHaveCharacterRun(v: View): boolean {
  const { codes } = v;
  let lag1 = 0;
  let lag2 = 0;
  for (let i = 1; i < v.length; i++) {
    lag1 = codes[i] === codes[i - 1] ? lag1 + 1 : 0;
    lag2 = i >= 2 && codes[i] === codes[i - 2] ? lag2 + 1 : 0;
    if (lag1 >= MIN_CHAR_RUN - 1 || lag2 >= 2 * (MIN_CHAR_RUN - 1)) return true;
  }
  return false;
}

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

/** Runs of one word repeated, compared unit by unit (no regular expression, no strings). */
function wordRepeats(v: View): Finding[] {
  const findings: Finding[] = [];
  let runStart = -1; // start of the first word of the current run
  let prevStart = -1;
  let prevEnd = -1;
  let count = 0;
  for (let i = nextRunStart(v, 0, WORD_UNITS); i < v.length; ) {
    const j = runEnd(v, i, WORD_UNITS);
    if (prevStart !== -1 && sameWord(v, prevStart, prevEnd, i, j)) {
      count++;
    } else {
      if (count >= MIN_WORD_RUN) findings.push(floodFinding(v, runStart, prevEnd));
      runStart = i;
      count = 1;
    }
    prevStart = i;
    prevEnd = j;
    i = nextRunStart(v, j, WORD_UNITS);
  }
  if (count >= MIN_WORD_RUN) findings.push(floodFinding(v, runStart, prevEnd));
  return findings;
}

function floodFinding(v: View, from: number, to: number): Finding {
  return { rule: 'spam.flood', tier: 'review', weight: WEIGHT, start: v.start[from]!, end: v.end[to - 1]! };
}

function sameWord(v: View, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (v.codes[a + k] !== v.codes[b + k]) return false;
  return true;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function sameUnits(v: View, a: number, b: number, width: number): boolean {
  for (let k = 0; k < width; k++) if (v.codes[a + k] !== v.codes[b + k]) return false;
  return true;
}
