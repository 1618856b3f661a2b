/**
 * The baseline of the HTTP benchmarks: a bare Hono JSON route on @hono/node-server. With a
 * second argument `metrics` it also serves prom-client's process metrics on /metrics, so that
 * bench/cpu-per-request.ts can read its CPU time the way it reads the service's.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { collectDefaultMetrics, Registry } from 'prom-client';

const app = new Hono();
app.get('/json', (c) => c.json({ ok: true, counts: { a: 1, b: 2 } }));
app.post('/json', async (c) => {
  const body = (await c.req.json()) as Record<string, unknown>;
  return c.json({ id: String(body.captchaId ?? 'x'), status: 'pending' }, 202);
});
if (process.argv[3] === 'metrics') {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  app.get('/metrics', async (c) => c.text(await registry.metrics()));
}
serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 8099), hostname: '127.0.0.1' });
