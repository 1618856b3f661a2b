/**
 * Captcha figures: how fast images render (the pool's refill rate) and how long
 * GET /v1/captcha takes when it pops from the pool versus rendering inline.
 *
 *   npx tsx bench/captcha.bench.ts        (needs Redis on 127.0.0.1:6379; uses PGlite in memory)
 */
import { cpus, loadavg } from 'node:os';
import { randomAnswer } from '../src/captcha/answer.js';
import { startPoolRefiller } from '../src/captcha/pool.js';
import { renderCaptcha } from '../src/captcha/render.js';
import { createCaptchaStore } from '../src/captcha/store.js';
import { createLogger } from '../src/logger.js';
import { redisKeys } from '../src/store/keys.js';
import { createRedis, waitForRedis } from '../src/store/redis.js';
import { uniqueName } from '../tests/support/names.js';
import { deleteRedisPrefix, REDIS_URL } from '../tests/support/redis.js';
import { startTestService, type TestService } from '../tests/support/service.js';
import { waitFor } from '../tests/support/wait.js';

/** One refill pass of an empty pool of `size`, as the api's refiller runs it. */
async function refillRate(size: number): Promise<string> {
  const prefix = uniqueName('bench');
  const keys = redisKeys(prefix);
  const redis = createRedis(REDIS_URL, 'command');
  await waitForRedis(redis);
  const store = createCaptchaStore(redis, keys);
  const render = () => renderCaptcha(randomAnswer());
  // A long interval: the loop's first tick is the pass we time, nothing else runs.
  const refiller = startPoolRefiller({
    redis,
    store,
    lockKey: keys.captchaPoolLock,
    size,
    render,
    logger: createLogger('silent'),
    intervalMs: 3_600_000,
  });
  try {
    const started = performance.now();
    await waitFor(async () => (await redis.llen(keys.captchaPool)) >= size, 300_000, 20);
    const seconds = (performance.now() - started) / 1000;
    const bytes = Number(await redis.memory('USAGE', keys.captchaPool));
    return `${seconds.toFixed(2)} s = ${(size / seconds).toFixed(0)} captchas/s; pool in Redis ${(bytes / 1e6).toFixed(1)} MB`;
  } finally {
    await refiller.stop();
    redis.disconnect();
    await deleteRedisPrefix(prefix);
  }
}

async function renderRate(total: number, parallelism: number): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < total; done += parallelism) {
    await Promise.all(Array.from({ length: Math.min(parallelism, total - done) }, () => renderCaptcha(randomAnswer())));
  }
  return total / ((performance.now() - started) / 1000);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function issueLatency(svc: TestService, count: number): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await svc.fetch('/v1/captcha');
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET /v1/captcha answered ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  return `p50 ${f(percentile(times, 50))}, p95 ${f(percentile(times, 95))}, p99 ${f(percentile(times, 99))}, max ${f(times[times.length - 1])} (n=${count})`;
}

/** On a shared machine every wall-clock figure below moves with the load: print it. */
const loadLine = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`;

async function main() {
  console.log(`captcha bench, ${loadLine()}`);
  await renderRate(10, 1); // warm up resvg and the font
  // CPU time (all threads) per render: the figure that does not depend on how busy the machine is.
  const cpuBefore = process.cpuUsage();
  await renderRate(50, 1);
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    `render CPU time:            ${((cpu.user + cpu.system) / 1000 / 50).toFixed(1)} ms per captcha (≈ ${(1e6 / ((cpu.user + cpu.system) / 50)).toFixed(0)} captchas/s per free core)`,
  );
  console.log(`render, one at a time:      ${(await renderRate(100, 1)).toFixed(0)} captchas/s`);
  console.log(`render, 2 at once (pool):   ${(await renderRate(100, 2)).toFixed(0)} captchas/s`);
  console.log(`render, 4 at once:          ${(await renderRate(100, 4)).toFixed(0)} captchas/s`);
  console.log(`refill an empty pool of 200: ${await refillRate(200)}`);

  const pooled = await startTestService({
    engine: 'pglite',
    workers: false,
    env: { CAPTCHA_POOL_SIZE: '200', CAPTCHA_TEST_ANSWER: '', RATE_LIMIT_CAPTCHAS: '100000/60' },
  });
  try {
    const { redis, keys } = pooled.services;
    const started = performance.now();
    await pooled.fetch('/v1/captcha'); // starts the refiller (this one renders inline)
    await waitFor(async () => (await redis.llen(keys.captchaPool)) >= 200, 120_000, 10);
    const seconds = (performance.now() - started) / 1000;
    console.log(`same, inside a running api: ${seconds.toFixed(2)} s = ${(200 / seconds).toFixed(0)} captchas/s`);
    console.log(`GET /v1/captcha, pool full: ${await issueLatency(pooled, 90)}`);
    // 90 issued: the pool is below half again; measure while the refiller renders beside us.
    await redis.del(keys.captchaPool);
    console.log(`GET /v1/captcha, refilling: ${await issueLatency(pooled, 50)}`);
  } finally {
    await pooled.stop();
  }

  const inline = await startTestService({
    engine: 'pglite',
    workers: false,
    env: { CAPTCHA_POOL_SIZE: '0', CAPTCHA_TEST_ANSWER: '', RATE_LIMIT_CAPTCHAS: '100000/60' },
  });
  try {
    console.log(`GET /v1/captcha, no pool:   ${await issueLatency(inline, 50)}`);
  } finally {
    await inline.stop();
  }
  console.log(`captcha bench done, ${loadLine()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
