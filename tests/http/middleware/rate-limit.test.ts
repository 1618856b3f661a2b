import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { errorResponse, toAppError } from '../../../src/http/errors.js';
import { consume, createRateLimiter, ipBucket, rateLimit } from '../../../src/http/middleware/rate-limit/index.js';
import { createRedis, waitForRedis } from '../../../src/store/redis.js';
import { uniqueName } from '../../support/names.js';
import { deleteRedisPrefix, REDIS_URL } from '../../support/redis.js';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('rate limiter (real Redis)', () => {
  let redis: Redis;
  const prefix = uniqueName('rl');

  beforeAll(async () => {
    redis = createRedis(REDIS_URL, 'command');
    await waitForRedis(redis);
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteRedisPrefix(prefix);
  });

  it('allows `points` events per key, then throws rate_limited with the seconds to wait', async () => {
    const limiter = createRateLimiter({ redis, keyPrefix: `${prefix}:rl:a`, points: 2, durationSeconds: 30 });
    await limiter.consume('1.2.3.4');
    await consume(limiter, '1.2.3.4');
    const error = await rejection(limiter.consume('1.2.3.4'));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(30);
    await limiter.consume('5.6.7.8'); // another key has its own budget
  });

  it('keeps limits with different prefixes apart and stores counters under the prefix', async () => {
    const a = createRateLimiter({ redis, keyPrefix: `${prefix}:rl:b`, points: 1, durationSeconds: 30 });
    const b = createRateLimiter({ redis, keyPrefix: `${prefix}:rl:c`, points: 1, durationSeconds: 30 });
    await a.consume('ip');
    await b.consume('ip');
    expect(await redis.exists(`${prefix}:rl:b:ip`)).toBe(1);
    expect((await rejection(a.consume('ip'))).code).toBe('rate_limited');
  });

  it('throws unavailable at once when Redis cannot be reached (no in-memory fallback)', async () => {
    const down = createRedis('redis://127.0.0.1:1', 'command');
    try {
      const limiter = createRateLimiter({ redis: down, keyPrefix: `${prefix}:rl:d`, points: 100, durationSeconds: 30 });
      const started = Date.now();
      const error = await rejection(limiter.consume('ip'));
      expect(error.code).toBe('unavailable');
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      down.disconnect();
    }
  });

  it('as middleware: counts per client IP and answers 429 with Retry-After', async () => {
    const limiter = createRateLimiter({ redis, keyPrefix: `${prefix}:rl:e`, points: 1, durationSeconds: 30 });
    const app = new Hono();
    app.use(async (c, next) => {
      c.set('clientIp', c.req.header('x-test-ip') ?? 'unknown');
      await next();
    });
    app.onError((error, c) => errorResponse(c, toAppError(error)));
    app.get('/limited', rateLimit({ limiter }), (c) => c.text('ok'));
    const get = (ip: string) => app.request('/limited', { headers: { 'x-test-ip': ip } });
    expect((await get('10.0.0.1')).status).toBe(200);
    const limited = await get('10.0.0.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await get('10.0.0.2')).status).toBe(200);
    // Two addresses of one IPv6 /64 are one client.
    expect((await get('2001:db8:1:2::a')).status).toBe(200);
    expect((await get('2001:db8:1:2::b')).status).toBe(429);
    expect((await get('2001:db8:1:3::a')).status).toBe(200);
  });
});

describe('ipBucket', () => {
  it('keeps IPv4 addresses and anything that is not an IPv6 address as they are', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('unknown')).toBe('unknown');
    expect(ipBucket('')).toBe('');
  });

  it('counts IPv6 addresses per /64, whatever their spelling', () => {
    const bucket = '2001:db8:ab:cd::/64';
    for (const ip of [
      '2001:db8:ab:cd::1',
      '2001:0db8:00ab:00cd:1111:2222:3333:4444',
      '2001:DB8:AB:CD:ffff::',
      '2001:db8:ab:cd:0:0:0:0',
      '2001:db8:ab:cd::ffff:1.2.3.4',
      '2001:db8:ab:cd::1%eth0',
    ]) {
      expect(ipBucket(ip)).toBe(bucket);
    }
    expect(ipBucket('2001:db8:ab:ce::1')).not.toBe(bucket);
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
    expect(ipBucket('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
  });
});
