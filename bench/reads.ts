/**
 * 2. Counts: GET /v1/counts with 20 ids (goal ≥ 0.5× a bare Hono JSON GET, issue 16).
 * 3. Captcha: GET /v1/captcha served from a pre-filled pool (goal ≥ 0.5× baseline).
 * Both against one api process on PostgreSQL, 50 connections, baseline in the same run.
 */
import { Redis } from 'ioredis';
import { randomAnswer } from '../src/captcha/answer.js';
import { renderCaptcha } from '../src/captcha/render.js';
import { createCaptchaStore } from '../src/captcha/store.js';
import { redisKeys } from '../src/store/keys.js';
import { REDIS_URL } from '../tests/support/redis.js';
import { cannon, ratio, show, startBaseline, startService, verdict } from './lib.js';

const CONNECTIONS = 50;
/** ~20 KB each: 120,000 images are 2.4 GB of Redis, enough for 5 s at ~24,000 req/s. */
const CAPTCHA_POOL = 120_000;
const CAPTCHA_MAX_SECONDS = 5;

export async function benchReads(seconds: number): Promise<string[]> {
  const baseline = await startBaseline();
  const captchaSeconds = Math.min(seconds, CAPTCHA_MAX_SECONDS);
  // The largest pool allowed; the refiller stands aside anyway (see below).
  const sut = await startService(['api'], { CAPTCHA_POOL_SIZE: '100000' }).catch(async (error: unknown) => {
    await baseline.stop(); // or it outlives the run
    throw error;
  });
  const lines: string[] = [];
  try {
    // Issuing is measured on its own: the refill lock is held as if another api copy were
    // refilling, so this copy's refiller stands aside (its rate is bench/captcha.bench.ts's
    // figure), and the pool is pre-filled with enough images for the whole run.
    const redis = new Redis(REDIS_URL);
    await redis.set(redisKeys(sut.prefix).captchaPoolLock, 'bench', 'PX', 600_000);
    await fillPool(sut.prefix, CAPTCHA_POOL);
    const ids = Array.from({ length: 20 }, (_, i) => `bai-viet-${i}`).join(',');
    const countsUrl = `${sut.api!.baseUrl}/v1/counts?articles=${ids}`;
    await cannon({ url: countsUrl, connections: CONNECTIONS, duration: 3 });
    await cannon({ url: baseline.url + '/json', connections: CONNECTIONS, duration: 3 });
    const base = await cannon({ url: baseline.url + '/json', connections: CONNECTIONS, duration: seconds });
    const counts = await cannon({ url: countsUrl, connections: CONNECTIONS, duration: seconds });
    const captcha = await cannon({ url: `${sut.api!.baseUrl}/v1/captcha`, connections: CONNECTIONS, duration: captchaSeconds });
    const left = await redis.llen(redisKeys(sut.prefix).captchaPool);
    redis.disconnect();
    const rc = ratio(counts.rps, base.rps);
    const rk = ratio(captcha.rps, base.rps);
    lines.push(
      `counts  GET /v1/counts (20 ids): ${show(counts)}`,
      `        baseline bare Hono GET: ${show(base)}`,
      `        ratio ${rc.toFixed(2)}× (goal ≥ 0.5×): ${verdict(rc >= 0.5 && counts.non2xx === 0)}`,
      `captcha GET /v1/captcha (pool): ${show(captcha)}`,
      `        ratio ${rk.toFixed(2)}× (goal ≥ 0.5×): ${verdict(rk >= 0.5 && captcha.non2xx === 0 && left > 0)}`,
      `        ${captchaSeconds} s; all from the pool: ${left > 0 ? `yes (${left} of ${CAPTCHA_POOL} left)` : 'NO, it ran dry (inline renders)'}`,
    );
  } finally {
    await sut.stop();
    await baseline.stop();
  }
  return lines;
}

/** Pre-fills the pool with a few distinct rendered images, repeated (rendering 120,000 would take half an hour). */
async function fillPool(prefix: string, size: number): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const store = createCaptchaStore(redis, redisKeys(prefix));
  try {
    const samples = await Promise.all(Array.from({ length: 20 }, async () => renderCaptcha(randomAnswer())));
    for (let i = 0; i < size; i += 1_000) {
      await store.pushPooled(Array.from({ length: Math.min(1_000, size - i) }, (_, k) => samples[(i + k) % samples.length]));
    }
  } finally {
    redis.disconnect();
  }
}
