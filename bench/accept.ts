/**
 * 1. Accept: POST /v1/comments at 50 connections against one api process on PostgreSQL, each
 * request with its own pre-issued test-mode captcha (answers stored in Redis up front, as
 * issue() stores them, so the run measures accepting, not image rendering). Baseline: a bare
 * Hono JSON POST route in the same run. Goal: ≥ 0.35× baseline req/s, p99 ≤ 30 ms.
 */
import type autocannon from 'autocannon';
import { commentBody, seedCaptchas } from '../tests/support/load.js';
import { REDIS_URL } from '../tests/support/redis.js';
import { cannon, ratio, show, startBaseline, startFloor, startService, verdict, type Figures } from './lib.js';

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 3;
const WITH_KEYS = process.env.ACCEPT_IDEMPOTENCY === '1';
const RUN = Date.now().toString(36);

export async function benchAccept(seconds: number): Promise<string[]> {
  const baseline = await startBaseline();
  const sut = await startService(['api']).catch(async (error: unknown) => {
    await baseline.stop(); // or it outlives the run
    throw error;
  });
  try {
    // A captcha per request of the service's warm-up and run, at up to 8,000 req/s; a captcha
    // used twice would be a 403. The baseline gets the same bodies from its own counter.
    const ids = await seedCaptchas(REDIS_URL, sut.prefix, (seconds + WARM_UP_SECONDS) * 8_000);
    const requests = (path: string): autocannon.Request[] => {
      let next = 0;
      return [
        {
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => {
            const n = next++;
            const body = JSON.stringify(commentBody(ids[n % ids.length], n, `bai-${n % 50}`));
            // The widget sends an Idempotency-Key with every submission; ACCEPT_IDEMPOTENCY=1 does too.
            const headers = WITH_KEYS ? { ...req.headers, 'idempotency-key': `bench-${RUN}-${n}` } : req.headers;
            return { ...req, headers, body };
          },
        },
      ];
    };
    // Warm-up of both, then the measured runs; one counter for the service's two runs.
    const service = requests('/v1/comments');
    await cannon({ url: baseline.url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, requests: requests('/json') });
    await cannon({ url: sut.api!.baseUrl, connections: CONNECTIONS, duration: WARM_UP_SECONDS, requests: service });
    const base: Figures = await cannon({ url: baseline.url, connections: CONNECTIONS, duration: seconds, requests: requests('/json') });
    const accept: Figures = await cannon({ url: sut.api!.baseUrl, connections: CONNECTIONS, duration: seconds, requests: service });
    // Issue 16's yardstick: the floor of our own stack, a bare Hono route that adds the BullMQ job.
    const floor = await startFloor(`${sut.prefix}-floor`);
    const floorFigures: Figures = await cannon({
      url: floor.url,
      connections: CONNECTIONS,
      duration: seconds,
      requests: requests('/v1/comments'),
    }).finally(() => floor.stop());
    const r = ratio(accept.rps, base.rps);
    const rf = ratio(accept.rps, floorFigures.rps);
    return [
      `accept  POST /v1/comments${WITH_KEYS ? ' with an Idempotency-Key each' : ''}: ${show(accept)}`,
      `        baseline bare Hono POST: ${show(base)}`,
      `        ratio ${r.toFixed(2)}× (goal ≥ 0.35×), p99 ${accept.p99} ms (goal ≤ 30 ms): ${verdict(r >= 0.35 && accept.p99 <= 30 && accept.non2xx === 0)}`,
      `        stack floor, bare Hono + BullMQ add: ${show(floorFigures)}`,
      `        the api role alone against the floor: ${rf.toFixed(2)}× (goal ≥ 0.7×): ${verdict(rf >= 0.7)}`,
    ];
  } finally {
    await sut.stop();
    await baseline.stop();
  }
}
