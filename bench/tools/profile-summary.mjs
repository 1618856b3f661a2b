/**
 * Summary of a V8 CPU profile (node --cpu-prof): self time per function and per file, in % of
 * all samples (idle included, so "(idle)" shows how much the process waited).
 *
 *   BENCH=reads BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench
 *   node bench/tools/profile-summary.mjs /tmp/prof/CPU.<…>.cpuprofile [rows]
 */
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas;
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const n = byId.get(p.samples[i]);
  const d = dt[i] ?? 0;
  total += d;
  const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*node_modules\//, 'nm/').replace(/.*\/work\/main\//, '')}:${cf.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + d);
}
const byFile = new Map();
for (const [k, v] of self) {
  const f = k
    .split(' ')[1]
    .replace(/:\d+$/, '')
    .replace(/^nm\/([^/]+(\/[^/]+)?).*/, 'nm/$1');
  byFile.set(f, (byFile.get(f) ?? 0) + v);
}
const top = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log('total ms', (total / 1000).toFixed(0));
console.log(top(self, Number(process.argv[3] ?? 35)));
console.log('--- by file');
console.log(top(byFile, 25));
