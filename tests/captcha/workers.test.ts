/**
 * The captcha pool across real processes: a worker role process (`src/main.ts worker`, as in
 * production) keeps the pool full; the api (in this process, its metrics readable) takes from
 * it and renders nothing while the worker lives, and renders on a render thread once it is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captchaRendered } from '../../src/metrics.js';
import { commentBody } from '../support/load.js';
import { testEnv } from '../support/env.js';
import { counterValue } from '../support/metrics.js';
import { startServiceProcess, type ServiceProcess } from '../support/processes.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

const POOL = 20;
const MAX_PNG_BYTES = 6 * 1024;
const apiRenders = () => counterValue(captchaRendered, { by: 'api' });

interface Issued {
  id: string;
  image: string;
}

describe('captcha pool kept by the worker role (real processes, Redis, PostgreSQL)', () => {
  let api: TestService;
  let worker: ServiceProcess | undefined;
  const env = { CAPTCHA_TEST_ANSWER: '', CAPTCHA_POOL_SIZE: String(POOL), CAPTCHA_RENDER_THREADS: '2' };

  beforeAll(async () => {
    api = await startTestService({ workers: false, env });
    const { redisPrefix, databaseUrl } = api.config;
    worker = await startServiceProcess('worker', testEnv(redisPrefix, { DATABASE_URL: databaseUrl!, ...env }));
  });

  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await api?.stop();
  });

  const issue = async (): Promise<Issued> => {
    const res = await api.fetch('/v1/captcha');
    expect(res.status).toBe(200);
    return (await res.json()) as Issued;
  };

  it('the worker fills the pool with palette PNGs of at most 6 KB', async () => {
    const { redis, keys } = api.services;
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === POOL, 30_000);
    for (const entry of await redis.lrange(keys.captchaPool, 0, -1)) {
      const [answer, image] = entry.split('\n');
      expect(answer).toMatch(/^[a-z0-9]{5}$/);
      const png = Buffer.from(image.slice('data:image/png;base64,'.length), 'base64');
      expect(png[25]).toBe(3); // colour type 3: palette
      expect(png.length).toBeLessThanOrEqual(MAX_PNG_BYTES);
    }
  });

  it('while the worker lives the api renders nothing, even on an emptied pool, and the worker refills it', async () => {
    const { redis, keys } = api.services;
    const before = await apiRenders();
    const images = new Set<string>();
    for (let i = 0; i < POOL; i++) images.add((await issue()).image);
    await redis.del(keys.captchaPool); // drained: the api waits for the worker's refill
    for (let i = 0; i < 5; i++) images.add((await issue()).image);
    expect(images.size).toBe(POOL + 5);
    expect(await apiRenders()).toBe(before);
    await waitFor(async () => (await redis.llen(keys.captchaPool)) >= POOL / 2, 30_000);
  });

  it('an answer lives only in Redis and works once', async () => {
    const { redis, keys } = api.services;
    const { id, image } = await issue();
    const answer = (await redis.get(keys.captchaAnswer(id)))!;
    expect(answer).toMatch(/^[a-z0-9]{5}$/);
    expect(image).not.toContain(answer);
    const body = { ...commentBody(id, 1), captchaAnswer: answer.toUpperCase() };
    expect((await api.post('/v1/comments', body)).status).toBe(202);
    const again = await api.post('/v1/comments', { ...commentBody(id, 2), captchaAnswer: answer });
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('captcha_invalid');
  });

  it('with no worker alive the api renders for itself (on its render thread) and answers at once', async () => {
    const { redis, keys } = api.services;
    await worker?.stop('SIGTERM'); // a clean stop removes its heartbeat at once
    worker = undefined;
    await redis.del(keys.captchaPool);
    const before = await apiRenders();
    const started = Date.now();
    const { id } = await issue();
    expect(Date.now() - started).toBeLessThan(5_000); // no wait for a refill that cannot come
    expect(await redis.get(keys.captchaAnswer(id))).toMatch(/^[a-z0-9]{5}$/);
    expect(await apiRenders()).toBe(before + 1);
    expect(await redis.llen(keys.captchaPool)).toBe(0); // and the api never refills
  });
});
