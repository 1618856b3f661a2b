/**
 * 2. Counts: GET /v1/counts with 20 ids (goal ≥ 0.7× a bare Hono JSON GET).
 * 3. Captcha: GET /v1/captcha served from a pre-filled pool (goal ≥ 0.5× baseline).
 * Both against one api process on PostgreSQL, 50 connections, baseline in the same run.
 */
import { Redis } from 'ioredis';
import { randomAnswer } from '../src/captcha/answer.js';
import { renderCaptcha } from '../src/captcha/render.js';
import { redisKeys } from '../src/store/keys.js';
import { REDIS_URL } from '../tests/helpers/service.js';
import { cannon, ratio, show, startBaseline, startService, verdict } from './lib.js';

const CONNECTIONS = 50;

export async function benchReads(seconds: number): Promise<string[]> {
  const baseline = await startBaseline();
  // A pool large enough for the whole run; the refiller tops it up meanwhile.
  const poolSize = Math.max(20_000, seconds * 4_000);
  const sut = await startService(['api'], { CAPTCHA_POOL_SIZE: String(poolSize) });
  const lines: string[] = [];
  try {
    await fillPool(sut.prefix, poolSize);
    const ids = Array.from({ length: 20 }, (_, i) => `bai-viet-${i}`).join(',');
    const countsUrl = `${sut.api!.baseUrl}/v1/counts?articles=${ids}`;
    await cannon({ url: countsUrl, connections: CONNECTIONS, duration: 3 });
    await cannon({ url: baseline.url + '/json', connections: CONNECTIONS, duration: 3 });
    const base = await cannon({ url: baseline.url + '/json', connections: CONNECTIONS, duration: seconds });
    const counts = await cannon({ url: countsUrl, connections: CONNECTIONS, duration: seconds });
    const captcha = await cannon({ url: `${sut.api!.baseUrl}/v1/captcha`, connections: CONNECTIONS, duration: seconds });
    const rc = ratio(counts.rps, base.rps);
    const rk = ratio(captcha.rps, base.rps);
    lines.push(
      `counts  GET /v1/counts (20 ids): ${show(counts)}`,
      `        baseline bare Hono GET: ${show(base)}`,
      `        ratio ${rc.toFixed(2)}× (goal ≥ 0.7×): ${verdict(rc >= 0.7 && counts.non2xx === 0)}`,
      `captcha GET /v1/captcha (pool): ${show(captcha)}`,
      `        ratio ${rk.toFixed(2)}× (goal ≥ 0.5×): ${verdict(rk >= 0.5 && captcha.non2xx === 0)}`,
    );
  } finally {
    await sut.stop();
    await baseline.stop();
  }
  return lines;
}

/** Pre-fills the pool with a few distinct rendered images, repeated (rendering 20,000 would take minutes). */
async function fillPool(prefix: string, size: number): Promise<void> {
  const keys = redisKeys(prefix);
  const redis = new Redis(REDIS_URL);
  try {
    const samples = await Promise.all(Array.from({ length: 20 }, async () => renderCaptcha(randomAnswer())));
    const entries = samples.map((s) => JSON.stringify({ image: s.image, answer: s.answer }));
    for (let i = 0; i < size; i += 1_000) {
      await redis.rpush(keys.captchaPool, ...Array.from({ length: Math.min(1_000, size - i) }, (_, k) => entries[(i + k) % entries.length]));
    }
  } finally {
    redis.disconnect();
  }
}
