/**
 * Single process (`npm start`: api and workers in one process, `src/main.ts all`) on
 * PostgreSQL: 50 connections POST /v1/comments while a side load of GET /v1/captcha keeps the
 * captcha pool refilling, against the stack floor (bench/floor-server.ts: a bare Hono route
 * plus one BullMQ add) measured in the same run. Each comment has its own pre-issued test-mode
 * captcha; the in-process workers moderate every accepted comment during the run.
 * Goals (issue 16): accept ≥ 0.5× the floor, p99 ≤ 50 ms.
 */
import type autocannon from 'autocannon';
import { commentBody, seedCaptchas } from '../tests/support/load.js';
import { REDIS_URL } from '../tests/support/redis.js';
import { cannon, eventLoopP99, ratio, scrape, show, startFloor, startService, verdict } from './lib.js';

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 3;
/** GET /v1/captcha per second beside the posters: the pool (200) is below half within a second and refills all along. */
const CAPTCHA_RATE = Number(process.env.SINGLE_CAPTCHA_RATE ?? 100);

export async function benchSingleProcess(seconds: number): Promise<string[]> {
  // SINGLE_ROLE=api: the same run against the api role alone (no worker: it draws captchas on
  // its own thread, nothing moderates); SINGLE_ROLE=api+worker: the api role with a worker
  // process beside it that refills and moderates, as the roles run apart in production.
  const setting = process.env.SINGLE_ROLE;
  const role = setting === 'api' || setting === 'api+worker' ? 'api' : 'all';
  const withWorker = setting === 'api+worker';
  const sut = await startService(withWorker ? ['api', 'worker'] : [role], { CAPTCHA_POOL_SIZE: '200' });
  const floor = await startFloor(`${sut.prefix}-floor`).catch(async (error: unknown) => {
    await sut.stop();
    throw error;
  });
  try {
    const api = sut.api!.baseUrl;
    const ids = await seedCaptchas(REDIS_URL, sut.prefix, (seconds + WARM_UP_SECONDS) * 4_000);
    // Each target its own counter: the service's bodies use every seeded captcha once.
    const posts = (): autocannon.Request[] => {
      let next = 0;
      return [
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
    };
    const servicePosts = posts();
    const captchas = (duration: number) => cannon({ url: `${api}/v1/captcha`, connections: 4, duration, overallRate: CAPTCHA_RATE });
    // Warm-up of both (the service with its side load), then the measured runs.
    await cannon({ url: floor.url, connections: CONNECTIONS, duration: WARM_UP_SECONDS, requests: posts() });
    await Promise.all([
      cannon({ url: api, connections: CONNECTIONS, duration: WARM_UP_SECONDS, requests: servicePosts }),
      captchas(WARM_UP_SECONDS),
    ]);
    const base = await cannon({ url: floor.url, connections: CONNECTIONS, duration: seconds, requests: posts() });
    await eventLoopP99(api); // starts the delay window
    const rendersBefore = await scrape(api, 'captcha_rendered_total', '{by="refill"}');
    const [accept, side] = await Promise.all([
      cannon({ url: api, connections: CONNECTIONS, duration: seconds, requests: servicePosts }),
      captchas(seconds),
    ]);
    const loopP99 = await eventLoopP99(api);
    const renders = (await scrape(api, 'captcha_rendered_total', '{by="refill"}')) - (rendersBefore || 0);
    const r = ratio(accept.rps, base.rps);
    return [
      `single  POST /v1/comments, ${role === 'all' ? 'npm start (api + workers, one process)' : withWorker ? 'the api role, a worker process beside it' : 'the api role alone'}: ${show(accept)}`,
      `        stack floor, bare Hono + BullMQ add: ${show(base)}`,
      `        beside it GET /v1/captcha: ${show(side)}; ${renders} captchas rendered by the refiller during the run; event-loop delay p99 ${loopP99.toFixed(1)} ms`,
      `        ratio ${r.toFixed(2)}× (goal ≥ 0.5×), p99 ${accept.p99} ms (goal ≤ 50 ms): ${verdict(r >= 0.5 && accept.p99 <= 50 && accept.non2xx === 0 && side.non2xx === 0)}`,
    ];
  } finally {
    await floor.stop();
    await sut.stop();
  }
}
