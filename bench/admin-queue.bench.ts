/**
 * Server time of the moderator queue's first page with 10 000 pending comments.
 *
 *   npx tsx bench/admin-queue.bench.ts            # PostgreSQL on 127.0.0.1:5432 (fresh database)
 *
 * Seeds with one INSERT … SELECT generate_series (varied articles, emails, IPs, verdicts with
 * reasons), logs in, then requests GET /admin/queue (and a filtered variant) 30 times each and
 * prints the median and p95 of the whole request as the server answers it.
 */
import { startTestService } from '../tests/support/service.js';

const PENDING = Number(process.env.PENDING ?? 10_000);
const RUNS = 30;

const svc = await startTestService({
  engine: 'postgres',
  workers: false,
  env: { ADMIN_EMAIL: 'bench@example.vn', ADMIN_PASSWORD: 'mat-khau-bench-1' },
});
try {
  const seeded = Date.now();
  await svc.services.db.query(
    `INSERT INTO comments (id, article_id, author_name, author_email, ip, content, status, verdict, verdict_action, created_at)
     SELECT 'bench-' || lpad(i::text, 6, '0'),
            'bai-' || (i % 400),
            'Người đọc ' || i,
            'doc-gia-' || (i % 3000) || '@example.vn',
            '10.' || (i % 250) || '.' || (i % 97) || '.' || (i % 13),
            'Bình luận thứ ' || i || ' về bài viết, gọi 0912345678 nếu cần.',
            'pending',
            jsonb_build_object('action', 'review', 'score', 0.5, 'lexiconVersion', 'bench',
              'reasons', jsonb_build_array(jsonb_build_object('rule', CASE WHEN i % 3 = 0 THEN 'profanity.vi' ELSE 'spam.phone' END,
                'tier', 'review', 'match', '0912345678', 'start', length('Bình luận thứ ' || i || ' về bài viết, gọi '),
                'end', length('Bình luận thứ ' || i || ' về bài viết, gọi 0912345678')))),
            'review',
            now() - (i || ' seconds')::interval
     FROM generate_series(1, $1) AS i`,
    [PENDING],
  );
  await svc.services.db.query('ANALYZE comments');
  console.log(`seeded ${PENDING} pending comments in ${Date.now() - seeded} ms`);

  const login = await svc.fetch('/admin/login', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'bench@example.vn', password: 'mat-khau-bench-1', next: '/admin/queue' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('cm_session='))!
    .split(';')[0];

  for (const path of ['/admin/queue', '/admin/queue?rule=profanity.vi', '/admin/queue?q=doc-gia-42']) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const started = performance.now();
      const res = await svc.fetch(path, { headers: { cookie } });
      const html = await res.text();
      if (res.status !== 200 || !html.includes('class="card')) throw new Error(`${path} answered ${res.status}`);
      if (i >= 3) times.push(performance.now() - started); // the first runs warm caches and JIT
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    console.log(`${path.padEnd(32)} median ${at(0.5)} ms  p95 ${at(0.95)} ms  (${RUNS} runs, 30 cards per page)`);
  }
} finally {
  await svc.stop();
}
