/**
 * Two api and two worker processes sharing one Redis (own prefix) and one PostgreSQL
 * database, as a scaled-out deployment runs: submissions spread over both apis are each
 * processed exactly once, a moderator connected to one api sees live events caused through
 * the other, and a rate limit holds across both apis.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { TEST_CAPTCHA_ANSWER, testEnv } from '../support/env.js';
import { adminEnv, login } from '../support/moderators.js';
import { uniqueName } from '../support/names.js';
import { killAll, type ServiceProcess, startServiceProcess } from '../support/processes.js';
import { deleteRedisPrefix } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

const RATE_LIMIT = 3;

/** fetch/post bound to one api process, shaped like the test harness' service. */
function client(p: ServiceProcess) {
  const fetchPath = (path: string, init?: RequestInit) => fetch(p.baseUrl + path, init);
  return {
    fetch: fetchPath,
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetchPath(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
  };
}

/** Captcha then comment through one api, as the reader at `ip` (TRUST_PROXY=1). */
async function submit(p: ServiceProcess, ip: string, content: string): Promise<{ status: number; id?: string }> {
  const headers = { 'x-forwarded-for': ip };
  let captcha = await fetch(`${p.baseUrl}/v1/captcha`, { headers });
  if (captcha.status === 503) {
    // As a reader's widget would: wait Retry-After once (a starved CI machine can stall the
    // captcha render past the Redis command timeout).
    await new Promise((r) => setTimeout(r, Number(captcha.headers.get('retry-after') ?? 1) * 1000));
    captcha = await fetch(`${p.baseUrl}/v1/captcha`, { headers });
  }
  const recentWarnings = p.output.filter((l) => l.includes('"level":40') || l.includes('"level":50')).slice(-3);
  expect(captcha.status, recentWarnings.join('\n')).toBe(200);
  const { id: captchaId } = (await captcha.json()) as { id: string };
  const res = await fetch(`${p.baseUrl}/v1/comments`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      articleId: 'nhieu-may/bai-1',
      authorName: 'Lê Văn Cường',
      content,
      captchaId,
      captchaAnswer: TEST_CAPTCHA_ANSWER,
    }),
  });
  const body = (await res.json()) as { id?: string };
  return { status: res.status, id: body.id };
}

/** Sum of one counter over every process' /metrics. */
async function counterSum(processes: ServiceProcess[], series: string): Promise<number> {
  let total = 0;
  for (const p of processes) {
    const text = await (await fetch(`${p.baseUrl}/metrics`)).text();
    for (const line of text.split('\n')) if (line.startsWith(series)) total += Number(line.split(' ').pop());
  }
  return total;
}

describe('several api and worker processes', () => {
  const prefix = uniqueName('t');
  let database: TestDatabase;
  let db: pg.Client;
  let apis: ServiceProcess[] = [];
  let workers: ServiceProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = testEnv(prefix, {
      DATABASE_URL: database.url,
      TRUST_PROXY: '1',
      RATE_LIMIT_COMMENTS: `${RATE_LIMIT}/60`,
      ...adminEnv,
      LOG_LEVEL: 'info', // the warnings behind a failed captcha are shown with it
    });
    // The first process applies the migrations; the others start once the schema exists
    // (they would wait on the advisory lock anyway, this only spreads the CPU load).
    const first = await startServiceProcess('api', env);
    const rest = await Promise.allSettled([
      startServiceProcess('api', env),
      startServiceProcess('worker', env),
      startServiceProcess('worker', env),
    ]);
    const started = rest.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    if (started.length < rest.length) {
      // Never leave a started process behind when another failed to start.
      killAll([first, ...started]);
      throw (rest.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
    }
    apis = [first, started[0]];
    workers = [started[1], started[2]];
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    for (const api of apis) await waitFor(async () => (await fetch(`${api.baseUrl}/readyz`)).status === 200, 30_000);
    // Warm-up: the first captcha of a process loads and fills the image pool.
    for (const api of apis) await fetch(`${api.baseUrl}/v1/captcha`, { headers: { 'x-forwarded-for': '10.9.9.9' } });
  }, 420_000);

  afterAll(async () => {
    await db?.end();
    const all = [...apis, ...workers];
    await Promise.all(all.map((p) => p.stop('SIGTERM')));
    killAll(all);
    await deleteRedisPrefix(prefix);
    await database?.drop();
  }, 60_000);

  it('processes submissions spread over both apis exactly once', { timeout: 120_000 }, async () => {
    // Four readers at a time: a burst of captcha renders can stall a loaded 2-core test
    // machine past the Redis command timeout, which is the captcha path's concern, not this test's.
    const results: { status: number; id?: string }[] = [];
    for (let batch = 0; batch < 5; batch++) {
      results.push(
        ...(await Promise.all(
          Array.from({ length: 4 }, (_, j) => {
            const i = batch * 4 + j;
            return submit(apis[i % 2], `10.1.${i}.1`, `Ý kiến số ${i} gửi qua nhiều máy.`);
          }),
        )),
      );
    }
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
    const ids = results.map((r) => r.id!);
    expect(new Set(ids).size).toBe(20);

    await waitFor(
      async () => {
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE id = ANY($1::text[])', [ids]);
        return rows[0].n === 20;
      },
      60_000,
      200,
    );
    // Exactly once: the workers counted one verdict per comment between them (a second run
    // of a job finds the row and counts nothing).
    await waitFor(async () => (await counterSum(workers, 'comments_verdicts_total')) === 20, 10_000);
    expect(await counterSum(workers, 'comments_verdicts_total')).toBe(20);
    expect(await counterSum(apis, 'comments_accepted_total')).toBe(20);
  });

  it('a moderator connected to one api sees live events of comments sent through the other', { timeout: 120_000 }, async () => {
    const moderator = await login(client(apis[1]));
    const controller = new AbortController();
    const stream = await moderator.fetch('/admin/api/events', { signal: controller.signal, headers: { accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let received = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        received += new TextDecoder().decode(value);
      }
    })();
    try {
      await waitFor(() => received.includes('connected'), 10_000);
      const sent = await submit(apis[0], '10.2.0.1', 'Bình luận gửi qua máy thứ nhất.');
      expect(sent.status).toBe(202);
      await waitFor(() => received.includes(sent.id!), 30_000);
      const event = received.split('\n').find((l) => l.startsWith('data:') && l.includes(sent.id!))!;
      expect(JSON.parse(event.slice(5))).toMatchObject({ type: 'comment.queued', id: sent.id });
    } finally {
      controller.abort();
      await reading;
    }
  });

  it('a rate limit holds across both apis', { timeout: 120_000 }, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT * 2; i++) statuses.push((await submit(apis[i % 2], '10.3.0.1', `Lần gửi ${i} từ một người.`)).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(RATE_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(RATE_LIMIT);
    expect(statuses.slice(0, RATE_LIMIT)).toEqual(Array(RATE_LIMIT).fill(202));
  });
});
