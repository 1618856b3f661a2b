/**
 * CPU per GET /v1/captcha (full pool) of this tree's api against another tree's, both up at
 * once, in alternating rounds: the api's `process_cpu_seconds_total` and Redis's `INFO cpu`
 * around each round. On a shared machine only alternation in one sitting tells 10 µs apart.
 * The other tree is a checkout of the commit to compare (`git archive <commit> | tar -x -C dir`,
 * node_modules linked in).
 *
 *   npx tsx bench/captcha-cpu.ts <other tree> [rounds=6] [requests=20000] [connections=50]
 */
import { Redis } from 'ioredis';
import { randomAnswer } from '../src/captcha/answer.js';
import { renderCaptcha } from '../src/captcha/render.js';
import { redisKeys } from '../src/store/keys.js';
import { REDIS_URL } from '../tests/support/redis.js';
import { cannon, ROOT, type startService, type ServiceUnderTest } from './lib.js';

const [other, ...numbers] = process.argv.slice(2);
if (!other) throw new Error('usage: npx tsx bench/captcha-cpu.ts <other tree> [rounds] [requests] [connections]');
const [rounds = 6, requests = 20_000, connections = 50] = numbers.map(Number);
const trees = { other, this: ROOT };

const redis = new Redis(REDIS_URL);
const samples = Array.from({ length: 20 }, () => renderCaptcha(randomAnswer()));

async function apiCpu(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return Number(
    text
      .split('\n')
      .find((l) => l.startsWith('process_cpu_seconds_total '))
      ?.split(' ')[1],
  );
}

async function redisCpu(): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1]);
  return seconds('used_cpu_sys') + seconds('used_cpu_user');
}

/** The tree's api alone (no worker: nothing refills), its refill lock held, its pool full for every round. */
async function start(root: string): Promise<ServiceUnderTest> {
  const lib = (await import(`${root}/bench/lib.ts`)) as { startService: typeof startService };
  const sut = await lib.startService(['api'], { CAPTCHA_POOL_SIZE: '1000', CAPTCHA_TEST_ANSWER: '' });
  const keys = redisKeys(sut.prefix);
  await redis.set(keys.captchaPoolLock, 'bench', 'PX', 3_600_000);
  for (let i = 0; i < (rounds + 1) * requests + 10_000; i += 1_000) {
    await redis.rpush(
      keys.captchaPool,
      ...Array.from({ length: 1_000 }, (_, k) => `${samples[(i + k) % 20].answer}\n${samples[(i + k) % 20].image}`),
    );
  }
  await cannon({ url: `${sut.api!.baseUrl}/v1/captcha`, connections, amount: 5_000 }); // warm-up
  return sut;
}

const suts: Partial<Record<keyof typeof trees, ServiceUnderTest>> = {};
const results: Record<keyof typeof trees, number[]> = { other: [], this: [] };
try {
  for (const name of ['other', 'this'] as const) suts[name] = await start(trees[name]);
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? (['this', 'other'] as const) : (['other', 'this'] as const)) {
      const baseUrl = suts[name]!.api!.baseUrl;
      const [api, db] = [await apiCpu(baseUrl), await redisCpu()];
      const figures = await cannon({ url: `${baseUrl}/v1/captcha`, connections, amount: requests });
      const micros = (((await apiCpu(baseUrl)) - api) * 1e6) / requests;
      results[name].push(micros);
      console.log(
        `round ${round} ${name}: api ${micros.toFixed(1)} µs, Redis ${((((await redisCpu()) - db) * 1e6) / requests).toFixed(1)} µs a captcha; ${figures.non2xx} non-2xx; load ${figures.load}`,
      );
    }
  }
  for (const [name, values] of Object.entries(results)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${name}: api median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} µs, min ${sorted[0].toFixed(1)} µs`);
  }
} finally {
  for (const sut of Object.values(suts)) await sut?.stop();
  redis.disconnect();
}
