/**
 * The filter end to end, as a newsroom would run it on an export: `npm run --silent filter`
 * reading N comments on standard input and writing N verdicts, process start and model
 * loading included, against bad-words' `isProfane` on the same comments in one process.
 * Not part of `npm test`.
 *
 *   npm run bench:filter-cli            (FILTER_CLI_LINES=100000 by default)
 *
 * The comments are the dev corpus and the ViHOS dev split, cycled to N lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Filter } from 'bad-words';
import { readLabelled } from '../src/filters/evaluation/labelled.js';

const lines = Number(process.env.FILTER_CLI_LINES ?? 100_000);
const root = new URL('..', import.meta.url).pathname;
const source = [...readLabelled(join(root, 'tests/fixtures/corpus/dev.jsonl')), ...readLabelled(join(root, 'datasets/vihos/dev.csv'))].map(
  (c) => c.text.replace(/\s*\n\s*/g, ' '),
);
const comments = Array.from({ length: lines }, (_, i) => source[i % source.length]!);
const input = join(mkdtempSync(join(tmpdir(), 'filter-cli-')), 'comments.txt');
writeFileSync(input, `${comments.join('\n')}\n`);

// The command line, as `npm run --silent filter` starts it (tsx, then the model and lexicons).
const started = performance.now();
const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/filters/cli.ts'], {
  cwd: root,
  input: readFileSync(input),
  maxBuffer: 1 << 30,
});
const cliSeconds = (performance.now() - started) / 1000;
if (run.status !== 0) throw new Error(`filter exited ${run.status}: ${run.stderr.toString().slice(-500)}`);
const verdicts = run.stdout.toString().trim().split('\n').length;
if (verdicts !== lines) throw new Error(`expected ${lines} verdicts, got ${verdicts}`);

// isProfane over the same comments, in process: no start-up cost counted for it.
const badWords = new Filter();
const t0 = performance.now();
for (const c of comments) badWords.isProfane(c);
const badWordsSeconds = (performance.now() - t0) / 1000;

console.log(
  `filter CLI end to end: ${lines} comments in ${cliSeconds.toFixed(2)} s (${Math.round(lines / cliSeconds)}/s, start-up included)`,
);
console.log(`bad-words isProfane in process: ${badWordsSeconds.toFixed(2)} s (${Math.round(lines / badWordsSeconds)}/s)`);
console.log(`ratio CLI / isProfane: ${(badWordsSeconds / cliSeconds).toFixed(1)}×   (load average ${loadavg()[0]!.toFixed(1)})`);
