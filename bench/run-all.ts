/**
 * `npm run bench`: every benchmark in turn, each printing its figures (with the load average
 * at the time: on a shared machine the figures move with it). Not part of `npm test`.
 *
 *   npm run bench                          all, with the default sizes
 *   BENCH=accept,reads npm run bench       only some: accept single reads likes pipeline growth soak rehearsal
 *                                          captcha captcha-render filter
 *   BENCH_SECONDS=20                       length of each HTTP run (default 15)
 *   LIKES_RATE=500 LIKES_SECONDS=20        the likes run's steady rate and length
 *   PIPELINE_JOBS=20000                    jobs of the pipeline throughput run
 *   PIPELINE_LATENCY_SECONDS=20            length of the steady 200/s run
 *   GROWTH_ROWS=1000000                    rows of the growth run
 *   SOAK_SECONDS=600                       length of the soak (default 10 minutes)
 *   REHEARSAL_SECONDS=600                  length of the multi-node rehearsal (BENCH=rehearsal; not in the default set)
 *   REHEARSAL_FAILOVER=1                   kill -9 the Redis primary at half time of the rehearsal
 *   BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'   node flags of the service's api and
 *                                          worker processes (profiles written when they stop)
 *
 * Needs Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (fresh databases are created
 * and dropped). captcha-render and filter run bench/captcha.bench.ts and bench/filter.bench.ts
 * as child processes.
 */
import { spawnSync } from 'node:child_process';
import { benchAccept } from './accept.js';
import { benchCaptcha } from './captcha.js';
import { benchGrowth } from './growth.js';
import { load, machine, ROOT } from './lib.js';
import { benchLikes } from './likes.js';
import { benchPipeline } from './pipeline.js';
import { benchReads } from './reads.js';
import { benchRehearsal } from './rehearsal.js';
import { benchSingleProcess } from './single-process.js';
import { benchSoak } from './soak.js';

const env = process.env;
const selected = new Set((env.BENCH ?? 'accept,single,reads,likes,pipeline,growth,soak,captcha').split(',').map((s) => s.trim()));
const seconds = Number(env.BENCH_SECONDS ?? 15);

const benches: Array<[string, () => Promise<string[]>]> = [
  ['accept', () => benchAccept(seconds)],
  ['single', () => benchSingleProcess(seconds)],
  ['reads', () => benchReads(seconds)],
  ['likes', () => benchLikes(Number(env.LIKES_SECONDS ?? 20), Number(env.LIKES_RATE ?? 500))],
  ['pipeline', () => benchPipeline(Number(env.PIPELINE_JOBS ?? 20_000), Number(env.PIPELINE_LATENCY_SECONDS ?? 20))],
  ['growth', () => benchGrowth(Number(env.GROWTH_ROWS ?? 1_000_000))],
  ['soak', () => benchSoak(Number(env.SOAK_SECONDS ?? 600))],
  ['rehearsal', () => benchRehearsal(Number(env.REHEARSAL_SECONDS ?? 600), env.REHEARSAL_FAILOVER === '1')],
  ['captcha', () => benchCaptcha(Math.min(seconds, 10))],
  ['captcha-render', async () => runScript('bench/captcha.bench.ts')],
  ['filter', async () => runScript('bench/filter.bench.ts')],
];

function runScript(path: string): string[] {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path], { cwd: ROOT, encoding: 'utf8', timeout: 900_000 });
  return (result.stdout + (result.status === 0 ? '' : `\n${path} exited ${result.status}: ${result.stderr.slice(-500)}`))
    .trim()
    .split('\n');
}

console.log(`machine: ${machine()}; load at start ${load()}; ${new Date().toISOString()}`);
let failed = false;
for (const [name, run] of benches) {
  if (!selected.has(name)) continue;
  const started = Date.now();
  try {
    for (const line of await run()) console.log(line);
  } catch (error) {
    failed = true;
    console.log(`${name}: failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
  console.log(`(${name} took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
process.exit(failed ? 1 : 0);
