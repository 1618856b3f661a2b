/**
 * `npm run train:filter [-- options]`: learns the span model and writes its data file.
 *
 *   --train FILE       labelled comments to learn from, repeatable (default: datasets/vihos/train.csv
 *                      and datasets/news-vi/comments.txt; .csv ViHOS, .txt [[marked]] spans)
 *   --decisions FILE   also learn from this site's decisions (`npm run export:decisions`); repeatable
 *   --out FILE         where to write the model (default src/filters/model/span-model.bin)
 *   --dev FILE         measure the new model here afterwards (default datasets/vihos/dev.csv when present)
 *   --seed N           training order (default 1): the same data and seed give the same file, byte for byte
 *
 * Prints the cross-validated figures that chose the thresholds, then the dev figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { createFilterEngine } from '../../index.js';
import { loadBuiltinLexicon } from '../../lexicons/load.js';
import { createMatcher } from '../../matcher/index.js';
import { readLabelled } from '../../evaluation/labelled.js';
import { evaluateFile } from '../../evaluation/evaluate.js';
import { formatFigures } from '../../evaluation/figures.js';
import { decisionsToTraining } from '../decisions.js';
import { encodeModel } from '../model-file.js';
import { BUILTIN_MODEL_FILE } from '../load.js';
import { DEFAULT_FIT, DEFAULT_TRAINING_FILES, fromDecisions, fromLabelled, weightOf } from './defaults.js';
import { fitSpanModel } from './fit.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string', multiple: true, default: DEFAULT_TRAINING_FILES },
    decisions: { type: 'string', multiple: true, default: [] },
    out: { type: 'string' },
    dev: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const started = performance.now();
const texts = values.train!.flatMap((file) => {
  const comments = fromLabelled(readLabelled(file), weightOf(file));
  log(`training data: ${comments.length} comments from ${file}`);
  return comments;
});
for (const file of values.decisions!) {
  const { examples, skipped } = decisionsToTraining(readFileSync(file, 'utf8').split('\n'));
  texts.push(...fromDecisions(examples));
  log(`site decisions: ${examples.length} comments from ${file} (${skipped} skipped: offensive without spans, or unreadable)`);
}

const matcher = createMatcher(loadBuiltinLexicon().entries);
const fitted = fitSpanModel(texts, matcher, { ...DEFAULT_FIT, seed: Number(values.seed), log });
const out = values.out ?? fileURLToPath(new URL(`../${BUILTIN_MODEL_FILE}`, import.meta.url));
const bytes = encodeModel(fitted.model);
writeFileSync(out, bytes);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
log(
  `wrote ${out}: ${(bytes.length / 1024).toFixed(0)} KiB, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}, in ${seconds} s`,
);

console.log('cross-validated on the training comments (rules + model):');
console.log(formatFigures(fitted.crossValidated));
const dev = values.dev ?? (existsSync('datasets/vihos/dev.csv') ? 'datasets/vihos/dev.csv' : undefined);
if (dev) {
  console.log(`\n${dev} (never used in training):`);
  const result = evaluateFile(createFilterEngine({ model: out }), dev);
  console.log(formatFigures(result.figures));
}
