/**
 * CPU time a process spends per request of a route, read from its own /metrics
 * (process_cpu_seconds_total) around a fixed number of requests: unlike requests/s, it barely
 * moves with what else the machine is doing, so before/after comparisons hold on a shared
 * machine. Each route is compared with its yardstick, measured the same way in the same run.
 *
 *   npx tsx bench/cpu-per-request.ts [requests=20000]            GET /v1/counts (20 ids) vs a bare Hono GET
 *   npx tsx bench/cpu-per-request.ts comments [requests=20000]   POST /v1/comments (api role, pre-issued
 *                                                                captchas, 50 connections) vs the stack
 *                                                                floor (bench/floor-server.ts)
 *
 *   CPU_ROUNDS=5                 rounds per server (the median is the figure; the least is shown too)
 *   BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'   node flags of the servers measured
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type autocannon from 'autocannon';
import { commentBody, seedCaptchas } from '../tests/support/load.js';
import { freePort } from '../tests/support/ports.js';
import { stopChild } from '../tests/support/processes.js';
import { deleteRedisPrefix, REDIS_URL } from '../tests/support/redis.js';
import { waitFor } from '../tests/support/wait.js';
import { cannon, ROOT, startService } from './lib.js';

const MODE = process.argv[2] === 'comments' ? 'comments' : 'counts';
const REQUESTS = Number((MODE === 'comments' ? process.argv[3] : process.argv[2]) ?? 20_000);
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 3);
const WARM_UP = 2_000;

async function cpuSeconds(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith('process_cpu_seconds_total '));
  return Number(line?.split(' ')[1]);
}

interface Load {
  url: string;
  connections: number;
  /** A fresh set of requests for `count` sends (POST bodies must not repeat). */
  requests?: (count: number) => autocannon.Request[];
}

/** The median over ROUNDS of CPU µs per request, and every round's figure. */
async function microsPerRequest(load: Load, metricsUrl: string): Promise<{ median: number; rounds: number[] }> {
  const send = (amount: number) => cannon({ url: load.url, connections: load.connections, amount, requests: load.requests?.(amount) });
  await send(WARM_UP);
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = await cpuSeconds(metricsUrl);
    const figures = await send(REQUESTS);
    if (figures.non2xx > 0 || figures.errors > 0) throw new Error(`${load.url}: ${figures.non2xx} non-2xx, ${figures.errors} errors`);
    rounds.push((((await cpuSeconds(metricsUrl)) - before) * 1e6) / REQUESTS);
  }
  return { median: [...rounds].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!, rounds };
}

/** A bench server in a child process, ready once its /metrics answers. */
async function child(script: string, args: string[]): Promise<{ baseUrl: string; process: ChildProcess }> {
  const port = await freePort();
  // BENCH_NODE_ARGS (e.g. --cpu-prof) apply to it as to the service's processes.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const process_ = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, String(port), ...args], { cwd: ROOT, stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${baseUrl}/metrics`)).ok, 60_000, 100);
  return { baseUrl, process: process_ };
}

const show = (r: { median: number; rounds: number[] }) =>
  `${r.median.toFixed(0)} µs (least ${Math.min(...r.rounds).toFixed(0)}; rounds ${r.rounds.map((x) => x.toFixed(0)).join(', ')})`;

async function counts(): Promise<void> {
  const sut = await startService(['api']);
  // The baseline with prom-client's process metrics, so that its CPU can be read the same way.
  const baseline = await child('bench/baseline-server.ts', ['metrics']);
  try {
    const ids = Array.from({ length: 20 }, (_, i) => `bai-viet-${i}`).join(',');
    const api = await microsPerRequest(
      { url: `${sut.api!.baseUrl}/v1/counts?articles=${ids}`, connections: 10 },
      `${sut.api!.baseUrl}/metrics`,
    );
    const bare = await microsPerRequest({ url: `${baseline.baseUrl}/json`, connections: 10 }, `${baseline.baseUrl}/metrics`);
    console.log(
      `GET /v1/counts (20 ids): ${show(api)} CPU a request; bare Hono GET ${show(bare)}; ratio bare/counts ${(bare.median / api.median).toFixed(2)}×`,
    );
  } finally {
    await stopChild(baseline.process, 'SIGTERM');
    await sut.stop();
  }
}

async function comments(): Promise<void> {
  const sut = await startService(['api']);
  const floorPrefix = `${sut.prefix}-floor`;
  const floor = await child('bench/floor-server.ts', [REDIS_URL, floorPrefix, 'metrics']);
  try {
    const total = WARM_UP + ROUNDS * REQUESTS;
    const captchas = await seedCaptchas(REDIS_URL, sut.prefix, total);
    let next = 0; // one counter for both servers: every body unique, every captcha used once by the api
    const requests = (path: string) => (): autocannon.Request[] => [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const n = next++;
          return { ...req, body: JSON.stringify(commentBody(captchas[n % captchas.length]!, n, `bai-${n % 50}`)) };
        },
      },
    ];
    const api = await microsPerRequest(
      { url: sut.api!.baseUrl, connections: 50, requests: requests('/v1/comments') },
      `${sut.api!.baseUrl}/metrics`,
    );
    next = 0;
    const bare = await microsPerRequest(
      { url: floor.baseUrl, connections: 50, requests: requests('/v1/comments') },
      `${floor.baseUrl}/metrics`,
    );
    console.log(
      `POST /v1/comments (api role): ${show(api)} CPU a request; stack floor ${show(bare)}; ratio floor/api ${(bare.median / api.median).toFixed(2)}×`,
    );
  } finally {
    await stopChild(floor.process, 'SIGTERM');
    await deleteRedisPrefix(floorPrefix);
    await sut.stop();
  }
}

await (MODE === 'comments' ? comments() : counts());
