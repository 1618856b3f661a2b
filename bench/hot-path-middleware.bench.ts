/**
 * Why src/http/hot-path exists: hono/cors and hono/body-limit against the hand-written
 * replacements, on a bare @hono/node-server app with the two hot routes as the service
 * mounts them (request id, security headers and ETag from hono/*): a GET /v1/counts that
 * answers a rendered body with its ETag, and a POST /v1/comments that reads a JSON body.
 * Each variant swaps one piece for hono's. Figures and history in src/http/hot-path/README.md.
 *
 *   npx tsx bench/hot-path-middleware.bench.ts            # CPU µs per request, per variant
 *   BENCH_REQUESTS=5000 BENCH_ROUNDS=3 npx tsx bench/hot-path-middleware.bench.ts
 *
 * The server runs in a child process (this file, `serve <variant>`), autocannon here. The
 * figure is the server process's CPU time (user + system) per request, not requests/s: it
 * stays meaningful on a shared, loaded machine, where throughput mostly measures the load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { etagOf, revalidate } from '../src/http/etag.js';
import { hotPathBodyLimit, hotPathCors } from '../src/http/hot-path/index.js';
import { publicCors } from '../src/http/middleware/public-cors/index.js';
import { publicSecurityHeaders } from '../src/http/middleware/public-security-headers/index.js';

const PIECES = ['cors', 'bodyLimit'] as const;
type Piece = (typeof PIECES)[number];
/** A variant names the pieces that are hono's; `hot path` none, `hono` all. */
const ALL_VARIANTS: Record<string, Piece[]> = {
  'hot path': [],
  'hono cors': ['cors'],
  'hono body-limit': ['bodyLimit'],
  hono: [...PIECES],
};
/** BENCH_VARIANTS='hot path,hono' measures only those. */
const VARIANTS = process.env.BENCH_VARIANTS
  ? Object.fromEntries(process.env.BENCH_VARIANTS.split(',').map((name) => [name, ALL_VARIANTS[name]!]))
  : ALL_VARIANTS;
const SITE = 'https://baotinh.vn';
const config = { allowedOrigins: [SITE], isProduction: false };
const COUNTS = JSON.stringify({ counts: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`bai-viet-${i}`, i])) });
const COUNTS_ETAG = etagOf(COUNTS);
const COMMENT = JSON.stringify({
  articleId: 'bai-viet-1',
  authorName: 'Nguyễn Văn A',
  content: 'Bài viết rất hay, cảm ơn tác giả.',
  captchaId: 'x'.repeat(24),
  captchaAnswer: 'abcde',
});

function app(hono: ReadonlySet<Piece>): Hono {
  const pick = (piece: Piece, ofHono: MiddlewareHandler, own: MiddlewareHandler) => (hono.has(piece) ? ofHono : own);
  const app = new Hono();
  app.get('/cpu', (c) => c.json(process.cpuUsage()));
  app.use(requestId());
  app.use('/v1/*', pick('cors', publicCors(config), hotPathCors(config)));
  app.use('/v1/*', publicSecurityHeaders());
  app.get('/v1/counts', revalidate, (c) => {
    c.header('Cache-Control', 'public, max-age=5');
    c.header('ETag', COUNTS_ETAG);
    return c.body(COUNTS, 200, { 'Content-Type': 'application/json' });
  });
  const limit = pick('bodyLimit', bodyLimit({ maxSize: 32 * 1024 }), hotPathBodyLimit(32 * 1024));
  app.post('/v1/comments', limit, async (c) => {
    const body = (await c.req.json()) as { captchaId?: string };
    return c.json({ id: body.captchaId ?? 'x', status: 'pending' }, 202);
  });
  return app;
}

async function startServer(variant: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'serve', variant], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${line.toString().trim()}`, child };
}

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);

async function serverCpu(url: string): Promise<number> {
  const { user, system } = (await (await fetch(`${url}/cpu`)).json()) as NodeJS.CpuUsage;
  return user + system;
}

/** The server's CPU µs per request over REQUESTS requests. */
async function cpuPerRequest(server: string, options: autocannon.Options): Promise<number> {
  const before = await serverCpu(server);
  const result = await autocannon({ connections: 10, amount: REQUESTS, ...options });
  if (result.errors || result.non2xx) throw new Error(`${options.url}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return ((await serverCpu(server)) - before) / result.requests.total;
}

async function measure(variant: string): Promise<{ counts: number; comments: number }> {
  const server = await startServer(variant);
  try {
    await cpuPerRequest(server.url, { url: `${server.url}/v1/counts`, headers: { origin: SITE } }); // warm up
    const counts = await cpuPerRequest(server.url, { url: `${server.url}/v1/counts`, headers: { origin: SITE } });
    const comments = await cpuPerRequest(server.url, {
      url: `${server.url}/v1/comments`,
      method: 'POST',
      headers: { origin: SITE, 'content-type': 'application/json' },
      body: COMMENT,
    });
    return { counts, comments };
  } finally {
    server.child.kill('SIGTERM');
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const figures: Record<string, { counts: number[]; comments: number[] }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const variant of Object.keys(VARIANTS)) {
      const { counts, comments } = await measure(variant);
      (figures[variant] ??= { counts: [], comments: [] }).counts.push(counts);
      figures[variant].comments.push(comments);
    }
  }
  const base = { counts: median(figures['hot path']!.counts), comments: median(figures['hot path']!.comments) };
  const pct = (value: number, base: number) => `${value >= base ? '+' : ''}${(((value - base) / base) * 100).toFixed(0)}%`;
  console.log(`server CPU µs per request, median of ${rounds} rounds of ${REQUESTS} requests (10 connections); lower is better`);
  console.log('variant                 GET /v1/counts        POST /v1/comments');
  for (const [variant, { counts, comments }] of Object.entries(figures)) {
    const c = median(counts);
    const p = median(comments);
    console.log(
      `${variant.padEnd(22)}  ${c.toFixed(0).padStart(6)} (${pct(c, base.counts).padStart(4)})     ${p.toFixed(0).padStart(6)} (${pct(p, base.comments).padStart(4)})`,
    );
  }
}

if (process.argv[2] === 'serve') {
  const variant = process.argv[3] ?? 'hot path';
  const server = serve({ fetch: app(new Set(ALL_VARIANTS[variant])).fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
    process.stdout.write(`${info.port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  await main();
}
