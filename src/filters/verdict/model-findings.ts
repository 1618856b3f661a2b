import type { Finding } from '../detectors/index.js';
import type { Thresholds } from '../model/model-file.js';
import { spansOf, type CommentScores } from '../model/span-model.js';

export const MODEL_RULE = 'model.offensive';

/**
 * Where the learned model meets the rules. The model never blocks: its spans are `review`
 * findings (`model.offensive`) with a confidence, and `block` stays with the rules that are
 * sure. Most of what the model finds that the lexicons do not are insults, political slurs
 * and dehumanising words ("đồ ăn bám", "bò đỏ", "cặn bã"): a newspaper wants them in front of
 * a person, not rejected by a machine; and a model cannot tell "lon" the can from "lồn" well
 * enough to reject anything on its own. Words a rule already names (profanity, a phone number,
 * a link, a contact handle) are not repeated.
 */
export function withModel(findings: readonly Finding[], scores: CommentScores, input: string, thresholds: Thresholds): Finding[] {
  const spans = spansOf(scores, input, thresholds);
  if (spans.length === 0) return findings as Finding[];
  const named = findings.filter(namesWords);
  const out = findings.slice();
  for (const span of spans) {
    for (const [start, end] of uncovered(span.start, span.end, named, input)) {
      out.push({
        rule: MODEL_RULE,
        tier: 'review',
        // Enough to flag the comment for review (compose.REVIEW_AT), never near a block's 0.95.
        weight: 0.5 + 0.4 * span.confidence,
        start,
        end,
        confidence: span.confidence,
      });
    }
  }
  return out;
}

/**
 * Findings that already point a moderator at these words: profanity, and the contact details
 * of spam (a phone number's "345" or a link's host is no insult). Shouting and floods cover
 * whole stretches of text and name no words.
 */
function namesWords(f: Finding): boolean {
  return f.rule.startsWith('profanity.') || f.rule === 'spam.phone' || f.rule === 'spam.link' || f.rule === 'spam.contact';
}

/**
 * The parts of [start, end) that no such finding covers, trimmed of spaces and
 * punctuation: the model's "Địt mẹ bọn" next to the rule's "Địt mẹ" adds "bọn" only.
 */
function uncovered(start: number, end: number, named: readonly Finding[], input: string): Array<[number, number]> {
  if (named.length === 0) return [[start, end]];
  const covered = new Uint8Array(end - start);
  for (const f of named) for (let i = Math.max(start, f.start); i < Math.min(end, f.end); i++) covered[i - start] = 1;
  const pieces: Array<[number, number]> = [];
  let i = start;
  while (i < end) {
    while (i < end && (covered[i - start] || !isWordish(input, i))) i++;
    if (i >= end) break;
    let j = i;
    while (j < end && !covered[j - start]) j++;
    let last = j;
    while (last > i && !isWordish(input, last - 1)) last--;
    pieces.push([i, last]);
    i = j;
  }
  return pieces;
}

/** Not a space or ASCII punctuation (emoji and letters are). */
function isWordish(input: string, i: number): boolean {
  const c = input.charCodeAt(i);
  if (c > 0x7f) return c !== 0xa0;
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
