import { isAsciiDigit } from '../normalize/char-class.js';
import { viewText } from '../normalize/index.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.promo: a money offer, a reward word followed by an amount: "nạp 100k tặng 100k",
 * "nhận 150k", "thưởng 200k", "lương 500k/ngày", "earn $300". Weak alone (a pay rise in the
 * news reads the same), it adds up with links, phones and gambling words.
 */
export const moneyOffers: Detector = function moneyOffers(text) {
  const v = text.plain;
  if (!hasSpacedNumber(v.codes)) return [];
  const s = viewText(v);
  const findings: Finding[] = [];
  for (const m of s.matchAll(OFFER)) {
    const start = m.index;
    const end = start + m[0].length;
    findings.push({ rule: 'spam.promo', tier: 'review', weight: 0.3, start: v.start[start]!, end: v.end[end - 1]! });
  }
  return findings;
};

/**
 * Reward word, one or two spaces, an amount with its unit. Linear: the word alternatives
 * are literal, the amount is \d{1,9} (bounded), and no quantifier nests inside another.
 */
const OFFER =
  /(?<![\p{L}\p{N}])(?:nạp|nap|tặng|tang|nhận|nhan|thưởng|thuong|lương|luong|kiếm|kiem|earn|bonus) {1,2}\$?\d{1,9}(?:k|tr|%|\$| ?trieu| ?usd)(?![\p{L}\p{N}])/gu;

/** Cheap test before the regular expression: a number right after a space (or "$"). */
function hasSpacedNumber(codes: Uint16Array): boolean {
  for (let i = 1; i < codes.length; i++) {
    if (isAsciiDigit(codes[i]!) && (codes[i - 1] === 0x20 || codes[i - 1] === 0x24)) return true;
  }
  return false;
}
