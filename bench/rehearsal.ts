/**
 * Multi-node rehearsal on one machine (issue 16): Redis behind Sentinel (a primary, a replica,
 * three sentinels), PostgreSQL, two api copies and two worker copies, each its own process, as
 * a newsroom that outgrew one machine runs them. Load goes through both apis for
 * REHEARSAL_SECONDS (default 600): per api 20 comments/s and 80 reads/s (counts and a list),
 * open loop. With REHEARSAL_FAILOVER=1 the primary is killed (-9) at half time.
 *
 * Checks, printed with a verdict each:
 * - no comment lost: every 202 is a row in PostgreSQL, and there are no rows beyond them;
 * - per-instance metrics add up: comments_accepted_total over the apis = the 202s seen,
 *   comments_verdicts_total over the workers = the rows stored;
 * - memory does not grow: for every process, the lowest heap sample of the second fifth of
 *   the run against the lowest of the last fifth (< 10 %; resident memory reported too).
 */
import pg from 'pg';
import { createTestDatabase } from '../tests/support/database.js';
import { testEnv } from '../tests/support/env.js';
import { storedOnceAllLand } from '../tests/support/faults.js';
import { commentBody, seedCaptchas, submitComment } from '../tests/support/load.js';
import { uniqueName } from '../tests/support/names.js';
import { killAll, type ServiceProcess, startServiceProcess } from '../tests/support/processes.js';
import { startSentinelRedis } from '../tests/support/sentinel.js';
import { load, metricSum, verdict } from './lib.js';

const COMMENTS_PER_API = 20;
const READS_PER_API = 80;
const SAMPLE_EVERY_MS = 10_000;

type Sample = { t: number; heap: number; rss: number; verdicts: number };

const metricsOf = async (process: ServiceProcess) => (await fetch(`${process.baseUrl}/metrics`)).text();

export async function benchRehearsal(seconds: number, failover: boolean): Promise<string[]> {
  const redis = await startSentinelRedis();
  const database = await createTestDatabase();
  const prefix = uniqueName('rehearsal');
  const env = testEnv(prefix, {
    ...redis.env,
    REDIS_URL: 'redis://sentinel-decides/0',
    DATABASE_URL: database.url,
    RATE_LIMIT_COMMENTS: '999999/60',
    RATE_LIMIT_CAPTCHAS: '999999/60',
    LOG_LEVEL: 'warn',
  });
  const processes: ServiceProcess[] = [];
  const db = new pg.Client({ connectionString: database.url });
  try {
    // The first api runs the migrations; the rest start together.
    processes.push(await startServiceProcess('api', env));
    processes.push(
      ...(await Promise.all([startServiceProcess('api', env), startServiceProcess('worker', env), startServiceProcess('worker', env)])),
    );
    const [apis, workers] = [processes.filter((p) => p.role === 'api'), processes.filter((p) => p.role === 'worker')];
    await db.connect();
    const captchas = await seedCaptchas(
      `redis://127.0.0.1:${redis.ports.primary}`,
      prefix,
      COMMENTS_PER_API * apis.length * seconds + 100,
      seconds + 900,
    );

    const samples = new Map<ServiceProcess, Sample[]>(processes.map((p) => [p, []]));
    const started = Date.now();
    const sampler = setInterval(() => {
      for (const p of processes) {
        metricsOf(p).then(
          (text) =>
            samples.get(p)?.push({
              t: (Date.now() - started) / 1000,
              heap: metricSum(text, 'nodejs_heap_size_used_bytes'),
              rss: metricSum(text, 'process_resident_memory_bytes'),
              verdicts: metricSum(text, 'comments_verdicts_total'),
            }),
          () => {},
        );
      }
    }, SAMPLE_EVERY_MS);

    const accepted = new Set<string>();
    const statuses = new Map<number, number>();
    const count = (status: number) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    };
    const inFlight = new Set<Promise<void>>();
    const track = (work: Promise<void>) => {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    };
    let posted = 0;
    let reads = 0;
    let failoverAt: number | undefined;
    const loadStarted = performance.now();
    // Open loop: every 50 ms, send what the schedule says is due by now.
    for (let elapsed = 0; elapsed < seconds * 1000; elapsed = performance.now() - loadStarted) {
      if (failover && failoverAt === undefined && elapsed >= (seconds * 1000) / 2) {
        failoverAt = elapsed / 1000;
        await redis.kill(await redis.primaryPort());
      }
      for (const due = Math.floor((elapsed * COMMENTS_PER_API * apis.length) / 1000); posted < due; posted++) {
        const n = posted;
        const api = apis[n % apis.length];
        track(
          submitComment(api.baseUrl, commentBody(captchas[n], n, `bai-${n % 200}`)).then((outcome) => {
            count(outcome.status);
            if (outcome.id) accepted.add(outcome.id);
          }),
        );
      }
      for (const due = Math.floor((elapsed * READS_PER_API * apis.length) / 1000); reads < due; reads++) {
        const n = reads;
        const path =
          n % 4 === 3
            ? `/v1/articles/bai-${n % 200}/comments`
            : `/v1/counts?articles=${Array.from({ length: 20 }, (_, k) => `bai-${(n + k) % 200}`).join(',')}`;
        track(
          fetch(`${apis[n % apis.length].baseUrl}${path}`, { signal: AbortSignal.timeout(5_000) }).then(
            async (res) => {
              await res.arrayBuffer();
              count(res.status);
            },
            () => count(0),
          ),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(inFlight);
    clearInterval(sampler);
    const loadAfter = load();

    const stored = await storedOnceAllLand(db, accepted, 120_000);
    const lost = [...accepted].filter((id) => !stored.has(id)).length;
    // With a failover, a comment answered 503 (WAIT timed out) may still have been stored: the
    // reader was told to retry, so such a row is reported but is not a loss.
    const extra = [...stored].filter((id) => !accepted.has(id)).length;
    const apiAccepted = (await Promise.all(apis.map(metricsOf))).map((text) => metricSum(text, 'comments_accepted_total'));
    const workerVerdicts = (await Promise.all(workers.map(metricsOf))).map((text) => metricSum(text, 'comments_verdicts_total'));
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const statusLine = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status || 'no answer'}: ${n}`)
      .join(', ');

    const lines = [
      `rehearsal ${seconds} s, 2 apis + 2 workers on Sentinel Redis (primary, replica, 3 sentinels) and PostgreSQL${failover ? `, primary killed at ${failoverAt?.toFixed(0)} s` : ''}:`,
      `        sent ${posted} comments and ${reads} reads (${statusLine}); load ${loadAfter} at the end`,
      `        lost: ${lost} of ${accepted.size} accepted; rows beyond the accepted: ${extra}: ${verdict(lost === 0 && (failover || extra === 0))}`,
      `        comments_accepted_total per api ${apiAccepted.join(' + ')} = ${sum(apiAccepted)} (202s seen ${accepted.size}): ${verdict(sum(apiAccepted) === accepted.size)}`,
      `        comments_verdicts_total per worker ${workerVerdicts.join(' + ')} = ${sum(workerVerdicts)} (rows stored ${stored.size}): ${verdict(sum(workerVerdicts) === stored.size)}`,
    ];
    // Both workers should share the load in each half (after a failover too).
    const verdictsAt = (p: ServiceProcess, t: number) => samples.get(p)?.find((s) => s.t >= t)?.verdicts ?? Number.NaN;
    const halves = workers.map((w) => `${verdictsAt(w, seconds / 2)} / ${workerVerdicts[workers.indexOf(w)] - verdictsAt(w, seconds / 2)}`);
    lines.push(`        jobs per worker, first half / second half: ${halves.join(', ')}`);
    for (const p of processes) lines.push(memoryLine(p, samples.get(p) ?? [], seconds));
    if (process.env.REHEARSAL_LOGS === '1') for (const p of processes) lines.push(`--- ${p.role} :${p.port}`, ...p.output.slice(-30));
    return lines;
  } finally {
    killAll(processes);
    await db.end().catch(() => {});
    await redis.destroy();
    await database.drop();
  }
}

function memoryLine(process: ServiceProcess, samples: Sample[], seconds: number): string {
  const lowest = (from: number, to: number, key: 'heap' | 'rss') =>
    Math.min(...samples.filter((s) => s.t >= seconds * from && s.t < seconds * to).map((s) => s[key]));
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const [heapBefore, heapAfter] = [lowest(0.2, 0.4, 'heap'), lowest(0.8, 1.01, 'heap')];
  const [rssBefore, rssAfter] = [lowest(0.2, 0.4, 'rss'), lowest(0.8, 1.01, 'rss')];
  const growth = (heapAfter - heapBefore) / heapBefore;
  return `        ${process.role} :${process.port} heap ${mb(heapBefore)} → ${mb(heapAfter)} (${(growth * 100).toFixed(1)} %, goal < 10 %), resident ${mb(rssBefore)} → ${mb(rssAfter)} (${samples.length} samples): ${verdict(growth < 0.1)}`;
}
