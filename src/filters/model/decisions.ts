/**
 * Reads the moderators' decisions (`npm run export:decisions`, one JSON object per line) into
 * training examples for the span model. Pure: no I/O, no clock, imports nothing.
 *
 * What a decision tells us about the words of a comment:
 *
 * - approved (rescues included): a person read the whole text and let it through, so every
 *   word is a negative example: `labelled: 'all'`, `spans: []`. A highlight the filter put on
 *   an approved comment was a false positive, which is exactly what we want to learn.
 * - rejected, with verdict reasons whose rule starts with `profanity.` or `model.`: those
 *   words are positive examples and the rest is unknown (the comment may have been rejected
 *   for something else as well): `labelled: 'spans'`. This holds whoever rejected it and
 *   whatever reason text was given; the reasons are the filter's, the rejection confirms them.
 * - rejected, no such span, and the reason text speaks of offence ("thô tục", "xúc phạm",
 *   "công kích", "offensive", a `profanity.` rule…): offensive, but we cannot tell which
 *   words, so the line is skipped and counted in `skipped`.
 * - rejected for anything else (spam, off-topic, false claims, a ban, no reason at all):
 *   not about offensive words; skipped without counting.
 * - a line that is not such an object (bad JSON, missing fields, an unknown decision), or a
 *   decision on edited text (the words judged are not the words we have): skipped and counted.
 *
 * Blank lines are ignored. Spans are clipped to the text, widened so they never cut a
 * surrogate pair, sorted, and merged where they overlap; empty ones are dropped.
 */

export interface TrainingComment {
  text: string;
  spans: Array<[number, number]>;
  labelled: 'all' | 'spans';
}

/** Rules whose spans mark offensive words. */
const OFFENSIVE_RULE_PREFIXES = ['profanity.', 'model.'];

export function decisionsToTraining(lines: Iterable<string>): { examples: TrainingComment[]; skipped: number } {
  const examples: TrainingComment[] = [];
  let skipped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const outcome = lineToTraining(line);
    if (outcome === 'skip') skipped++;
    else if (outcome !== 'ignore') examples.push(outcome);
  }
  return { examples, skipped };
}

/** One line: an example, `skip` (counted) or `ignore` (not training material). */
function lineToTraining(line: string): TrainingComment | 'skip' | 'ignore' {
  const d = parseDecision(line);
  if (!d) return 'skip';
  if (d.edited) return 'skip';
  if (d.decision === 'approved') return { text: d.text, spans: [], labelled: 'all' };
  const spans = offensiveSpans(d.text, d.reasons);
  if (spans.length > 0) return { text: d.text, spans, labelled: 'spans' };
  return d.reason !== null && suggestsOffence(d.reason) ? 'skip' : 'ignore';
}

interface ParsedDecision {
  text: string;
  decision: 'approved' | 'rejected';
  reason: string | null;
  edited: boolean;
  reasons: Array<{ rule: string; start: number; end: number }>;
}

/** The fields we need, checked; null when the line is not a decision as the exporter writes it. */
function parseDecision(line: string): ParsedDecision | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const { text, decision, reason, edited, reasons } = value;
  if (typeof text !== 'string') return null;
  if (decision !== 'approved' && decision !== 'rejected') return null;
  if (reason !== undefined && reason !== null && typeof reason !== 'string') return null;
  if (edited !== undefined && typeof edited !== 'boolean') return null;
  if (reasons !== undefined && reasons !== null && !Array.isArray(reasons)) return null;
  const parsed: ParsedDecision['reasons'] = [];
  for (const r of reasons ?? []) {
    // One odd reason does not spoil the line: it is left out, like a span out of range.
    if (!isObject(r) || typeof r.rule !== 'string' || !isInteger(r.start) || !isInteger(r.end)) continue;
    parsed.push({ rule: r.rule, start: r.start, end: r.end });
  }
  return { text, decision, reason: reason ?? null, edited: edited === true, reasons: parsed };
}

function offensiveSpans(text: string, reasons: ParsedDecision['reasons']): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const r of reasons) {
    if (!OFFENSIVE_RULE_PREFIXES.some((prefix) => r.rule.startsWith(prefix))) continue;
    const span = clip(text, r.start, r.end);
    if (span) spans.push(span);
  }
  return mergeOverlapping(spans);
}

/** The span inside the text, never cutting a surrogate pair; null when nothing is left. */
function clip(text: string, start: number, end: number): [number, number] | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (e <= s) return null;
  if (s > 0 && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s--;
  if (e < text.length && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1))) e++;
  return [s, e];
}

function mergeOverlapping(spans: Array<[number, number]>): Array<[number, number]> {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [spans[0]];
  for (let i = 1; i < spans.length; i++) {
    const last = merged[merged.length - 1];
    const [s, e] = spans[i];
    if (s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Phrases of a reason text that say the comment offended. Matched on whole words of the
 * lowercased NFC text, so "tục" counts but "tiếp tục" (continue) and "thủ tục" (procedure)
 * do not. `profanity.` and `model.offensive` cover the filter's own reason texts.
 */
const OFFENCE_PHRASES = [
  'thô tục',
  'tục tĩu',
  'nói tục',
  'văng tục',
  'chửi tục',
  'xúc phạm',
  'công kích',
  'chửi',
  'lăng mạ',
  'miệt thị',
  'phỉ báng',
  'bôi nhọ',
  'thù ghét',
  'kỳ thị',
  'offensive',
  'offence',
  'offense',
  'insult',
  'insulting',
  'abusive',
  'abuse',
  'profanity',
  'profane',
  'obscene',
  'vulgar',
  'slur',
  'hate',
];
/** "tục" alone: rude, unless it is one of these words. */
const NOT_RUDE_TUC = ['tiếp tục', 'liên tục', 'thủ tục', 'phong tục', 'tục lệ', 'tục ngữ', 'lục tục', 'kế tục', 'tục danh'];

export function suggestsOffence(reason: string): boolean {
  const words = reason
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  const text = ` ${words.join(' ')} `;
  if (OFFENCE_PHRASES.some((p) => text.includes(` ${p} `))) return true;
  let rest = text;
  for (const w of NOT_RUDE_TUC) rest = rest.split(` ${w} `).join('  ');
  return rest.includes(' tục ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
