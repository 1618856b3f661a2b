import { isAsciiDigit } from '../normalize/char-class.js';
import { viewText } from '../normalize/index.js';
import { stripDiacritics } from '../normalize/strip-diacritics/index.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.promo: a money offer, a reward word followed by an amount: "nạp 100k tặng 100k",
 * "nhận 150k", "thưởng 200k", "lương 500k/ngày", "earn $300". Weak alone (a pay rise in the
 * news reads the same), it adds up with links, phones and gambling words.
 */
export const moneyOffers: Detector = function moneyOffers(text) {
  if (!text.plain.codes.some(isAsciiDigit)) return [];
  const v = stripDiacritics(text.plain);
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
const OFFER = /(?<![\p{L}\p{N}])(?:nap|tang|nhan|thuong|luong|kiem|earn|bonus) {1,2}\$?\d{1,9}(?:k|tr|%|\$| ?trieu| ?usd)(?![\p{L}\p{N}])/gu;
