/**
 * Likes: POST /v1/comments/:id/like at a steady rate (default 500/s for 20 s) on the comments
 * of one article, from many readers, some repeating themselves (also at the same instant),
 * against one api process on PostgreSQL over loopback. Then checks the counts are exact:
 * every comment's like_count equals its like rows, and the rows are exactly the distinct
 * (comment, reader) pairs that were answered 200. Goal: p99 ≤ 30 ms at the rate.
 *
 * Open loop (a request leaves on schedule whether or not earlier ones came back), so a slow
 * answer shows in the latency instead of lowering the rate; at most SOCKETS connections, as a
 * few proxies in front would hold, and a request waiting for one counts that wait in its
 * latency. The generator is this process, the service a child process.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { newCommentId } from '../src/comments/ids.js';
import { load, startService, verdict } from './lib.js';

const COMMENTS = 40;
const READERS = 5_000;
const TICK_MS = 10;
/** Every this many requests, one pair is sent twice at once (a double click). */
const DOUBLE_EVERY = 25;
const P99_GOAL_MS = 30;
const SOCKETS = 64;

interface Sent {
  comment: string;
  reader: string;
  status: number;
  ms: number;
}

export async function benchLikes(seconds: number, rate: number): Promise<string[]> {
  const sut = await startService(['api'], { RATE_LIMIT_REACTIONS: '999999/60' });
  const db = new pg.Client({ connectionString: sut.database.url });
  await db.connect();
  try {
    const comments = await seedApproved(db, 'bench/likes/bai-1', COMMENTS);
    const readers = Array.from({ length: READERS }, () => randomBytes(12).toString('base64url'));
    const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
    const { port } = new URL(sut.api!.baseUrl);
    const send = (comment: string, reader: string): Promise<Sent> =>
      new Promise((resolve) => {
        const started = performance.now();
        const done = (status: number) => resolve({ comment, reader, status, ms: performance.now() - started });
        const body = JSON.stringify({ readerId: reader });
        const req = request(
          {
            agent,
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/v1/comments/${comment}/like`,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => done(res.statusCode ?? 0));
          },
        );
        req.on('error', () => done(0));
        req.end(body);
      });
    // Warm-up: connections, the statement plans.
    await Promise.all(Array.from({ length: 50 }, (_, i) => send(comments[i % COMMENTS], readers[i])));
    await db.query('TRUNCATE comment_likes');
    await db.query('UPDATE comments SET like_count = 0');

    const loadBefore = load();
    const pending: Array<Promise<Sent>> = [];
    const startedAt = performance.now();
    let n = 0;
    // Each wake-up sends what the schedule says is due by now: a late timer sends a small burst
    // instead of lowering the rate.
    for (let elapsed = 0; elapsed < seconds * 1000; elapsed = performance.now() - startedAt) {
      for (const due = Math.floor((elapsed * rate) / 1000); n < due; n++) {
        const comment = comments[n % COMMENTS];
        const reader = readers[Math.floor(Math.random() * READERS)];
        pending.push(send(comment, reader));
        if (n % DOUBLE_EVERY === 0) pending.push(send(comment, reader));
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    const sentFor = (performance.now() - startedAt) / 1000;
    const results = await Promise.all(pending);
    const elapsed = (performance.now() - startedAt) / 1000;
    const loadAfter = load();

    agent.destroy();
    const ok = results.filter((r) => r.status === 200);
    const byStatus = new Map<number, number>();
    for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const statuses = [...byStatus].map(([status, count]) => `${status || 'no answer'}: ${count}`);
    const ms = ok.map((r) => r.ms).sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? NaN;
    const exact = await checkCounts(db, ok);
    const p99 = pct(99);
    return [
      `likes   POST /v1/comments/:id/like, ${rate}/s target for ${seconds} s on ${COMMENTS} comments of one article, ${READERS} readers, every ${DOUBLE_EVERY}th pair sent twice at once:`,
      `        ${results.length} requests sent in ${sentFor.toFixed(1)} s (${(results.length / sentFor).toFixed(0)}/s), ${ok.length} answered 200 (${(ok.length / elapsed).toFixed(0)}/s), ${results.length - ok.length} not 200 (${statuses.join(', ')}; ${SOCKETS} connections at most)`,
      `        latency p50 ${pct(50).toFixed(1)} ms, p90 ${pct(90).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${ms[ms.length - 1]?.toFixed(1)} ms (goal p99 ≤ ${P99_GOAL_MS} ms): ${verdict(p99 <= P99_GOAL_MS && ok.length === results.length)}`,
      `        counts exact: ${exact}`,
      `        load average ${loadBefore} before, ${loadAfter} after`,
    ];
  } finally {
    await db.end();
    await sut.stop();
  }
}

/** Approved comments of one article, written straight to the table (as a decision leaves them). */
async function seedApproved(db: pg.Client, articleId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newCommentId());
  await db.query(
    `INSERT INTO comments (id, article_id, author_name, content, status, created_at, decided_by, decided_at, published_at)
     SELECT id, $2, 'Bạn đọc', 'Bình luận để thích', 'approved', now(), 'bench', now(), now() FROM unnest($1::text[]) AS id`,
    [ids, articleId],
  );
  return ids;
}

/** "yes (…)" when every count equals its rows and the rows are the distinct pairs answered 200; else what differs. */
async function checkCounts(db: pg.Client, ok: readonly Sent[]): Promise<string> {
  const expected = new Map<string, Set<string>>();
  for (const r of ok) expected.set(r.comment, (expected.get(r.comment) ?? new Set()).add(r.reader));
  const { rows } = await db.query<{ id: string; like_count: number; rows: number }>(
    `SELECT c.id, c.like_count, (SELECT count(*)::int FROM comment_likes l WHERE l.comment_id = c.id) AS rows
       FROM comments c WHERE c.article_id = 'bench/likes/bai-1'`,
  );
  const wrong = rows.filter((row) => row.like_count !== row.rows || row.rows !== (expected.get(row.id)?.size ?? 0));
  const total = rows.reduce((sum, row) => sum + row.like_count, 0);
  const repeats = ok.length - [...expected.values()].reduce((sum, set) => sum + set.size, 0);
  if (wrong.length === 0)
    return `yes (${total} likes on ${rows.length} comments = the distinct pairs answered 200; ${repeats} repeats counted once)`;
  return `NO: ${wrong.length} comments differ, e.g. ${JSON.stringify(wrong[0])} expected ${expected.get(wrong[0].id)?.size ?? 0}`;
}
