/** The baseline of the HTTP benchmarks: a bare Hono JSON route on @hono/node-server. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/json', (c) => c.json({ ok: true, counts: { a: 1, b: 2 } }));
app.post('/json', async (c) => {
  const body = (await c.req.json()) as Record<string, unknown>;
  return c.json({ id: String(body.captchaId ?? 'x'), status: 'pending' }, 202);
});
serve({ fetch: app.fetch, port: Number(process.argv[2] ?? 8099), hostname: '127.0.0.1' });
