/**
 * Several deployments on one Redis server: Redis pub/sub channels belong to the whole server,
 * not to a database number and not to a key prefix. A live event of one instance must never
 * reach the moderators of another — neither one with another REDIS_PREFIX, nor one with the
 * same prefix on another database number (redis://…/1 and redis://…/2). Checked end to end
 * through the admin live-events endpoint, and on the word-list channel the workers listen to.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../../src/admin/api/events-hub.js';
import { createLogger } from '../../../src/logger.js';
import { insertComment } from '../../support/comments.js';
import { adminEnv, login } from '../../support/moderators.js';
import { uniqueName } from '../../support/names.js';
import { deleteRedisPrefix, REDIS_URL } from '../../support/redis.js';
import { startTestService, type TestService } from '../../support/service.js';
import { openEvents } from '../../support/sse-client.js';
import { waitFor } from '../../support/wait.js';

/** GET /admin/api/events as a logged-in moderator's browser reads it, once connected. */
async function openEventsAsModerator(svc: TestService) {
  const admin = await login(svc);
  const stream = await openEvents(svc, admin.cookie);
  expect(stream.res.status).toBe(200);
  await waitFor(() => stream.comments.includes('connected'), 3_000);
  return { admin, events: stream.events, close: stream.close };
}

/** `first` decides a comment; its own moderators see it, those of `other` never do. */
async function expectIsolated(first: TestService, other: TestService) {
  const own = await openEventsAsModerator(first);
  const foreign = await openEventsAsModerator(other);
  try {
    const c = await insertComment(first.services, { articleId: 'bao-lu-mien-trung' });
    expect((await own.admin.post(`/admin/api/comments/${c.id}/approve`, {})).status).toBe(200);
    await waitFor(() => own.events.some((e) => e.type === 'comment.decided' && e.id === c.id), 3_000);
    // The same Redis server delivers a message to every subscriber in well under this.
    await new Promise((r) => setTimeout(r, 300));
    expect(foreign.events).toEqual([]);
  } finally {
    await own.close();
    await foreign.close();
  }
}

/** A word-list change announced by `first` reaches `first`'s channel only. */
async function expectLexiconIsolated(first: TestService, other: TestService) {
  const logger = createLogger('silent');
  const hubs = [first, other].map((s) => new EventHub({ redis: s.config, channel: s.services.keys.lexiconChannel, logger }));
  const heard: string[][] = [[], []];
  try {
    await Promise.all(hubs.map((hub, i) => hub.listen((m) => heard[i].push(m))));
    await first.services.redis.publish(first.services.keys.lexiconChannel, 'changed');
    await waitFor(() => heard[0].length === 1, 2_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(heard[1]).toEqual([]);
  } finally {
    for (const hub of hubs) hub.close();
  }
}

describe('two instances with different REDIS_PREFIX on one Redis database', () => {
  let a: TestService;
  let b: TestService;
  beforeAll(async () => {
    a = await startTestService({ engine: 'postgres', workers: false, env: adminEnv });
    b = await startTestService({ engine: 'postgres', workers: false, env: adminEnv });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('a live event of one never reaches the moderators of the other', async () => {
    expect(a.config.redisPrefix).not.toBe(b.config.redisPrefix);
    await expectIsolated(a, b);
    await expectIsolated(b, a);
  });

  it('a word-list change of one is not announced to the other', async () => {
    await expectLexiconIsolated(a, b);
  });
});

describe('two instances with the same REDIS_PREFIX on different database numbers', () => {
  const prefix = uniqueName('db');
  const urls = [`${REDIS_URL}/1`, `${REDIS_URL}/2`];
  let a: TestService;
  let b: TestService;
  beforeAll(async () => {
    [a, b] = await Promise.all(
      urls.map((url) =>
        startTestService({ engine: 'postgres', workers: false, env: { ...adminEnv, REDIS_URL: url, REDIS_PREFIX: prefix } }),
      ),
    );
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    for (const url of urls) await deleteRedisPrefix(prefix, url);
  });

  it('really are two databases of one server under one prefix', async () => {
    expect(a.config.redisPrefix).toBe(prefix);
    expect(b.config.redisPrefix).toBe(prefix);
    await a.services.redis.set(`${prefix}:probe`, 'a');
    expect(await b.services.redis.get(`${prefix}:probe`)).toBeNull();
    const direct = new Redis(REDIS_URL);
    try {
      expect(await direct.get(`${prefix}:probe`)).toBeNull(); // nor database 0
    } finally {
      direct.disconnect();
    }
  });

  it('a live event of one never reaches the moderators of the other', async () => {
    await expectIsolated(a, b);
    await expectIsolated(b, a);
  });

  it('a word-list change of one is not announced to the other', async () => {
    await expectLexiconIsolated(a, b);
  });
});
