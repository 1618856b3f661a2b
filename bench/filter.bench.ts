/**
 * Filter benchmark: our engine vs bad-words `isProfane` and `clean`, on the same comments,
 * single thread, in one run. Not part of `npm test`.
 *
 *   npm run bench:filter
 *
 * Prints compile time, comments/s for each, the ratios, and heap used. Each contender runs
 * for a fixed time budget over the dev corpus (cycled), after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { Filter } from 'bad-words';
import { createFilterEngine } from '../src/filters/index.js';

const corpus = readFileSync(new URL('../tests/fixtures/corpus/dev.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text);

function measure(name: string, fn: (text: string) => unknown, budgetMs: number): number {
  const warmUntil = performance.now() + Math.min(500, budgetMs / 4);
  for (let i = 0; performance.now() < warmUntil; i++) fn(corpus[i % corpus.length]!);
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  while ((elapsed = performance.now() - start) < budgetMs) {
    for (let k = 0; k < 10; k++) fn(corpus[(done + k) % corpus.length]!);
    done += 10;
  }
  const perSecond = (done / elapsed) * 1000;
  console.log(`${name.padEnd(22)} ${perSecond.toFixed(0).padStart(9)} comments/s  (${done} in ${elapsed.toFixed(0)} ms)`);
  return perSecond;
}

const t0 = performance.now();
const engine = createFilterEngine({ siteDomains: ['baoquangtri.vn'] });
const compileMs = performance.now() - t0;
const t1 = performance.now();
engine.setCustom({ terms: [{ lang: 'vi', term: 'đồ tồi', tier: 'review' }], allow: [] });
const recompileMs = performance.now() - t1;
const badWords = new Filter();

console.log(`comments: ${corpus.length} (dev corpus, cycled)  node ${process.version}`);
console.log(`engine compile: ${compileMs.toFixed(1)} ms (first, incl. reading lexicons); setCustom: ${recompileMs.toFixed(1)} ms`);
const ours = measure('engine.evaluate', (t) => engine.evaluate(t), 3000);
const isProfane = measure('bad-words isProfane', (t) => badWords.isProfane(t), 3000);
const clean = measure('bad-words clean', (t) => badWords.clean(t), 3000);
console.log(`ratio vs isProfane: ${(ours / isProfane).toFixed(1)}×   vs clean: ${(ours / clean).toFixed(0)}×`);
const mem = process.memoryUsage();
console.log(`heap used: ${(mem.heapUsed / 1048576).toFixed(1)} MiB  rss: ${(mem.rss / 1048576).toFixed(1)} MiB`);
