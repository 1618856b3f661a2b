/**
 * Decision latency, bulk and public read throughput on a real service (test harness: own
 * database and Redis prefix). Run: `npx tsx bench/decisions.bench.ts postgres|pglite`.
 */
import autocannon from 'autocannon';
import { insertComment } from '../tests/support/comments.js';
import { adminEnv, login } from '../tests/support/moderators.js';
import { startTestService } from '../tests/support/service.js';

const engine = (process.argv[2] ?? 'postgres') as 'postgres' | 'pglite';
const svc = await startTestService({ engine, env: adminEnv });
try {
  const admin = await login(svc);
  const ids: string[] = [];
  for (let i = 0; i < 200; i++) ids.push((await insertComment(svc.services, { articleId: `a${i % 20}` })).id);
  const times: number[] = [];
  for (const id of ids.slice(0, 100)) {
    const t = performance.now();
    const res = await admin.post(`/admin/api/comments/${id}/approve`, {});
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${engine}: approve latency p50 ${times[50].toFixed(1)} ms, p95 ${times[95].toFixed(1)} ms, max ${times[99].toFixed(1)} ms`);
  const t = performance.now();
  const bulk = await admin.post('/admin/api/comments/bulk', { ids: ids.slice(100), action: 'approve' });
  await bulk.arrayBuffer();
  console.log(`${engine}: bulk approve of 100 ids ${(performance.now() - t).toFixed(0)} ms (status ${bulk.status})`);
  const articles = Array.from({ length: 20 }, (_, i) => `a${i}`).join(',');
  const result = await autocannon({ url: `${svc.baseUrl}/v1/counts?articles=${articles}`, connections: 20, duration: 5 });
  console.log(
    `${engine}: GET /v1/counts (20 ids) ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
  );
  const list = await autocannon({ url: `${svc.baseUrl}/v1/articles/a1/comments`, connections: 20, duration: 5 });
  console.log(
    `${engine}: GET /v1/articles/a1/comments ${list.requests.average} req/s, p50 ${list.latency.p50} ms, p99 ${list.latency.p99} ms, non-2xx ${list.non2xx}`,
  );
} finally {
  await svc.stop();
}
