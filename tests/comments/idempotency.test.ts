/** The Idempotency-Key store against real Redis: claim, wait, replay, release, expiry, another body. */
import { afterAll, describe, expect, it } from 'vitest';
import { IdempotencyStore } from '../../src/comments/idempotency.js';
import { redisKeys } from '../../src/store/keys.js';
import { createRedis, waitForRedis } from '../../src/store/redis.js';
import { uniqueName } from '../support/names.js';
import { deleteRedisPrefix, REDIS_URL } from '../support/redis.js';

const prefix = uniqueName('t');
const redis = createRedis(REDIS_URL, 'command');
const keys = redisKeys(prefix);

afterAll(async () => {
  redis.disconnect();
  await deleteRedisPrefix(prefix);
});

describe('IdempotencyStore', () => {
  it('the first request claims the key; later ones get its answer', async () => {
    await waitForRedis(redis);
    const store = new IdempotencyStore(redis, keys);
    const first = await store.begin('k1', 'fp');
    expect(first.kind).toBe('claimed');
    if (first.kind !== 'claimed') return;
    await store.complete('k1', first.token, 'fp', { status: 202, body: { id: 'c1', status: 'pending' } });
    expect(await store.begin('k1', 'fp')).toEqual({ kind: 'replay', answer: { status: 202, body: { id: 'c1', status: 'pending' } } });
    expect(await redis.ttl(keys.idempotency('k1'))).toBeGreaterThan(24 * 3600 - 5);
  });

  it('a request arriving while the first runs waits for its answer', async () => {
    const store = new IdempotencyStore(redis, keys, { waitMs: 800, pollMs: 20 });
    const first = await store.begin('k2', 'fp');
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    const second = store.begin('k2', 'fp');
    setTimeout(() => void store.complete('k2', first.token, 'fp', { status: 409, body: { error: { code: 'duplicate_comment' } } }), 100);
    expect(await second).toEqual({ kind: 'replay', answer: { status: 409, body: { error: { code: 'duplicate_comment' } } } });
  });

  it('gives up waiting with busy, and a released key can be claimed again', async () => {
    const store = new IdempotencyStore(redis, keys, { waitMs: 100, pollMs: 20 });
    const first = await store.begin('k3', 'fp');
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    expect(await store.begin('k3', 'fp')).toEqual({ kind: 'busy' });
    await store.release('k3', first.token, 'fp');
    expect((await store.begin('k3', 'fp')).kind).toBe('claimed');
  });

  it('only the owner of the marker can complete or release it', async () => {
    const store = new IdempotencyStore(redis, keys, { waitMs: 50, pollMs: 10 });
    const first = await store.begin('k4', 'fp');
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    await store.release('k4', 'not-the-token', 'fp');
    await store.complete('k4', 'not-the-token', 'fp', { status: 202, body: {} });
    expect(await store.begin('k4', 'fp')).toEqual({ kind: 'busy' });
  });

  it('the key with another body is a mismatch, answered or still in flight, and takes nothing over', async () => {
    const store = new IdempotencyStore(redis, keys, { waitMs: 800, pollMs: 20 });
    const first = await store.begin('k6', 'body-a');
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    const started = Date.now();
    expect(await store.begin('k6', 'body-b')).toEqual({ kind: 'mismatch' });
    expect(Date.now() - started).toBeLessThan(200); // no waiting for an answer that is not for it
    await store.complete('k6', first.token, 'body-a', { status: 202, body: { id: 'c6' } });
    expect(await store.begin('k6', 'body-b')).toEqual({ kind: 'mismatch' });
    expect(await store.begin('k6', 'body-a')).toEqual({ kind: 'replay', answer: { status: 202, body: { id: 'c6' } } });
  });

  it('the marker of a request that died expires on its own', async () => {
    const store = new IdempotencyStore(redis, keys, { markerTtlSeconds: 1, waitMs: 50, pollMs: 10 });
    expect((await store.begin('k5', 'fp')).kind).toBe('claimed');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await store.begin('k5', 'fp')).kind).toBe('claimed');
  });
});
