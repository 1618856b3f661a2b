/**
 * CPU time the api process spends per request of a route, read from its own /metrics
 * (process_cpu_seconds_total) around a fixed number of requests: unlike requests/s, it barely
 * moves with what else the machine is doing, so before/after comparisons hold on a shared
 * machine. Compared with a bare Hono GET in a child process, measured the same way.
 *
 *   npx tsx bench/cpu-per-request.ts [requests=20000]
 */
import { spawn } from 'node:child_process';
import { cannon, ROOT, startService } from './lib.js';
import { freePort } from '../tests/support/ports.js';
import { stopChild } from '../tests/support/processes.js';
import { waitFor } from '../tests/support/wait.js';

const REQUESTS = Number(process.argv[2] ?? 20_000);
const ROUNDS = 3;

async function cpuSeconds(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith('process_cpu_seconds_total '));
  return Number(line?.split(' ')[1]);
}

async function microsPerRequest(url: string, metricsUrl: string): Promise<number> {
  const results: number[] = [];
  await cannon({ url, connections: 10, amount: 2_000 }); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const before = await cpuSeconds(metricsUrl);
    await cannon({ url, connections: 10, amount: REQUESTS });
    results.push((((await cpuSeconds(metricsUrl)) - before) * 1e6) / REQUESTS);
  }
  return results.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

const sut = await startService(['api']);
const port = await freePort();
// The baseline with prom-client's process metrics, so that its CPU can be read the same way.
const baseline = spawn(process.execPath, ['--import', 'tsx', 'bench/baseline-server.ts', String(port), 'metrics'], {
  cwd: ROOT,
  stdio: 'ignore',
});
try {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).ok, 60_000, 100);
  const ids = Array.from({ length: 20 }, (_, i) => `bai-viet-${i}`).join(',');
  const counts = await microsPerRequest(`${sut.api!.baseUrl}/v1/counts?articles=${ids}`, `${sut.api!.baseUrl}/metrics`);
  const bare = await microsPerRequest(`http://127.0.0.1:${port}/json`, `http://127.0.0.1:${port}/metrics`);
  console.log(
    `GET /v1/counts (20 ids): ${counts.toFixed(0)} µs CPU a request; bare Hono GET ${bare.toFixed(0)} µs; ratio bare/counts ${(bare / counts).toFixed(2)}×`,
  );
} finally {
  await stopChild(baseline, 'SIGTERM');
  await sut.stop();
}
