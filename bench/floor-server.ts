/**
 * The stack floor: what our own stack costs at the least. A bare Hono app on @hono/node-server
 * whose POST /v1/comments parses the body and adds one BullMQ job (as the accept path does,
 * jobId included), and whose GET /sized/:bytes answers a JSON body of that many bytes with
 * no-store (the shape of GET /v1/captcha, without Redis). Nothing consumes the jobs.
 *
 *   node --import tsx bench/floor-server.ts <port> <redis url> <queue prefix> [metrics]
 *
 * With `metrics` it also serves prom-client's process metrics on /metrics, so that
 * bench/cpu-per-request.ts can read its CPU time the way it reads the service's.
 */
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Queue } from 'bullmq';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
import { collectDefaultMetrics, Registry } from 'prom-client';

const [port, redisUrl, prefix, withMetrics] = process.argv.slice(2);
const queue = new Queue('moderation', { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix });
const bodies = new Map<number, string>();

const app = new Hono();
app.get('/json', (c) => c.json({ ok: true }));
app.post('/v1/comments', async (c) => {
  const body = (await c.req.json()) as Record<string, unknown>;
  const id = randomUUID();
  await queue.add('moderate', { comment: { id, ...body } }, { jobId: id, removeOnComplete: true });
  return c.json({ id, status: 'pending' }, 202);
});
app.get('/sized/:bytes', (c) => {
  const bytes = Number(c.req.param('bytes'));
  let body = bodies.get(bytes);
  if (body === undefined) {
    const skeleton = JSON.stringify({ id: 'x'.repeat(24), image: 'data:image/png;base64,', expiresIn: 300 });
    body = JSON.stringify({
      id: 'x'.repeat(24),
      image: `data:image/png;base64,${'A'.repeat(Math.max(0, bytes - skeleton.length))}`,
      expiresIn: 300,
    });
    bodies.set(bytes, body);
  }
  c.header('cache-control', 'no-store');
  return c.body(body, 200, { 'content-type': 'application/json' });
});
if (withMetrics === 'metrics') {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  app.get('/metrics', async (c) => c.text(await registry.metrics()));
}
// Exit on SIGTERM rather than die of it, so that --cpu-prof writes its profile.
process.on('SIGTERM', () => process.exit(0));
serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' });
