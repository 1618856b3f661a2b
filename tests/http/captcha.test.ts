import { afterEach, describe, expect, it } from 'vitest';
import { captchaJson } from '../../src/http/routes/captcha.js';
import { captchaIssued, captchaVerifications } from '../../src/metrics.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis.js';
import { startTestService, type TestService } from '../support/service.js';
import { useTestService } from '../support/hooks.js';
import { waitFor } from '../support/wait.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface IssuedBody {
  id: string;
  image: string;
  expiresIn: number;
}

async function getCaptcha(svc: TestService, headers: Record<string, string> = {}): Promise<IssuedBody> {
  const res = await svc.fetch('/v1/captcha', { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as IssuedBody;
}

function pngBytes(dataUrl: string): Buffer {
  const prefix = 'data:image/png;base64,';
  expect(dataUrl.startsWith(prefix)).toBe(true);
  return Buffer.from(dataUrl.slice(prefix.length), 'base64');
}

/** Chunk types of a PNG, in order (IHDR, IDAT…, IEND; text chunks would carry metadata). */
function pngChunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    types.push(png.toString('latin1', offset + 4, offset + 8));
    offset += 12 + length;
  }
  return types;
}

async function metricValue(metric: typeof captchaIssued | typeof captchaVerifications, labels: Record<string, string> = {}) {
  const { values } = await metric.get();
  const match = values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k as never] === l));
  return match?.value ?? 0;
}

describe('GET /v1/captcha with real answers', () => {
  // CAPTCHA_TEST_ANSWER empty = unset: answers are the random text drawn in the image. The
  // in-process workers keep the pool full, as under npm start.
  const app = useTestService({ env: { CAPTCHA_TEST_ANSWER: '' } });

  it('answers 200 {id, image, expiresIn} with no-store and a PNG data URL', async () => {
    const res = await app.svc.fetch('/v1/captcha');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as IssuedBody;
    expect(Object.keys(body).sort()).toEqual(['expiresIn', 'id', 'image']);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(body.expiresIn).toBe(300);
    const png = pngBytes(body.image);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(180); // IHDR width
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(64); // IHDR height
  });

  it('keeps the answer out of the response: not in the id, not in the image metadata', async () => {
    for (let i = 0; i < 5; i++) {
      const body = await getCaptcha(app.svc);
      const answer = await app.svc.services.redis.get(app.svc.services.keys.captchaAnswer(body.id));
      expect(answer).toMatch(/^[a-z0-9]{5}$/);
      expect(body.id.toLowerCase()).not.toContain(answer);
      const png = pngBytes(body.image);
      expect(pngChunkTypes(png).filter((t) => t !== 'IDAT')).toEqual(['IHDR', 'PLTE', 'IEND']);
      expect(png.toString('latin1').toLowerCase()).not.toContain(answer);
      // The Redis key's TTL is the captcha's lifetime.
      const ttl = await app.svc.services.redis.ttl(app.svc.services.keys.captchaAnswer(body.id));
      expect(ttl).toBeGreaterThan(290);
      expect(ttl).toBeLessThanOrEqual(300);
    }
  });

  it('gives every captcha a different id and image', async () => {
    const a = await getCaptcha(app.svc);
    const b = await getCaptcha(app.svc);
    expect(a.id).not.toBe(b.id);
    expect(a.image).not.toBe(b.image);
  });

  it('verifies the stored answer case-insensitively, once', async () => {
    const body = await getCaptcha(app.svc);
    const answer = (await app.svc.services.redis.get(app.svc.services.keys.captchaAnswer(body.id)))!;
    expect(await app.svc.services.captcha.verify(body.id, ` ${answer.toUpperCase()} `)).toBe('ok');
    expect(await app.svc.services.captcha.verify(body.id, answer)).toBe('expired');
  });

  it('serves from the pool: an issue pops one entry, and the refiller tops the pool up', async () => {
    const { redis, keys } = app.svc.services;
    // The workers filled the pool; CAPTCHA_POOL_SIZE is 5 in tests.
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === 5, 10_000);
    const entry = (await redis.lindex(keys.captchaPool, 0))!; // `<answer>\n<image>`
    const next = { answer: entry.slice(0, entry.indexOf('\n')), image: entry.slice(entry.indexOf('\n') + 1) };
    const body = await getCaptcha(app.svc);
    expect(body.image).toBe(next.image);
    expect(await redis.get(keys.captchaAnswer(body.id))).toBe(next.answer.toLowerCase());
    expect(await redis.llen(keys.captchaPool)).toBe(4);
    // Below half (3 of 5 → 2 left) the workers' refiller renders the pool full again.
    await getCaptcha(app.svc);
    await getCaptcha(app.svc);
    await waitFor(async () => (await redis.llen(keys.captchaPool)) === 5, 10_000);
  });

  it('still issues when the pool is empty (the live worker refills it meanwhile)', async () => {
    const { redis, keys } = app.svc.services;
    await redis.del(keys.captchaPool);
    const body = await getCaptcha(app.svc);
    expect(pngBytes(body.image).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(await redis.get(keys.captchaAnswer(body.id))).toMatch(/^[a-z0-9]{5}$/);
  });

  it('counts issued captchas and verification results in the metrics', async () => {
    const issuedBefore = await metricValue(captchaIssued);
    const before = {
      ok: await metricValue(captchaVerifications, { result: 'ok' }),
      wrong: await metricValue(captchaVerifications, { result: 'wrong' }),
      expired: await metricValue(captchaVerifications, { result: 'expired' }),
    };
    const a = await getCaptcha(app.svc);
    const b = await getCaptcha(app.svc);
    const answer = (await app.svc.services.redis.get(app.svc.services.keys.captchaAnswer(a.id)))!;
    expect(await app.svc.services.captcha.verify(a.id, answer)).toBe('ok');
    expect(await app.svc.services.captcha.verify(b.id, 'nope!')).toBe('wrong');
    expect(await app.svc.services.captcha.verify(b.id, 'nope!')).toBe('expired');
    expect(await metricValue(captchaIssued)).toBe(issuedBefore + 2);
    expect(await metricValue(captchaVerifications, { result: 'ok' })).toBe(before.ok + 1);
    expect(await metricValue(captchaVerifications, { result: 'wrong' })).toBe(before.wrong + 1);
    expect(await metricValue(captchaVerifications, { result: 'expired' })).toBe(before.expired + 1);
  });
});

describe('GET /v1/captcha in test mode', () => {
  const app = useTestService({ workers: false, env: { CAPTCHA_TTL_SECONDS: '10' } });

  it('gives every captcha the CAPTCHA_TEST_ANSWER and the configured lifetime', async () => {
    const body = await getCaptcha(app.svc);
    expect(body.expiresIn).toBe(10);
    expect(await app.svc.services.redis.get(app.svc.services.keys.captchaAnswer(body.id))).toBe(TEST_CAPTCHA_ANSWER);
  });

  it('accepts the right answer in any letter case', async () => {
    const body = await getCaptcha(app.svc);
    expect(await app.svc.services.captcha.verify(body.id, TEST_CAPTCHA_ANSWER.toUpperCase())).toBe('ok');
  });

  it('a wrong first attempt consumes the captcha: the right answer afterwards is refused', async () => {
    const body = await getCaptcha(app.svc);
    expect(await app.svc.services.captcha.verify(body.id, 'wrong')).toBe('wrong');
    expect(await app.svc.services.captcha.verify(body.id, TEST_CAPTCHA_ANSWER)).toBe('expired');
  });

  it('a right answer cannot be used twice', async () => {
    const body = await getCaptcha(app.svc);
    expect(await app.svc.services.captcha.verify(body.id, TEST_CAPTCHA_ANSWER)).toBe('ok');
    expect(await app.svc.services.captcha.verify(body.id, TEST_CAPTCHA_ANSWER)).toBe('expired');
  });

  it('an expired (gone from Redis) or never-issued captcha is expired', async () => {
    const body = await getCaptcha(app.svc);
    await app.svc.services.redis.del(app.svc.services.keys.captchaAnswer(body.id));
    expect(await app.svc.services.captcha.verify(body.id, TEST_CAPTCHA_ANSWER)).toBe('expired');
    expect(await app.svc.services.captcha.verify('A'.repeat(24), TEST_CAPTCHA_ANSWER)).toBe('expired');
    expect(await app.svc.services.captcha.verify('not an id', TEST_CAPTCHA_ANSWER)).toBe('expired');
    expect(await app.svc.services.captcha.verify('', '')).toBe('expired');
  });
});

describe('GET /v1/captcha rate limit', () => {
  const app = useTestService({ workers: false, env: { RATE_LIMIT_CAPTCHAS: '3/60', TRUST_PROXY: '1' } });

  it('answers 429 rate_limited with Retry-After after 3 per client IP, other IPs unaffected', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip, 'accept-language': 'en' });
    for (let i = 0; i < 3; i++) await getCaptcha(app.svc, from('203.0.113.7'));
    const res = await app.svc.fetch('/v1/captcha', { headers: from('203.0.113.7') });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message.length).toBeGreaterThan(0);
    // Another reader is not punished for the first one.
    await getCaptcha(app.svc, from('198.51.100.9'));
  });
});

describe('GET /v1/captcha when Redis goes away', () => {
  let redis: PrivateRedis | undefined;
  let svc: TestService | undefined;

  afterEach(async () => {
    await redis?.kill();
    // The service's own prefix lived in the private Redis, which is gone: stop only closes.
    await svc?.stop().catch(() => {});
  });

  it('answers 503 unavailable with Retry-After within 2 s, and serves again once Redis is back', async () => {
    redis = await startPrivateRedis();
    svc = await startTestService({ workers: false, env: { REDIS_URL: redis.url } });
    await getCaptcha(svc);

    await redis.kill();

    const started = Date.now();
    const res = await svc.fetch('/v1/captcha', { headers: { 'accept-language': 'en' } });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('unavailable');

    // Redis back (empty: the pool is gone too): the same process heals without a restart.
    await redis.start();
    const healed = await waitFor(
      async () => {
        const again = await svc!.fetch('/v1/captcha');
        return again.status === 200 ? ((await again.json()) as IssuedBody) : undefined;
      },
      10_000,
      200,
    );
    expect(healed.image.startsWith('data:image/png;base64,')).toBe(true);
  });
});

describe('the captcha body, written as bytes', () => {
  it('is exactly what JSON.stringify writes for the same captcha', () => {
    const id = 'Ab9_-'.repeat(4) + 'xYz0';
    const image = 'data:image/svg+xml;base64,PHN2Zz4=';
    const body = captchaJson({ id, image: Buffer.from(image), expiresIn: 300 });
    expect(body.toString('utf8')).toBe(JSON.stringify({ id, image, expiresIn: 300 }));
    expect(JSON.parse(body.toString('utf8'))).toEqual({ id, image, expiresIn: 300 });
  });
});
