/**
 * POST /v1/comments against a real service: the rate limits (per address, per IPv6 /64) and
 * the answers while Redis hangs or is gone.
 */
import { describe, expect, it } from 'vitest';
import { commentsRejected } from '../../src/metrics.js';
import { validComment } from '../support/comments.js';
import { counterValue } from '../support/metrics.js';
import { useServiceOnPrivateRedis, useTestService } from '../support/hooks.js';
import { waitFor } from '../support/wait.js';

describe('POST /v1/comments: rate limit', () => {
  const app = useTestService({ engine: 'pglite', workers: false, env: { RATE_LIMIT_COMMENTS: '2/60' } });

  it('429 rate_limited with Retry-After past the limit; idempotent replays are not counted', async () => {
    const first = await validComment(app.svc);
    const key = `rl-${Date.now()}`;
    expect((await app.svc.post('/v1/comments', first, { 'idempotency-key': key })).status).toBe(202);
    // Replays of the first submission do not use up the allowance.
    for (let i = 0; i < 3; i++) expect((await app.svc.post('/v1/comments', first, { 'idempotency-key': key })).status).toBe(202);
    expect((await app.svc.post('/v1/comments', await validComment(app.svc))).status).toBe(202);

    const before = await counterValue(commentsRejected, { reason: 'rate_limited' });
    const limited = await app.svc.post('/v1/comments', await validComment(app.svc), { 'accept-language': 'en' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await limited.json()).error).toEqual({ code: 'rate_limited', message: 'Too many requests. Please try again shortly.' });
    expect(await counterValue(commentsRejected, { reason: 'rate_limited' })).toBe(before + 1);
  });

  it('a rate-limited request does not keep its Idempotency-Key', async () => {
    const key = `rl2-${Date.now()}`;
    const limited = await app.svc.post('/v1/comments', await validComment(app.svc), { 'idempotency-key': key });
    expect(limited.status).toBe(429);
    expect(await app.svc.services.redis.exists(app.svc.services.keys.idempotency(`127.0.0.1 ${key}`))).toBe(0);
  });
});

describe('POST /v1/comments: rate limit per IPv6 /64', () => {
  const app = useTestService({ engine: 'pglite', workers: false, env: { RATE_LIMIT_COMMENTS: '2/60', TRUST_PROXY: '1' } });

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('two addresses of one /64 share one allowance, as for captchas; another /64 has its own', async () => {
    expect((await app.svc.post('/v1/comments', await validComment(app.svc), from('2001:db8:5:6::1'))).status).toBe(202);
    expect((await app.svc.post('/v1/comments', await validComment(app.svc), from('2001:db8:5:6:aaaa:bbbb:cccc:dddd'))).status).toBe(202);
    const rotated = await app.svc.post('/v1/comments', await validComment(app.svc), from('2001:DB8:5:6::ffff'));
    expect(rotated.status).toBe(429);
    expect((await rotated.json()).error.code).toBe('rate_limited');
    expect((await app.svc.post('/v1/comments', await validComment(app.svc), from('2001:db8:5:7::1'))).status).toBe(202);
    // IPv4 addresses still count one by one.
    expect((await app.svc.post('/v1/comments', await validComment(app.svc), from('203.0.113.1'))).status).toBe(202);
    expect((await app.svc.post('/v1/comments', await validComment(app.svc), from('203.0.113.2'))).status).toBe(202);
  });
});

describe('POST /v1/comments when Redis goes away', () => {
  const app = useServiceOnPrivateRedis({ engine: 'pglite', workers: false });

  it('answers 503 within 2 s when Redis hangs (process frozen, connections open)', async () => {
    // Warm the path first (a cold process spends its first request loading code): the 2 s
    // are about Redis, not start-up.
    expect((await app.svc.post('/v1/comments', await validComment(app.svc))).status).toBe(202);
    const body = await validComment(app.svc);
    app.redis.pause();
    try {
      const started = Date.now();
      const res = await app.svc.post('/v1/comments', body, { 'idempotency-key': `hang-${Date.now()}` });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).not.toBeNull();
    } finally {
      app.redis.resume();
    }
  });

  it('answers 503 unavailable with Retry-After within 2 s, with or without Idempotency-Key, then recovers', async () => {
    const bodies = [await validComment(app.svc), await validComment(app.svc)];
    await app.redis.kill();

    const variants: Record<string, string>[] = [{}, { 'idempotency-key': `down-${Date.now()}` }];
    for (const [i, headers] of variants.entries()) {
      const started = Date.now();
      const res = await app.svc.post('/v1/comments', bodies[i], { ...headers, 'accept-language': 'en' });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await res.json()).error).toEqual({ code: 'unavailable', message: 'The service is busy. Please try again later.' });
    }

    await app.redis.start();
    const res = await waitFor(
      async () => {
        const attempt = await app.svc.post('/v1/comments', await validComment(app.svc));
        return attempt.status === 202 ? attempt : null;
      },
      10_000,
      200,
    );
    expect((await res.json()).status).toBe('pending');
  });
});
