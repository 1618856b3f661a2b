/**
 * `npm run eval:filter -- FILE [--no-model] [--model PATH] [--json]`: measures the filter on
 * labelled comments: a ViHOS CSV (span F1 as in the paper), our JSONL corpus, a site's
 * decisions (`npm run export:decisions`), or our [[marked]] text.
 *
 * Prints span F1, comment-level recall, the share of clean comments flagged, block precision
 * and the throughput. `--no-model` measures the rules alone; `--model` another model file.
 */
import { parseArgs } from 'node:util';
import { createFilterEngine } from '../index.js';
import { evaluateFile } from './evaluate.js';
import { formatFigures } from './figures.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-model': { type: 'boolean', default: false }, model: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: npm run eval:filter -- FILE.csv|FILE.jsonl|FILE.txt [--no-model] [--model PATH] [--json]\n');
  process.exit(2);
}
const started = performance.now();
const engine = createFilterEngine({ model: values['no-model'] ? false : values.model });
const startMs = performance.now() - started;
const { figures, commentsPerCpuSecond } = evaluateFile(engine, file);
if (values.json) {
  console.log(JSON.stringify({ file, ...figures, commentsPerCpuSecond, engineStartMs: startMs }));
} else {
  console.log(`${file}: ${values['no-model'] ? 'rules only' : `rules + model (${values.model ?? 'built-in'})`}`);
  console.log(formatFigures(figures));
  console.log(`throughput          ${Math.round(commentsPerCpuSecond)} comments per CPU-second (engine start ${startMs.toFixed(0)} ms)`);
}
