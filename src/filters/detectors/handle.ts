import { isWordUnit } from '../normalize/char-class.js';
import type { Detector, Finding } from './types.js';

/**
 * spam.contact: a messaging handle ("@soikeo88vip"), the way Telegram and Zalo groups are
 * advertised. An "@" after a word is an e-mail address and is left to the link detector.
 */
export const handles: Detector = function handles(text) {
  // Cheap native test first: most comments have no "@" (or full-width "＠") at all.
  if (!text.input.includes('@') && !text.input.includes('\uff20')) return [];
  const v = text.plain;
  const findings: Finding[] = [];
  for (let i = 0; i < v.length; i++) {
    if (v.codes[i] !== AT || (i > 0 && isWordUnit(v.codes[i - 1]!))) continue;
    let j = i + 1;
    while (j < v.length && isHandleChar(v.codes[j]!)) j++;
    if (j - i - 1 >= MIN_LENGTH) {
      findings.push({ rule: 'spam.contact', tier: 'review', weight: 0.3, start: v.start[i]!, end: v.end[j - 1]! });
    }
    i = j - 1;
  }
  return findings;
};

const AT = 0x40;
const MIN_LENGTH = 4;

function isHandleChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e;
}
