import type { Action, Reason, Tier, Verdict } from '../index.js';
import type { Finding } from '../detectors/index.js';

/**
 * Turns findings into a verdict. Pure: no state, no clock.
 *
 * - Score: profanity counts by its strongest finding (block 0.95, review 0.6). Spam signals
 *   add up: 1 - Π(1 - weight) over distinct signals (the same rule and words twice count
 *   once), so a phone number (0.5) plus lending words (0.6) reaches 0.8 while either alone
 *   stays at review or below. The total combines both the same way.
 * - Tier: spam reasons become `block` when spam alone reaches {@link SPAM_BLOCK}.
 * - Action: any block-tier reason ⇒ block; else score ≥ {@link REVIEW_AT} ⇒ review; else pass.
 *   Reasons below the threshold are still listed, so a moderator can see weak signals.
 */
export const REVIEW_AT = 0.5;
export const SPAM_BLOCK = 0.8;
/** Reasons kept in a verdict; a flood of one word should not make a megabyte of JSON. */
export const MAX_REASONS = 50;

export function compose(findings: readonly Finding[], content: string, lexiconVersion: string): Verdict {
  if (findings.length === 0) return { action: 'pass', score: 0, reasons: [], lexiconVersion };
  const spam = findings.filter((f) => f.rule.startsWith('spam.'));
  const spamScore = combine(distinct(spam, content).map((f) => f.weight));
  const profanityScore = findings.reduce((m, f) => (f.rule.startsWith('spam.') ? m : Math.max(m, f.weight)), 0);
  const score = combine([spamScore, profanityScore]);
  const spamTier: Tier = spamScore >= SPAM_BLOCK ? 'block' : 'review';
  const reasons = [...findings]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .slice(0, MAX_REASONS)
    .map((f) => toReason(f, content, f.rule.startsWith('spam.') ? spamTier : f.tier));
  return { action: decide(reasons, score), score: round(score), reasons, lexiconVersion };
}

function decide(reasons: readonly Reason[], score: number): Action {
  if (reasons.some((r) => r.tier === 'block')) return 'block';
  return score >= REVIEW_AT ? 'review' : 'pass';
}

function toReason(f: Finding, content: string, tier: Tier): Reason {
  return { rule: f.rule, tier, match: content.slice(f.start, f.end), start: f.start, end: f.end };
}

function distinct(findings: readonly Finding[], content: string): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${content.slice(f.start, f.end).toLowerCase()}`;
    const prev = seen.get(key);
    if (!prev || f.weight > prev.weight) seen.set(key, f);
  }
  return [...seen.values()];
}

function combine(weights: readonly number[]): number {
  return 1 - weights.reduce((keep, w) => keep * (1 - Math.min(1, Math.max(0, w))), 1);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
