/**
 * 6. Soak: mixed traffic at 300 req/s for SOAK_SECONDS (default 600) against an api process
 * and a worker process: per 10 requests, 6 × GET /v1/counts, 2 × an article's list,
 * 1 × GET /v1/captcha, 1 × POST /v1/comments. Goal: no errors, and the api's heap after
 * warm-up (first fifth of the run) grows by less than 10 % to the end (read from /metrics).
 * Heap in use saws up and down with every collection, so each window's figure is its lowest
 * sample (what survived the last collection): the 2nd fifth of the run against the last fifth.
 */
import type autocannon from 'autocannon';
import { commentBody, seedCaptchas } from '../tests/support/load.js';
import { REDIS_URL } from '../tests/support/redis.js';
import { cannon, load, metricSum, show, startService, verdict } from './lib.js';

const RATE = 300;

async function heapUsed(baseUrl: string): Promise<number> {
  return metricSum(await (await fetch(`${baseUrl}/metrics`)).text(), 'nodejs_heap_size_used_bytes');
}

export async function benchSoak(seconds: number): Promise<string[]> {
  const sut = await startService(['api', 'worker'], { CAPTCHA_POOL_SIZE: '300' });
  try {
    const base = sut.api!.baseUrl;
    const captchas = await seedCaptchas(REDIS_URL, sut.prefix, Math.ceil((RATE / 10) * seconds * 1.5) + 1_000, seconds + 600);
    let n = 0;
    let posted = 0; // each POST uses its own captcha
    const ids = (i: number) => Array.from({ length: 20 }, (_, k) => `bai-${(i + k) % 500}`).join(',');
    const get = (path: () => string): autocannon.Request => ({ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) });
    const requests: autocannon.Request[] = [
      get(() => `/v1/counts?articles=${ids(n++)}`),
      get(() => `/v1/articles/bai-${n++ % 500}/comments`),
      get(() => `/v1/counts?articles=${ids(n++)}`),
      get(() => `/v1/captcha`),
      get(() => `/v1/counts?articles=${ids(n++)}`),
      {
        method: 'POST',
        path: '/v1/comments',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const k = posted++;
          return { ...req, body: JSON.stringify(commentBody(captchas[k % captchas.length], k, `bai-${k % 500}`)) };
        },
      },
      get(() => `/v1/counts?articles=${ids(n++)}`),
      get(() => `/v1/articles/bai-${n++ % 500}/comments`),
      get(() => `/v1/counts?articles=${ids(n++)}`),
      get(() => `/v1/counts?articles=${ids(n++)}`),
    ];
    const samples: Array<{ t: number; heap: number }> = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      heapUsed(base).then(
        (heap) => samples.push({ t: (Date.now() - started) / 1000, heap }),
        () => {},
      );
    }, 5_000);
    const figures = await (async () => {
      try {
        return await cannon({ url: base, connections: 20, duration: seconds, requests, overallRate: RATE });
      } finally {
        clearInterval(sampler);
      }
    })();
    const floor = (from: number, to: number) =>
      Math.min(...samples.filter((s) => s.t >= seconds * from && s.t < seconds * to).map((s) => s.heap));
    const firstWindow = floor(0.2, 0.4);
    const lastWindow = floor(0.8, 1.01);
    const growth = (lastWindow - firstWindow) / firstWindow;
    return [
      `soak    ${seconds} s mixed at ${RATE} req/s offered: ${show(figures)}`,
      `        api heap (lowest sample) after warm-up ${(firstWindow / 2 ** 20).toFixed(1)} MB → end ${(lastWindow / 2 ** 20).toFixed(1)} MB (${(growth * 100).toFixed(1)} %, goal < 10 %; ${samples.length} samples; load ${load()}): ${verdict(growth < 0.1 && figures.errors === 0 && figures.non2xx === 0)}`,
    ];
  } finally {
    await sut.stop();
  }
}
