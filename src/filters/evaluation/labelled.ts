import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * Labelled comments for training and measuring the filter, from either source:
 * - ViHOS CSV (`content`, `index_spans`: code point positions of offensive spans);
 * - our JSONL corpus (`text`, `label`: clean | profane | spam, `tier`), or a site's decisions
 *   from `npm run export:decisions` (`text`, `decision`: approved | rejected);
 * - our marked text (`.txt`: offensive spans in [[double brackets]]).
 */
export interface LabelledComment {
  readonly id: string;
  readonly text: string;
  /** Per UTF-16 unit of `text`: 1 inside a gold offensive span. Null when the source has no spans. */
  readonly gold: Uint8Array | null;
  /** Whether the comment should be flagged (ViHOS: has a span; corpus: label is not clean). */
  readonly offensive: boolean;
  /** Corpus only: `block` comments must be blocked, `review` only flagged. */
  readonly tier?: 'block' | 'review' | 'none';
}

export function readLabelled(path: string): LabelledComment[] {
  const raw = readFileSync(path, 'utf8');
  if (path.endsWith('.csv')) return fromVihosCsv(raw);
  if (path.endsWith('.txt')) return fromMarkedText(raw);
  return fromJsonl(raw);
}

/**
 * Our hand-written comments (datasets/news-vi): one a line, offensive spans in [[double
 * brackets]], lines starting with # are headings.
 */
export function fromMarkedText(raw: string): LabelledComment[] {
  const out: LabelledComment[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    let text = '';
    const spans: Array<[number, number]> = [];
    for (const part of line.split(/(\[\[[^\]]*\]\])/)) {
      if (part.startsWith('[[') && part.endsWith(']]')) {
        const words = part.slice(2, -2);
        spans.push([text.length, text.length + words.length]);
        text += words;
      } else {
        text += part;
      }
    }
    const gold = new Uint8Array(text.length);
    for (const [start, end] of spans) gold.fill(1, start, end);
    out.push({ id: String(i + 1), text, gold, offensive: spans.length > 0 });
  });
  return out;
}

export function fromVihosCsv(raw: string): LabelledComment[] {
  const rows = parse(raw, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  return rows.map((row, i) => {
    const text = row.content ?? '';
    const positions = JSON.parse(row.index_spans || '[]') as number[];
    const gold = unitMask(text, positions);
    return { id: row[''] || String(i), text, gold, offensive: positions.length > 0 };
  });
}

function fromJsonl(raw: string): LabelledComment[] {
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => fromJsonLine(JSON.parse(line) as JsonComment, i));
}

/** A line of our corpus (`label`, `tier`) or of `npm run export:decisions` (`decision`). */
interface JsonComment {
  id?: string;
  text: string;
  label?: string;
  tier?: 'block' | 'review' | 'none';
  decision?: 'approved' | 'rejected';
}

function fromJsonLine(o: JsonComment, i: number): LabelledComment {
  const id = o.id ?? String(i + 1);
  // A site's decisions: rejected is what the filter should have flagged, approved what it should not.
  if (o.decision) return { id, text: o.text, gold: null, offensive: o.decision === 'rejected' };
  return { id, text: o.text, gold: null, offensive: (o.label ?? 'clean') !== 'clean', tier: o.tier };
}

/** Code point positions (as ViHOS counts them) to a mask over UTF-16 units. */
export function unitMask(text: string, codePoints: readonly number[]): Uint8Array {
  const units = codePointUnits(text);
  const mask = new Uint8Array(text.length);
  for (const p of codePoints) {
    const u = units[p];
    if (u === undefined) continue;
    mask[u] = 1;
    if (u + 1 < text.length && isHighSurrogate(text.charCodeAt(u))) mask[u + 1] = 1;
  }
  return mask;
}

/** UTF-16 index of each code point. */
export function codePointUnits(text: string): number[] {
  const units: number[] = [];
  for (let u = 0; u < text.length; u++) {
    units.push(u);
    if (isHighSurrogate(text.charCodeAt(u)) && u + 1 < text.length) u++;
  }
  return units;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
