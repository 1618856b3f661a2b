import { isAsciiDigit, isWordUnit } from '../normalize/char-class.js';
import type { View } from '../normalize/index.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.phone: Vietnamese phone numbers, however they are spelled.
 *
 * Reads the lower-cased `plain` view (invisible characters gone, lookalikes folded), so
 * "0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84 912 345 678",
 * "84912345678" and "o9l2 345 678" (letters for digits) all read the same.
 *
 * Accepted numbers: mobile 0[35789] + 8 digits (or 84/+84 without the 0), landline 02 + 9
 * digits. Decided, not spam on their own: public short numbers (111, 113, 114, 115, 1022…)
 * are never reported; 1800/1900 business hotlines are reported with a weak weight, so they
 * pass alone and only add up with spam vocabulary. Amounts ("4.500.000.000"), years and
 * road chainage do not start like a phone number and are ignored.
 */
export const phoneNumbers: Detector = function phoneNumbers(text) {
  // Cheap native test first: no digit (ASCII, full-width or mathematical), no phone number.
  if (!ANY_DIGIT.test(text.input)) return [];
  const v = text.plain;
  // The shortest number reported has 8 digits, at least 70% of them typed as digits.
  if (!hasDigits(v.codes, MIN_TYPED_DIGITS)) return [];
  const findings: Finding[] = [];
  let i = 0;
  while (i < v.length) {
    const c = v.codes[i]!;
    const starts = (isAsciiDigit(c) || c === PLUS || c === 0x6f) && (i === 0 || !isWordUnit(v.codes[i - 1]!));
    const candidate = starts ? readCandidate(v, i) : undefined;
    if (!candidate) {
      i++;
      continue;
    }
    const weight = classify(candidate.digits);
    if (weight > 0 && candidate.real * 10 >= candidate.digits.length * 7) {
      findings.push({ rule: 'spam.phone', tier: 'review', weight, start: v.start[i]!, end: v.end[candidate.end - 1]! });
    }
    i = candidate.end;
  }
  return findings;
};

const PLUS = 0x2b;
/** 70% of 8 digits (a 1800 hotline), rounded up. */
const MIN_TYPED_DIGITS = 6;

function hasDigits(codes: Uint16Array, atLeast: number): boolean {
  let count = 0;
  for (let i = 0; i < codes.length; i++) if (isAsciiDigit(codes[i]!) && ++count === atLeast) return true;
  return false;
}
const ANY_DIGIT = /[0-9\uff10-\uff19]|\ud835[\udfce-\udfff]/;
const MOBILE_WEIGHT = 0.5;
const HOTLINE_WEIGHT = 0.2;

/** Letters readers type for digits inside a phone number. */
const AS_DIGIT: ReadonlyMap<number, string> = new Map([
  [0x6f, '0'], // o
  [0x6c, '1'], // l
  [0x69, '1'], // i
]);

function digitOf(c: number): string | undefined {
  return isAsciiDigit(c) ? String.fromCharCode(c) : AS_DIGIT.get(c);
}

function isGroupSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0xa0; // space . - nbsp
}

interface Candidate {
  digits: string;
  /** How many of the digits were typed as digits. */
  real: number;
  /** View index just after the last accepted group. */
  end: number;
}

/** Reads digit groups separated by one space, dot or dash; each group must end a word. */
function readCandidate(v: View, from: number): Candidate | undefined {
  let pos = v.codes[from] === PLUS ? from + 1 : from;
  let digits = v.codes[from] === PLUS ? '+' : '';
  let real = 0;
  let end = -1;
  while (pos < v.length && digits.length <= 16) {
    const group = readGroup(v, pos);
    if (!group) break;
    digits += group.digits;
    real += group.real;
    end = group.end;
    pos = group.end;
    if (pos + 1 < v.length && isGroupSeparator(v.codes[pos]!) && digitOf(v.codes[pos + 1]!)) pos++;
    else break;
  }
  return end === -1 ? undefined : { digits, real, end };
}

function readGroup(v: View, from: number): Candidate | undefined {
  let digits = '';
  let real = 0;
  let pos = from;
  for (; pos < v.length; pos++) {
    const d = digitOf(v.codes[pos]!);
    if (d === undefined) break;
    digits += d;
    if (isAsciiDigit(v.codes[pos]!)) real++;
  }
  const endsWord = pos >= v.length || !isWordUnit(v.codes[pos]!);
  if (digits === '' || !endsWord || real * 2 < digits.length) return undefined;
  return { digits, real, end: pos };
}

/** Weight of a digit string as a phone number; 0 when it is not one. */
function classify(raw: string): number {
  const digits = raw.replace(/^\+?84(?=\d{9,10}$)/, '0');
  if (/^0[35789]\d{8}$/.test(digits)) return MOBILE_WEIGHT;
  if (/^02\d{9}$/.test(digits)) return MOBILE_WEIGHT;
  if (/^1[89]00\d{4}(\d{2})?$/.test(digits)) return HOTLINE_WEIGHT;
  return 0;
}
