/**
 * Splits a comment into plain and highlighted segments from the verdict's reasons.
 * `start`/`end` are UTF-16 offsets into the stored content (as JavaScript strings index),
 * so slicing here gives exactly the words the filter matched. Overlapping matches merge into
 * one highlight naming every rule; out-of-range or empty offsets are ignored, never trusted.
 * The segments are rendered by JSX, which escapes them.
 */
import type { Reason } from '../../filters/index.js';

export interface Segment {
  text: string;
  /** Rules matching this part; empty for plain text. */
  rules: string[];
  /** The strongest tier among them. */
  tier: 'review' | 'block' | null;
}

export function highlightSegments(content: string, reasons: readonly Reason[] | undefined): Segment[] {
  const ranges = (reasons ?? [])
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end > r.start)
    .map((r) => ({ start: r.start, end: Math.min(r.end, content.length), rule: r.rule, tier: r.tier }))
    .filter((r) => r.start < content.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // Cut at every boundary, then label each piece with the ranges covering it.
  const cuts = new Set<number>([0, content.length]);
  for (const r of ranges) cuts.add(r.start).add(r.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const to = points[i + 1];
    const covering = ranges.filter((r) => r.start <= from && r.end >= to);
    const rules = [...new Set(covering.map((r) => r.rule))];
    const tier = covering.some((r) => r.tier === 'block') ? 'block' : covering.length ? 'review' : null;
    const previous = segments[segments.length - 1];
    // Adjacent pieces with the same labels join, so one match is one <mark>.
    if (previous && previous.tier === tier && previous.rules.join() === rules.join()) previous.text += content.slice(from, to);
    else segments.push({ text: content.slice(from, to), rules, tier });
  }
  return segments.filter((s) => s.text !== '');
}
