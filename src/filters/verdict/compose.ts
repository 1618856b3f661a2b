import type { Action, Reason, Tier, Verdict } from '../index.js';
import type { Finding } from '../detectors/index.js';
import { stableSort } from '../stable-sort.js';

/**
 * Turns findings into a verdict. Pure: no state, no clock.
 *
 * - Score: profanity counts by its strongest finding (block 0.95, review 0.6). Spam signals
 *   add up: 1 - Π(1 - weight) over distinct signals (the same rule and words twice count
 *   once), so a phone number (0.5) plus lending words (0.5) reaches 0.75 while either alone
 *   stays at review or below. The total combines both the same way.
 * - Spam needs a channel: spam always says where to go (a phone, a link, a handle, "ib
 *   zalo"). Without any such signal, the spam score is scaled by {@link NO_CHANNEL}, so a
 *   reader complaining that "vay tiền… giải ngân chậm" is not taken for a loan shark.
 * - Tier: spam reasons become `block` when spam alone reaches {@link SPAM_BLOCK}.
 * - Action: any block-tier reason ⇒ block; else score ≥ {@link REVIEW_AT} ⇒ review; else pass.
 *   Reasons below the threshold are still listed, so a moderator can see weak signals.
 */
export const REVIEW_AT = 0.5;
export const SPAM_BLOCK = 0.75;
/** Reasons kept in a verdict; a flood of one word should not make a megabyte of JSON. */
export const MAX_REASONS = 50;
/** Factor on the spam score when no finding gives a way to reach the spammer. */
export const NO_CHANNEL = 0.7;
/** Rules whose findings are a way to reach the spammer. */
const CHANNELS = new Set(['spam.phone', 'spam.link', 'spam.contact']);

export function compose(findings: readonly Finding[], content: string, lexiconVersion: string): Verdict {
  if (findings.length === 0) return { action: 'pass', score: 0, reasons: [], lexiconVersion };
  const spam = findings.filter((f) => f.rule.startsWith('spam.'));
  const hasChannel = spam.some((f) => CHANNELS.has(f.rule));
  const spamScore = combine(distinct(spam, content)) * (hasChannel ? 1 : NO_CHANNEL);
  const profanityScore = findings.reduce((m, f) => (f.rule.startsWith('spam.') ? m : Math.max(m, f.weight)), 0);
  const score = 1 - (1 - clamp(spamScore)) * (1 - clamp(profanityScore));
  const spamTier: Tier = spamScore >= SPAM_BLOCK ? 'block' : 'review';
  // Reasons carry their finding's span, so sorting them sorts the findings (stably).
  const reasons = stableSort(
    findings.map((f) => toReason(f, content, f.rule.startsWith('spam.') ? spamTier : f.tier)),
    (a, b) => a.start - b.start || a.end - b.end,
  );
  // Decide on every reason, then keep the first ones: a cut list must not hide a block.
  const action = decide(reasons, score);
  const listed = reasons.length > MAX_REASONS ? reasons.slice(0, MAX_REASONS) : reasons;
  return { action, score: round(score), reasons: listed, lexiconVersion };
}

function decide(reasons: readonly Reason[], score: number): Action {
  if (reasons.some((r) => r.tier === 'block')) return 'block';
  return score >= REVIEW_AT ? 'review' : 'pass';
}

function toReason(f: Finding, content: string, tier: Tier): Reason {
  const reason: Reason = { rule: f.rule, tier, match: content.slice(f.start, f.end), start: f.start, end: f.end };
  if (f.confidence !== undefined) reason.confidence = Math.round(f.confidence * 1000) / 1000;
  return reason;
}

function distinct(findings: readonly Finding[], content: string): readonly Finding[] {
  // Nothing to merge (most comments): no keys to build.
  if (!repeatsRule(findings)) return findings;
  const seen = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${content.slice(f.start, f.end).toLowerCase()}`;
    const prev = seen.get(key);
    if (!prev || f.weight > prev.weight) seen.set(key, f);
  }
  return [...seen.values()];
}

/** Do two findings share a rule? Only then can `distinct` merge anything. */
function repeatsRule(findings: readonly Finding[]): boolean {
  // Pairwise for the usual handful; a long list is simply deduplicated.
  if (findings.length > 16) return true;
  for (let i = 1; i < findings.length; i++) {
    for (let j = 0; j < i; j++) if (findings[i]!.rule === findings[j]!.rule) return true;
  }
  return false;
}

/** 1 - Π(1 - weight), in the findings' order. */
function combine(findings: readonly Finding[]): number {
  let keep = 1;
  for (const f of findings) keep *= 1 - clamp(f.weight);
  return 1 - keep;
}

function clamp(w: number): number {
  return Math.min(1, Math.max(0, w));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
