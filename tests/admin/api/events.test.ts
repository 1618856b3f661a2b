import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComment } from '../../support/comments.js';
import { adminEnv, login, type Moderator } from '../../support/moderators.js';
import { startTestService, type TestService } from '../../support/service.js';
import { openEvents } from '../../support/sse-client.js';
import { waitFor } from '../../support/wait.js';

describe('live events across api copies', () => {
  let first: TestService;
  let second: TestService;
  let admin: Moderator;
  beforeAll(async () => {
    first = await startTestService({ engine: 'postgres', env: adminEnv });
    // A second api copy on the same Redis prefix and database, without workers.
    second = await startTestService({ shareWith: first.config, workers: false, env: adminEnv });
    admin = await login(first);
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('a moderator connected to the second copy sees a decision taken on the first', async () => {
    // The session made on the first copy is valid on the second: sessions live in Redis.
    const stream = await openEvents(second, admin.cookie);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await waitFor(() => stream.comments.includes('connected'), 2_000);

    const c = await insertComment(first.services, { articleId: 'song-truc-tiep' });
    expect((await admin.post(`/admin/api/comments/${c.id}/approve`, {})).status).toBe(200);
    const event = await waitFor(() => stream.events.find((e) => e.type === 'comment.decided' && e.id === c.id), 3_000);
    expect(event).toMatchObject({ articleId: 'song-truc-tiep', status: 'approved', decidedBy: admin.id });
    expect(JSON.stringify(event)).not.toMatch(/a@example\.vn|bình luận/); // ids and states only
    await stream.close();
  });

  it('uses one Redis subscription per api process however many moderators are connected', async () => {
    const { redis, keys } = first.services;
    const streams = await Promise.all([1, 2, 3].map(() => openEvents(second, admin.cookie)));
    await waitFor(() => streams.every((s) => s.comments.includes('connected')), 2_000);
    const [, subscribers] = (await redis.pubsub('NUMSUB', keys.eventsChannel)) as [string, number];
    // The second copy has one subscriber connection; the first may have one from the previous test at most.
    expect(Number(subscribers)).toBeGreaterThanOrEqual(1);
    expect(Number(subscribers)).toBeLessThanOrEqual(2);
    // Every one of them gets each event.
    await redis.publish(
      keys.eventsChannel,
      JSON.stringify({ type: 'comment.queued', id: 'x1', articleId: 'a', status: 'pending', at: new Date().toISOString() }),
    );
    await waitFor(() => streams.every((s) => s.events.some((e) => e.id === 'x1')), 2_000);
    await Promise.all(streams.map((s) => s.close()));
  });

  it('answers 401 to a client without a session', async () => {
    const res = await second.fetch('/admin/api/events');
    expect(res.status).toBe(401);
  });
});
