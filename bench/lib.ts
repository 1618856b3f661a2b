/**
 * Shared pieces of the benchmarks: the machine's description, child servers (the service's
 * own `src/main.ts api|worker`, and a bare Hono baseline), autocannon runs, and figures.
 * Servers run in child processes so that the load generator does not share their event loop.
 */
import autocannon from 'autocannon';
import { cpus, loadavg, totalmem } from 'node:os';
import { createTestDatabase, type TestDatabase } from '../tests/support/database.js';
import { testEnv } from '../tests/support/env.js';
import { uniqueName } from '../tests/support/names.js';
import { freePort } from '../tests/support/ports.js';
import { type ServiceProcess, startServiceProcess, stopChild } from '../tests/support/processes.js';
import { deleteRedisPrefix, REDIS_URL } from '../tests/support/redis.js';
import { waitFor } from '../tests/support/wait.js';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export interface Figures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  load: string;
}

export interface CannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests?: autocannon.Request[];
  method?: autocannon.Request['method'];
  headers?: Record<string, string>;
  body?: string;
  /** Requests per second over all connections (unset: as fast as possible). */
  overallRate?: number;
}

export async function cannon(options: CannonOptions): Promise<Figures> {
  // autocannon treats a key set to undefined as a value (an undefined method fails): leave unset keys out.
  const defined = Object.fromEntries(
    Object.entries({ ...options, duration: options.amount ? undefined : (options.duration ?? 10), timeout: 10 }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as unknown as autocannon.Options;
  const result = await autocannon(defined);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    load: load(),
  };
}

export const show = (f: Figures) =>
  `${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms (${f.requests} requests, ${f.non2xx} non-2xx, ${f.errors} errors; load ${f.load})`;

/** A bare Hono app on @hono/node-server: GET /json and POST /json (parses the body, answers 202). */
export async function startBaseline(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/baseline-server.ts', String(port)], { cwd: ROOT, stdio: 'ignore' });
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/json`)).ok, 60_000, 100);
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child, 'SIGTERM') };
}

/** The stack floor (bench/floor-server.ts): bare Hono + one BullMQ add, and bodies of a given size. */
export async function startFloor(queuePrefix: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts', String(port), REDIS_URL, queuePrefix], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/json`)).ok, 60_000, 100);
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child, 'SIGTERM');
      await deleteRedisPrefix(queuePrefix);
    },
  };
}

/** One sample of a Prometheus text exposition (first series matching name and labels). */
/** The sum of every series of `name` (all label sets) in a Prometheus text. */
export function metricSum(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

export async function scrape(baseUrl: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name}{`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
}

/**
 * prom-client samples the loop with a 10 ms timer (monitorEventLoopDelay, resolution 10) and
 * its lag figures are whole timer intervals: an idle process reads p99 10.2 ms, min 9.1 ms
 * (checked with prom-client 15.1 on Node 20). The delay is what exceeds the interval.
 */
const LAG_SAMPLING_INTERVAL_MS = 10;

/**
 * The event-loop delay p99 (ms) of a service process since its previous scrape: prom-client
 * resets its delay histogram on every collection, so scrape once before the window to start it.
 */
export const eventLoopP99 = async (baseUrl: string) =>
  Math.max(0, (await scrape(baseUrl, 'nodejs_eventloop_lag_p99_seconds')) * 1000 - LAG_SAMPLING_INTERVAL_MS);

export interface ServiceUnderTest {
  prefix: string;
  database: TestDatabase;
  env: Record<string, string>;
  api?: ServiceProcess;
  worker?: ServiceProcess;
  stop(): Promise<void>;
}

/** A fresh database and Redis prefix, with `src/main.ts api` and/or `worker` children on them. */
export async function startService(
  roles: Array<'api' | 'worker' | 'all'>,
  extraEnv: Record<string, string> = {},
): Promise<ServiceUnderTest> {
  const prefix = uniqueName('bench');
  const database = await createTestDatabase();
  const env = testEnv(prefix, {
    REDIS_URL,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_COMMENTS: '999999/60',
    RATE_LIMIT_CAPTCHAS: '999999/60',
    ...extraEnv,
    // e.g. BENCH_SERVICE_ENV='WORKER_CONCURRENCY=16 CAPTCHA_RENDER_THREADS=1': settings to compare.
    ...Object.fromEntries(
      (process.env.BENCH_SERVICE_ENV ?? '')
        .split(' ')
        .filter(Boolean)
        .map((kv) => kv.split('=', 2)),
    ),
  });
  const sut: ServiceUnderTest = {
    prefix,
    database,
    env,
    async stop() {
      await sut.api?.stop('SIGTERM');
      await sut.worker?.stop('SIGTERM');
      await deleteRedisPrefix(prefix);
      await database.drop();
    },
  };
  // The api first: it runs the migrations.
  // e.g. BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof': profiles of the service's processes.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // 'all' is `npm start`: api and workers in one process (in sut.api, it serves the api).
  if (roles.includes('all')) sut.api = await startServiceProcess('all', env, { nodeArgs });
  else if (roles.includes('api')) sut.api = await startServiceProcess('api', env, { nodeArgs });
  if (roles.includes('worker')) sut.worker = await startServiceProcess('worker', env, { nodeArgs });
  return sut;
}

export const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
export const verdict = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');
