/**
 * 1. Accept: POST /v1/comments at 50 connections against one api process on PostgreSQL, each
 * request with its own pre-issued test-mode captcha (answers stored in Redis up front, as
 * issue() stores them, so the run measures accepting, not image rendering). Baseline: a bare
 * Hono JSON POST route in the same run. Goal: ≥ 0.35× baseline req/s, p99 ≤ 30 ms.
 */
import type autocannon from 'autocannon';
import { commentBody, seedCaptchas } from '../tests/helpers/stack.js';
import { REDIS_URL } from '../tests/helpers/service.js';
import { cannon, ratio, show, startBaseline, startService, verdict, type Figures } from './lib.js';

const CONNECTIONS = 50;

export async function benchAccept(seconds: number): Promise<string[]> {
  const baseline = await startBaseline();
  const sut = await startService(['api']);
  try {
    // Enough captchas for the run at a generous rate; unused ones expire.
    const ids = await seedCaptchas(REDIS_URL, sut.prefix, Math.max(20_000, seconds * 3_000));
    let next = 0;
    const requests = (): autocannon.Request[] => [
      {
        method: 'POST',
        path: '/v1/comments',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const n = next++;
          return { ...req, body: JSON.stringify(commentBody(ids[n % ids.length], n, `bai-${n % 50}`)) };
        },
      },
    ];
    // Warm-up of both, then the measured runs.
    await cannon({ url: baseline.url + '/json', connections: CONNECTIONS, duration: 3, requests: requests().map((r) => ({ ...r, path: '/json' })) });
    await cannon({ url: sut.api!.baseUrl, connections: CONNECTIONS, duration: 3, requests: requests() });
    const base: Figures = await cannon({ url: baseline.url + '/json', connections: CONNECTIONS, duration: seconds, requests: requests().map((r) => ({ ...r, path: '/json' })) });
    const accept: Figures = await cannon({ url: sut.api!.baseUrl, connections: CONNECTIONS, duration: seconds, requests: requests() });
    const r = ratio(accept.rps, base.rps);
    return [
      `accept  POST /v1/comments: ${show(accept)}`,
      `        baseline bare Hono POST: ${show(base)}`,
      `        ratio ${r.toFixed(2)}× (goal ≥ 0.35×), p99 ${accept.p99} ms (goal ≤ 30 ms): ${verdict(r >= 0.35 && accept.p99 <= 30 && accept.non2xx === 0)}`,
    ];
  } finally {
    await sut.stop();
    await baseline.stop();
  }
}
