/**
 * Which errors answer 503 (Redis or PostgreSQL unavailable, retry later) rather than 500. A
 * Redis Cluster that fails over raises its own: they are the same "come back shortly".
 */
import { ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { toAppError } from '../../src/http/errors.js';

describe('errors of a Redis Cluster failing over', () => {
  it.each([
    new ReplyError('CLUSTERDOWN The cluster is down'),
    new ReplyError('TRYAGAIN Multiple keys request during rehashing of slot'),
    new Error('Failed to refresh slots cache.'),
    new Error('None of startup nodes is available'),
    new Error('Too many Cluster redirections. Last error: Error: Connection is closed.'),
    new Error('Redis Cluster node serving slot 5461 not connected'),
  ])('$message is 503 unavailable', (error) => {
    expect(toAppError(error)).toMatchObject({ code: 'unavailable' });
  });

  it('a script refused for touching keys of several slots stays a 500: that is our bug', () => {
    expect(toAppError(new ReplyError("CROSSSLOT Keys in request don't hash to the same slot")).code).toBe('internal_error');
  });
});
