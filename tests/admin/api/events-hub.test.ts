import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { EventHub } from '../../../src/admin/api/events-hub.js';
import { createLogger } from '../../../src/logger.js';
import { uniqueName } from '../../support/names.js';
import { REDIS_URL } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';

describe('EventHub', () => {
  const channel = uniqueName('events');
  const publisher = new Redis(REDIS_URL);
  afterAll(() => publisher.disconnect());

  it('fans one subscription out to every listener, forgets a listener that leaves, and ends streams on close', async () => {
    const hub = new EventHub({ redis: { redisUrl: REDIS_URL }, channel, logger: createLogger('silent') });
    const a: string[] = [];
    const b: string[] = [];
    let closedB = false;
    const stopA = await hub.listen((m) => a.push(m));
    await hub.listen(
      (m) => b.push(m),
      () => (closedB = true),
    );
    expect(hub.listenerCount).toBe(2);
    const [, subscribers] = (await publisher.pubsub('NUMSUB', channel)) as [string, number];
    expect(Number(subscribers)).toBe(1);

    await publisher.publish(channel, 'one');
    await waitFor(() => a.length === 1 && b.length === 1, 2_000);
    stopA();
    expect(hub.listenerCount).toBe(1);
    await publisher.publish(channel, 'two');
    await waitFor(() => b.length === 2, 2_000);
    expect(a).toEqual(['one']);

    hub.close();
    expect(closedB).toBe(true);
    expect(hub.listenerCount).toBe(0);
    await waitFor(async () => Number(((await publisher.pubsub('NUMSUB', channel)) as [string, number])[1]) === 0, 2_000);
    await expect(hub.listen(() => {})).rejects.toThrow(/closed/);
    expect(hub.listenerCount).toBe(0);
  });
});
