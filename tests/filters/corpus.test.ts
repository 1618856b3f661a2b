import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFilterEngine, type Verdict } from '../../src/filters/index.js';

/**
 * The dev corpus (250 labelled comments) against the quality bar:
 * recall of profane and spam (action ≠ pass) ≥ 0.97; clean comments flagged ≤ 2 %; no clean
 * comment blocked; block-tier comments blocked ≥ 85 %. Prints the figures per label, tier and
 * kind. The site's own domain is configured as the worker would configure it.
 */
interface Line {
  id: string;
  text: string;
  label: 'clean' | 'profane' | 'spam';
  tier: 'none' | 'review' | 'block';
  kind: string;
}

const lines: Line[] = readFileSync(new URL('../fixtures/corpus/dev.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Line);
const engine = createFilterEngine({ siteDomains: ['baoquangtri.vn'] });
const judged = lines.map((line) => ({ line, verdict: engine.evaluate(line.text) }));

const isWrong = ({ line, verdict }: { line: Line; verdict: Verdict }) =>
  line.label === 'clean' ? verdict.action !== 'pass' : verdict.action === 'pass';

function share(group: typeof judged, ok: (j: (typeof judged)[number]) => boolean): string {
  const n = group.filter(ok).length;
  return `${n}/${group.length} (${((100 * n) / Math.max(1, group.length)).toFixed(1)} %)`;
}

describe('dev corpus', () => {
  const flagged = judged.filter((j) => j.line.label !== 'clean');
  const clean = judged.filter((j) => j.line.label === 'clean');
  const blockTier = judged.filter((j) => j.line.tier === 'block');

  it('prints the figures', () => {
    const rows = [
      `recall profane+spam (≠ pass): ${share(flagged, (j) => !isWrong(j))}`,
      `  profane: ${share(
        flagged.filter((j) => j.line.label === 'profane'),
        (j) => !isWrong(j),
      )}`,
      `  spam:    ${share(
        flagged.filter((j) => j.line.label === 'spam'),
        (j) => !isWrong(j),
      )}`,
      `clean flagged (≠ pass): ${share(clean, isWrong)}; clean blocked: ${share(clean, (j) => j.verdict.action === 'block')}`,
      `block-tier blocked: ${share(blockTier, (j) => j.verdict.action === 'block')}`,
      `  profane block-tier: ${share(
        blockTier.filter((j) => j.line.label === 'profane'),
        (j) => j.verdict.action === 'block',
      )}`,
      `  spam block-tier:    ${share(
        blockTier.filter((j) => j.line.label === 'spam'),
        (j) => j.verdict.action === 'block',
      )}`,
      'by kind (right / total):',
      ...[...new Set(lines.map((l) => l.kind))].sort().map((kind) => {
        const group = judged.filter((j) => j.line.kind === kind);
        return `  ${kind.padEnd(12)} ${share(group, (j) => !isWrong(j))}`;
      }),
      ...judged.filter(isWrong).map((j) => `  WRONG ${j.line.id} ${j.line.label} → ${j.verdict.action}: ${j.line.text}`),
    ];
    console.log(rows.join('\n'));
  });

  it('recalls ≥ 97 % of profane and spam comments', () => {
    expect(flagged.filter((j) => !isWrong(j)).length / flagged.length).toBeGreaterThanOrEqual(0.97);
  });

  it('flags ≤ 2 % of clean comments and blocks none', () => {
    expect(clean.filter(isWrong).length / clean.length).toBeLessThanOrEqual(0.02);
    expect(clean.filter((j) => j.verdict.action === 'block').map((j) => j.line.id)).toEqual([]);
  });

  it('blocks ≥ 85 % of block-tier comments', () => {
    expect(blockTier.filter((j) => j.verdict.action === 'block').length / blockTier.length).toBeGreaterThanOrEqual(0.85);
  });

  it('every reason’s match is its span of the comment', () => {
    for (const { line, verdict } of judged) {
      for (const r of verdict.reasons) expect(line.text.slice(r.start, r.end)).toBe(r.match);
    }
  });
});
