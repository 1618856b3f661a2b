import { readFileSync } from 'node:fs';
import { createFilterEngine } from '../src/filters/index.js';
const t0 = performance.now();
const engine = createFilterEngine({ siteDomains: ['baoquangtri.vn'] });
console.log('compile ms', (performance.now() - t0).toFixed(1), engine.lexiconVersion);
const lines = readFileSync('tests/fixtures/corpus/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const bad: string[] = [];
for (const c of lines) {
  const v = engine.evaluate(c.text);
  const wrong = c.label === 'clean' ? v.action !== 'pass' : v.action === 'pass';
  const weakBlock = c.tier === 'block' && v.action !== 'block';
  if (wrong || weakBlock || process.argv[2] === 'all') bad.push(`${wrong ? 'WRONG' : 'weak '} ${c.id} ${c.label}/${c.tier} → ${v.action} ${v.score} ${JSON.stringify(v.reasons.map((r) => [r.rule, r.tier, r.match]))} :: ${c.text}`);
}
console.log(bad.join('\n'));
