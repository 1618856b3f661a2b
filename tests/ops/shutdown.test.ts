/**
 * Graceful shutdown under load: an api and a worker process take concurrent submissions,
 * both get SIGTERM mid-stream. No request may get a 5xx, both must exit 0, and once a fresh
 * worker has drained the queue every comment answered 202 must be in PostgreSQL.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { TEST_CAPTCHA_ANSWER, testEnv } from '../support/env.js';
import { uniqueName } from '../support/names.js';
import { killAll, type ServiceProcess, startServiceProcess } from '../support/processes.js';
import { deleteRedisPrefix } from '../support/redis.js';
import { waitFor } from '../support/wait.js';

interface Outcome {
  status: number | 'network-error';
  id?: string;
}

/** One client: captcha then comment, again and again, until told to stop or the server is gone. */
async function client(baseUrl: string, n: number, stop: () => boolean, outcomes: Outcome[]): Promise<void> {
  for (let i = 0; !stop(); i++) {
    try {
      const captcha = await fetch(`${baseUrl}/v1/captcha`);
      if (captcha.status !== 200) {
        outcomes.push({ status: captcha.status });
        // As the widget does: wait before asking again, instead of a loop that floods the log
        // (the output the test reads keeps the last 5,000 lines only).
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const { id: captchaId } = (await captcha.json()) as { id: string };
      const res = await fetch(`${baseUrl}/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          articleId: 'thoi-su/tat-may-em',
          authorName: `Bạn đọc ${n}`,
          content: `Bình luận số ${i} của bạn đọc ${n} trong lúc tắt máy.`,
          captchaId,
          captchaAnswer: TEST_CAPTCHA_ANSWER,
        }),
      });
      const body = (await res.json().catch(() => ({}))) as { id?: string };
      outcomes.push({ status: res.status, id: body.id });
    } catch {
      outcomes.push({ status: 'network-error' });
      return; // the server stopped accepting connections
    }
  }
}

describe('graceful shutdown (SIGTERM under load)', () => {
  const prefix = uniqueName('t');
  let database: TestDatabase;
  let env: Record<string, string>;
  const processes: Array<ServiceProcess | undefined> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // info: the test reads the shutdown lines from the processes' output.
    env = testEnv(prefix, {
      DATABASE_URL: database.url,
      SHUTDOWN_TIMEOUT_MS: '8000',
      WORKER_CONCURRENCY: '4',
      LOG_LEVEL: 'info',
      // A shutdown test, not a rate-limit one: eight clients would pass 30 captchas a minute.
      RATE_LIMIT_CAPTCHAS: '100000/60',
    });
  });
  afterAll(async () => {
    killAll(processes);
    await deleteRedisPrefix(prefix);
    await database.drop();
  });

  it('answers no 5xx, exits 0, and loses no accepted comment', { timeout: 240_000 }, async () => {
    const spawned = await Promise.allSettled([startServiceProcess('api', env), startServiceProcess('worker', env)]);
    for (const r of spawned) if (r.status === 'fulfilled') processes.push(r.value); // killed in afterAll
    const failed = spawned.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    if (failed) throw failed.reason;
    const [api, worker] = processes as ServiceProcess[];
    await waitFor(async () => (await fetch(`${api.baseUrl}/readyz`)).status === 200, 30_000);

    const outcomes: Outcome[] = [];
    let stopClients = false;
    const clients = Array.from({ length: 8 }, (_, n) => client(api.baseUrl, n, () => stopClients, outcomes));
    await waitFor(() => outcomes.filter((o) => o.status === 202).length >= 20, 60_000);

    const accepted202BeforeSignal = outcomes.filter((o) => o.status === 202).length;
    const [apiExit, workerExit] = await Promise.all([api.stop('SIGTERM'), worker.stop('SIGTERM')]);
    stopClients = true;
    await Promise.all(clients);

    expect(apiExit, api.output.slice(-10).join('\n')).toEqual({ code: 0, signal: null });
    expect(workerExit, worker.output.slice(-10).join('\n')).toEqual({ code: 0, signal: null });
    expect(api.output.some((l) => l.includes('"msg":"shutting down"'))).toBe(true);
    expect(worker.output.some((l) => l.includes('"msg":"stopped"'))).toBe(true);

    const serverErrors = outcomes.filter((o) => typeof o.status === 'number' && o.status >= 500);
    expect(serverErrors).toEqual([]);
    const accepted = outcomes.filter((o) => o.status === 202).map((o) => o.id!);
    expect(accepted.length).toBeGreaterThanOrEqual(accepted202BeforeSignal);

    // A fresh worker drains whatever the stopped one left in the queue.
    const restarted = await startServiceProcess('worker', env);
    processes.push(restarted);
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      await waitFor(
        async () => {
          const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE id = ANY($1::text[])', [accepted]);
          return rows[0].n === accepted.length;
        },
        60_000,
        250,
      );
      const { rows } = await db.query<{ id: string }>('SELECT id FROM comments WHERE id = ANY($1::text[])', [accepted]);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(accepted));
    } finally {
      await db.end();
      expect(await restarted.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    }
  });
});
