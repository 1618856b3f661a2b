/**
 * Filter benchmark: our engine vs bad-words `isProfane` and `clean`, on the same comments,
 * single thread, in one run. Not part of `npm test`.
 *
 *   npm run bench:filter
 *
 * Prints compile time, comments/s for each, the ratios, and heap used. The contenders run in
 * alternating rounds over the dev corpus (cycled) after a warm-up, and each reports its median
 * round, so load from other processes on a shared machine hits both alike. Rates are per
 * second of this process's CPU time (process.cpuUsage), which a busy machine disturbs far
 * less than wall time; wall-clock rates are printed too.
 */
import { readFileSync } from 'node:fs';
import { Filter } from 'bad-words';
import { createFilterEngine } from '../src/filters/index.js';
import { loadSpanModel } from '../src/filters/model/load.js';

const corpus = readFileSync(new URL('../tests/fixtures/corpus/dev.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text);

type Contender = { name: string; fn: (text: string) => unknown; roundMs: number; rates: number[]; wall: number[] };

/** Runs `fn` over the corpus for about `ms` of wall time; comments per CPU second and per wall second. */
function round(fn: (text: string) => unknown, ms: number, offset: number): { cpu: number; wall: number } {
  let done = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  do {
    fn(corpus[(offset + done) % corpus.length]!);
    done++;
  } while ((elapsed = performance.now() - start) < ms);
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (done / (cpu.user + cpu.system)) * 1e6, wall: (done / elapsed) * 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
// The span model's share of engine start and of memory (loaded once per process, then cached).
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const tm = performance.now();
loadSpanModel();
const modelMs = performance.now() - tm;
globalThis.gc?.();
const modelRss = (process.memoryUsage().rss - rssBefore) / 1048576;
const t0 = performance.now();
const c0 = process.cpuUsage();
const engine = createFilterEngine({ siteDomains: ['baoquangtri.vn'] });
const compileMs = performance.now() - t0;
const compileCpuMs = cpuMs(c0);
const t1 = performance.now();
const c1 = process.cpuUsage();
engine.setCustom({ terms: [{ lang: 'vi', term: 'đồ tồi', tier: 'review' }], allow: [] });
const recompileMs = performance.now() - t1;
const recompileCpuMs = cpuMs(c1);
const badWords = new Filter();
// The rules alone, to show what the learned span model costs (same process, same rounds).
const rulesOnly = createFilterEngine({ siteDomains: ['baoquangtri.vn'], model: false });

const contenders: Contender[] = [
  { name: 'engine.evaluate', fn: (t) => engine.evaluate(t), roundMs: 400, rates: [], wall: [] },
  { name: 'engine, rules only', fn: (t) => rulesOnly.evaluate(t), roundMs: 400, rates: [], wall: [] },
  { name: 'bad-words isProfane', fn: (t) => badWords.isProfane(t), roundMs: 400, rates: [], wall: [] },
  { name: 'bad-words clean', fn: (t) => badWords.clean(t), roundMs: 400, rates: [], wall: [] },
];

console.log(`comments: ${corpus.length} (dev corpus, cycled), node ${process.version}, single thread`);
console.log(`span model load: ${modelMs.toFixed(1)} ms, resident memory +${modelRss.toFixed(1)} MiB (before the engine's own start below)`);
console.log(
  `engine compile: ${compileMs.toFixed(1)} ms wall, ${compileCpuMs.toFixed(1)} ms CPU (first, incl. reading lexicons); ` +
    `setCustom: ${recompileMs.toFixed(1)} ms wall, ${recompileCpuMs.toFixed(1)} ms CPU`,
);
// Generous warm-up: on a busy machine the JIT (which compiles on background threads) needs time.
for (const c of contenders) round(c.fn, 1500, 0);
const ROUNDS = 9;
for (let r = 0; r < ROUNDS; r++) {
  for (const c of contenders) {
    const { cpu, wall } = round(c.fn, c.roundMs, r * 37);
    c.rates.push(cpu);
    c.wall.push(wall);
  }
}
const [ours, rules, isProfane, clean] = contenders.map((c) => median(c.rates)) as [number, number, number, number];
contenders.forEach((c) => {
  const rates = c.rates.map((x) => x.toFixed(0)).join(' ');
  console.log(
    `${c.name.padEnd(20)} ${median(c.rates).toFixed(0).padStart(8)} comments/CPU-s  (median of ${ROUNDS} rounds: ${rates}; wall median ${median(c.wall).toFixed(0)}/s)`,
  );
});
console.log(`ratio engine / isProfane: ${(ours / isProfane).toFixed(1)}×   engine / clean: ${(ours / clean).toFixed(0)}×`);
console.log(
  `span model's cost: ${(1e6 / ours - 1e6 / rules).toFixed(1)} µs CPU a comment (rules alone ${(rules / isProfane).toFixed(1)}× isProfane)`,
);
// Each engine round runs right before its isProfane round, so a paired ratio compares runs
// under the same load; its median is the steadiest figure on a shared machine.
const paired = contenders[0]!.rates.map((r, i) => r / contenders[2]!.rates[i]!);
console.log(
  `paired ratio engine / isProfane: median ${median(paired).toFixed(1)}×  (rounds: ${paired.map((x) => x.toFixed(0)).join(' ')})`,
);
const [wOurs, , wIsProfane] = contenders.map((c) => median(c.wall)) as [number, number, number];
console.log(
  `wall-clock ratio engine / isProfane: ${(wOurs / wIsProfane).toFixed(1)}×   (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`,
);
const mem = process.memoryUsage();
console.log(`heap used: ${(mem.heapUsed / 1048576).toFixed(1)} MiB  rss: ${(mem.rss / 1048576).toFixed(1)} MiB`);
