import { isAsciiDigit, isWordUnit } from '../normalize/char-class.js';
import type { View } from '../normalize/index.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.promo: a money offer, a reward word followed by an amount: "nạp 100k tặng 100k",
 * "nhận 150k", "thưởng 200k", "lương 500k/ngày", "lãi 30%", "earn $300". Weak alone (a pay rise in the
 * news reads the same), it adds up with links, phones and gambling words.
 *
 * Also a pay rate without a reward word: "500k/ngày", "2tr/tháng", "$50/day".
 * Scans the `plain` view for an amount right after a space, then reads the word before it.
 * No regular expression, nothing decoded but that one short word.
 */
export const moneyOffers: Detector = function moneyOffers(text) {
  // Cheap native test first: an offer needs an amount.
  if (!ANY_DIGIT.test(text.input)) return [];
  const v = text.plain;
  const findings: Finding[] = [];
  for (let i = 1; i < v.length; i++) {
    if (!isAmountStart(v.codes, i)) continue;
    const end = amountEnd(v.codes, i);
    if (end === -1) continue;
    const wordStart = rewardWordBefore(v, i);
    const rateEnd = wordStart === -1 ? rateSuffixEnd(v.codes, end) : -1;
    if (wordStart !== -1) {
      findings.push({ rule: 'spam.promo', tier: 'review', weight: 0.3, start: v.start[wordStart]!, end: v.end[end - 1]! });
    } else if (rateEnd !== -1) {
      findings.push({ rule: 'spam.promo', tier: 'review', weight: 0.3, start: v.start[i]!, end: v.end[rateEnd - 1]! });
    }
  }
  return findings;
};

const SPACE = 0x20;
const ANY_DIGIT = /[0-9\uff10-\uff19]/;
const DOLLAR = 0x24;
// "lãi 30%" promises a return; unmarked "lai" is too often "tương lai 5 năm" to count.
const REWARD_WORDS = new Set('nạp nap tặng tang nhận nhan thưởng thuong lương luong kiếm kiem lãi earn bonus'.split(' '));
const UNITS = ['k', 'tr', '%', '$', ' triệu', 'triệu', ' trieu', 'trieu', ' usd', 'usd'];

function isAmountStart(codes: Uint16Array, i: number): boolean {
  const c = codes[i]!;
  const prev = codes[i - 1]!;
  // "300-500k": the upper bound of a range counts as an amount too.
  const afterRange = prev === 0x2d && i >= 2 && isAsciiDigit(codes[i - 2]!);
  return (prev === SPACE || afterRange) && (isAsciiDigit(c) || c === DOLLAR);
}

/** End of "100k", "$300", "5 triệu" starting at i, followed by a non-word unit; else -1. */
function amountEnd(codes: Uint16Array, i: number): number {
  let j = codes[i] === DOLLAR ? i + 1 : i;
  const digitsFrom = j;
  while (j < codes.length && isAsciiDigit(codes[j]!) && j - digitsFrom < 9) j++;
  if (j === digitsFrom) return -1;
  const dollarFirst = codes[i] === DOLLAR || codes[i - 1] === DOLLAR;
  for (const unit of UNITS) {
    if (matchesAt(codes, j, unit) && endsWord(codes, j + unit.length)) return j + unit.length;
  }
  return dollarFirst && endsWord(codes, j) ? j : -1;
}

/** Start of a reward word one or two spaces before the amount at i, or -1. */
function rewardWordBefore(v: View, i: number): number {
  let k = v.codes[i - 1] === DOLLAR ? i - 1 : i;
  let spaces = 0;
  while (k > 0 && v.codes[k - 1] === SPACE && spaces < 2) {
    k--;
    spaces++;
  }
  if (spaces === 0) return -1;
  const wordEnd = k;
  while (k > 0 && isWordUnit(v.codes[k - 1]!)) k--;
  if (wordEnd - k > MAX_WORD || wordEnd === k) return -1;
  return REWARD_WORDS.has(collapsed(v.codes, k, wordEnd)) ? k : -1;
}

/** Longest word read before an amount: "thưởng" (6) held on its last letter ("thưởngggggg"). */
const MAX_WORD = 16;

/**
 * The word at [from, to) with each run of one unit cut to one: spammers hold a key
 * ("nhậnnn", "thưởngggg 200k") and this view is not collapsed (normalize/collapse-repeats
 * shortens runs on the accented view only). No reward word has a doubled letter.
 */
function collapsed(codes: Uint16Array, from: number, to: number): string {
  let word = '';
  for (let k = from; k < to; k++) if (k === from || codes[k] !== codes[k - 1]) word += String.fromCharCode(codes[k]!);
  return word;
}

const RATES = ['/ngày', '/ngay', '/tháng', '/thang', '/giờ', '/gio', '/day', '/h'];

/** End of "/ngày" and the like right after an amount, or -1. */
function rateSuffixEnd(codes: Uint16Array, at: number): number {
  for (const rate of RATES) if (matchesAt(codes, at, rate) && endsWord(codes, at + rate.length)) return at + rate.length;
  return -1;
}

function matchesAt(codes: Uint16Array, at: number, s: string): boolean {
  if (at + s.length > codes.length) return false;
  for (let k = 0; k < s.length; k++) if (codes[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

function endsWord(codes: Uint16Array, at: number): boolean {
  return at >= codes.length || !isWordUnit(codes[at]!);
}
