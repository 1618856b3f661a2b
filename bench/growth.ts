/**
 * 5. Growth: the moderator's pending first page, an article's public list and the counts,
 * timed with 10,000 comments and again with 1,000,000 (seeded with INSERT … SELECT
 * generate_series into a fresh database). Goal: each within 2× its time at 10,000.
 *
 * Rows: 1,000 articles; 80 % approved, 15 % pending, 5 % rejected; created over a year.
 * Each figure is the median of sequential requests (no concurrency: this is query cost).
 * Count caches are bypassed for counts by asking for ids not yet cached each time.
 */
import pg from 'pg';
import { load, startService, verdict } from './lib.js';

const ADMIN = { ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'mat-khau-do-hieu-nang' };

export async function seed(db: pg.Client, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 250_000) {
    const end = Math.min(to, start + 250_000) - 1;
    await db.query(
      `INSERT INTO comments (id, article_id, author_name, author_email, ip, content, status, verdict, verdict_action, created_at, moderated_at, decided_by, decided_at, published_at)
       SELECT 'seed-' || lpad(g::text, 8, '0'),
              'bai-' || (g % 1000),
              'Bạn đọc ' || g,
              CASE WHEN g % 3 = 0 THEN 'ban' || g || '@example.vn' END,
              '203.0.113.' || (g % 250),
              'Bình luận số ' || g || ': đường sá ở xã cần sửa sớm, mong chính quyền quan tâm.',
              s.status,
              '{"action":"pass","score":0,"reasons":[]}'::jsonb,
              'pass',
              now() - ((1000000 - g) || ' seconds')::interval * 30,
              now(),
              CASE WHEN s.status <> 'pending' THEN 'filter' END,
              CASE WHEN s.status <> 'pending' THEN now() END,
              CASE WHEN s.status = 'approved' THEN now() END
         FROM generate_series($1::int, $2::int) g
         CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 < 16 THEN 'approved' WHEN g % 20 < 19 THEN 'pending' ELSE 'rejected' END AS status) s`,
      [start, end],
    );
  }
  await db.query(`INSERT INTO article_counts (article_id, approved_count)
                  SELECT article_id, count(*) FROM comments WHERE status = 'approved' GROUP BY article_id
                  ON CONFLICT (article_id) DO UPDATE SET approved_count = EXCLUDED.approved_count`);
  // A table in service is vacuumed and checkpointed, not freshly bulk-loaded: without this the
  // large measurement ran while autovacuum and a checkpoint worked through the new rows, and
  // the first reads of each page set hint bits (writes). Both sizes are measured this way.
  await db.query('VACUUM (ANALYZE) comments');
  await db.query('VACUUM (ANALYZE) article_counts');
  await db.query('CHECKPOINT');
}

async function median(times: number, fn: (i: number) => Promise<Response>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const res = await fn(i);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`growth: HTTP ${res.status} for ${res.url}`);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export async function benchGrowth(large = 1_000_000): Promise<string[]> {
  const sut = await startService(['api'], ADMIN);
  const db = new pg.Client({ connectionString: sut.database.url });
  await db.connect();
  const base = sut.api!.baseUrl;
  try {
    const loginRes = await fetch(`${base}/admin/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }),
    });
    const cookie = loginRes.headers.getSetCookie()[0].split(';')[0];
    let round = 0;
    const measure = async () => {
      round++;
      await warmUp();
      return {
        pending: await median(30, () => fetch(`${base}/admin/api/comments?status=pending&limit=50`, { headers: { cookie } })),
        list: await median(30, (i) => fetch(`${base}/v1/articles/bai-${(i * 7) % 1000}/comments?limit=50`)),
        // Fresh ids each request (a prefix per round) so the memory and Redis caches miss.
        counts: await median(30, (i) =>
          fetch(
            `${base}/v1/counts?articles=${Array.from({ length: 20 }, (_, k) => `bai-${(i * 20 + k) % 1000},r${round}-${i}-${k}`).join(',')}`,
          ),
        ),
      };
    };
    // A few requests of each kind first, so the first samples do not pay for cold caches.
    const warmUp = async () => {
      for (let i = 0; i < 5; i++) {
        await (await fetch(`${base}/admin/api/comments?status=pending&limit=50`, { headers: { cookie } })).arrayBuffer();
        await (await fetch(`${base}/v1/articles/bai-${i}/comments?limit=50`)).arrayBuffer();
      }
    };
    const t0 = performance.now();
    await seed(db, 0, 10_000);
    const small = await measure();
    const smallLoad = load();
    await seed(db, 10_000, large);
    const seedSeconds = (performance.now() - t0) / 1000;
    const big = await measure();
    const line = (name: keyof typeof small) => {
      const r = big[name] / small[name];
      return `growth  ${name.padEnd(7)} ${small[name].toFixed(1)} ms at 10,000 → ${big[name].toFixed(1)} ms at ${large.toLocaleString('en')} (${r.toFixed(2)}×, goal ≤ 2×): ${verdict(r <= 2)}`;
    };
    return [
      `growth  seeded ${large.toLocaleString('en')} comments in ${seedSeconds.toFixed(0)} s (load ${smallLoad} → ${load()})`,
      line('pending'),
      line('list'),
      line('counts'),
    ];
  } finally {
    await db.end();
    await sut.stop();
  }
}
