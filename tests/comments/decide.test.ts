import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecisionService } from '../../src/comments/decide.js';
import { createQueues } from '../../src/queues/index.js';
import { createRedis } from '../../src/store/redis.js';
import { insertComment } from '../support/comments.js';
import { startTestService, type TestService } from '../support/service.js';

describe('a decision when Redis fails right after the commit', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false });
  });
  afterAll(() => svc?.stop());

  it('stands in PostgreSQL, and the public count is right from PostgreSQL', async () => {
    // A Redis nobody listens on: the cache write, the publish jobs and the live event all fail.
    const deadRedis = createRedis('redis://127.0.0.1:1', 'command');
    const deadQueues = createQueues(createRedis('redis://127.0.0.1:1', 'command'), svc.services.keys.queuePrefix);
    for (const queue of deadQueues.all()) queue.on('error', () => {}); // expected: keep the output quiet
    try {
      const c = await insertComment(svc.services, { articleId: 'redis-sap' });
      const started = Date.now();
      const decisions = createDecisionService({
        ...svc.services,
        redis: deadRedis,
        queues: deadQueues,
        countCache: svc.services.countCache,
      });
      const decided = await decisions.decide({ commentId: c.id, decision: 'approve', moderatorId: 'm1' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(decided.status).toBe('approved');
      expect((await svc.services.comments.findById(c.id))!.status).toBe('approved');
      const body = await (await svc.fetch('/v1/counts?articles=redis-sap')).json();
      expect(body.counts['redis-sap']).toBe(1);
    } finally {
      await deadQueues.close().catch(() => {});
      deadRedis.disconnect();
    }
  });
});
