/**
 * Captcha figures of issue 16, with the roles apart as production runs them (an api process and
 * a worker process on PostgreSQL, 2 render threads in the worker by default):
 *
 * 1. refill: the worker refills an emptied pool of 1,000; images per second (goal ≥ 150);
 * 2. the api's event-loop delay p99 while it issues 100 captchas/s and the worker refills
 *    (goal ≤ 10 ms), and how many the api rendered itself (should be 0);
 * 3. GET /v1/captcha from a full pool, 50 connections, against the stack floor's route that
 *    serves a JSON body of the same size (bench/floor-server.ts), same run (goal ≥ 0.5×).
 */
import { Redis } from 'ioredis';
import { randomAnswer } from '../src/captcha/answer.js';
import { renderCaptcha } from '../src/captcha/render.js';
import { createCaptchaStore } from '../src/captcha/store.js';
import { redisKeys } from '../src/store/keys.js';
import { REDIS_URL } from '../tests/support/redis.js';
import { waitFor } from '../tests/support/wait.js';
import { cannon, eventLoopP99, ratio, scrape, show, startFloor, startService, verdict } from './lib.js';

const POOL = 1_000;
const ISSUE_RATE = 100;
const GET_SECONDS = 4;

export async function benchCaptcha(seconds: number): Promise<string[]> {
  const sut = await startService(['api', 'worker'], { CAPTCHA_POOL_SIZE: String(POOL), CAPTCHA_TEST_ANSWER: '' });
  const floor = await startFloor(`${sut.prefix}-floor`).catch(async (error: unknown) => {
    await sut.stop();
    throw error;
  });
  const redis = new Redis(REDIS_URL);
  const keys = redisKeys(sut.prefix);
  const api = sut.api!.baseUrl;
  const lines: string[] = [];
  try {
    await waitFor(async () => (await redis.llen(keys.captchaPool)) >= POOL, 120_000, 50); // first fill, threads warm

    // 1. An emptied pool, refilled by the worker: timed from its first push to full.
    await redis.del(keys.captchaPool);
    let first: { at: number; length: number } | undefined;
    let length = 0;
    await waitFor(
      async () => {
        length = await redis.llen(keys.captchaPool);
        if (length > 0 && !first) first = { at: performance.now(), length };
        return length >= POOL;
      },
      120_000,
      10,
    );
    const refillSeconds = (performance.now() - first!.at) / 1000;
    const rate = (length - first!.length) / refillSeconds;
    const bytes = Number(await redis.memory('USAGE', keys.captchaPool)) / length;
    lines.push(
      `captcha refill by the worker role: ${length - first!.length} images in ${refillSeconds.toFixed(2)} s = ${rate.toFixed(0)} images/s (goal ≥ 150): ${verdict(rate >= 150)}; ~${(bytes / 1024).toFixed(1)} KB per pooled entry`,
    );

    // 2. The api issuing while the worker refills: its event-loop delay over the run.
    const apiRendersBefore = await scrape(api, 'captcha_rendered_total', '{by="api"}');
    await redis.del(keys.captchaPool);
    await eventLoopP99(api);
    const issued = await cannon({ url: `${api}/v1/captcha`, connections: 10, duration: seconds, overallRate: ISSUE_RATE });
    const loop = await eventLoopP99(api);
    const apiRenders = ((await scrape(api, 'captcha_rendered_total', '{by="api"}')) || 0) - (apiRendersBefore || 0);
    lines.push(
      `        GET /v1/captcha at ${ISSUE_RATE}/s while the worker refills: ${show(issued)}`,
      `        api event-loop delay p99 ${loop.toFixed(1)} ms (goal ≤ 10 ms), ${apiRenders} rendered by the api: ${verdict(loop <= 10 && apiRenders === 0 && issued.non2xx === 0)}`,
    );

    // 3. Issuing from a full pool vs a bare route with a body of the same size. The refill lock
    // is held as if another copy were refilling (the worker stands aside), and the pool holds
    // enough images, repeated, for the whole run (rendering them would take minutes): 6 s at up
    // to 16,000/s (60,000 ran dry at 10,500/s on a quiet machine; 100,000 is ~500 MB of Redis).
    await redis.set(keys.captchaPoolLock, 'bench', 'PX', 600_000);
    await fillPool(redis, sut.prefix, 100_000);
    const size = (await (await fetch(`${api}/v1/captcha`)).arrayBuffer()).byteLength;
    const sized = `${floor.url}/sized/${size}`;
    await cannon({ url: sized, connections: 50, duration: 2 });
    await cannon({ url: `${api}/v1/captcha`, connections: 50, duration: 2 });
    const base = await cannon({ url: sized, connections: 50, duration: GET_SECONDS });
    const served = await cannon({ url: `${api}/v1/captcha`, connections: 50, duration: GET_SECONDS });
    const left = await redis.llen(keys.captchaPool);
    const r = ratio(served.rps, base.rps);
    lines.push(
      `        GET /v1/captcha, full pool (${size} B answers): ${show(served)}`,
      `        floor, bare Hono with a ${size} B body: ${show(base)}`,
      `        ratio ${r.toFixed(2)}× (goal ≥ 0.5×): ${verdict(r >= 0.5 && served.non2xx === 0 && left > 0)}${left > 0 ? '' : ' (the pool ran dry)'}`,
    );
    return lines;
  } finally {
    redis.disconnect();
    await floor.stop();
    await sut.stop();
  }
}

/** Pushes `count` entries: 20 distinct rendered images, repeated. */
async function fillPool(redis: Redis, prefix: string, count: number): Promise<void> {
  const store = createCaptchaStore(redis, redisKeys(prefix));
  const samples = Array.from({ length: 20 }, () => renderCaptcha(randomAnswer()));
  for (let i = 0; i < count; i += 1_000) {
    await store.pushPooled(Array.from({ length: Math.min(1_000, count - i) }, (_, k) => samples[(i + k) % samples.length]));
  }
}
