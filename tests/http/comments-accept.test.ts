/**
 * POST /v1/comments against a real service (real Redis, PostgreSQL and PGlite), the accepting
 * side of the contract: 202 and what is stored, Idempotency-Key, CORS and the headers.
 * The refusals are in comments-refusals.test.ts, the rate limits and Redis outages in
 * comments-limits.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { commentsAccepted } from '../../src/metrics.js';
import { freshCaptcha, moderationJobCount, validComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { counterValue } from '../support/metrics.js';
import { useTestService } from '../support/hooks.js';
import { waitFor } from '../support/wait.js';

describe.each(ENGINES)('POST /v1/comments (%s)', (engine) => {
  const app = useTestService({ engine });

  const storedComment = (id: string) => app.svc.services.comments.findById(id);

  describe('accepted', () => {
    it('answers 202 {id, status: "pending"} and the comment reaches pending with its verdict', async () => {
      const acceptedBefore = await counterValue(commentsAccepted);
      const body = await validComment(app.svc);
      const res = await app.svc.post('/v1/comments', body);
      expect(res.status).toBe(202);
      const answer = await res.json();
      expect(Object.keys(answer).sort()).toEqual(['id', 'status']);
      expect(answer.status).toBe('pending');
      expect(answer.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      expect(await app.svc.services.queues.moderation.getJob(answer.id)).toBeDefined();
      expect(await counterValue(commentsAccepted)).toBe(acceptedBefore + 1);

      const stored = await waitFor(() => storedComment(answer.id));
      expect(stored.status).toBe('pending');
      expect(stored.verdict?.action).toBe('pass');
      expect(stored.content).toBe(body.content);
      expect(stored.authorEmail).toBe('an@example.vn');
      expect(stored.ip).toBe('127.0.0.1');
    });

    it('keeps the text as typed after NFC and trim, counting characters as code points', async () => {
      const decomposedName = '  Trần Thị Bi\u0300nh  '; // "Bình" with a combining grave accent
      const emojiContent = ` ${'😀'.repeat(5000)} `; // 5000 characters, 10000 UTF-16 units
      const res = await app.svc.post(
        '/v1/comments',
        await validComment(app.svc, { authorName: decomposedName, content: emojiContent, authorEmail: '' }),
      );
      expect(res.status).toBe(202);
      const { id } = await res.json();
      const stored = await waitFor(() => storedComment(id));
      expect(stored.authorName).toBe('Trần Thị Bình'.normalize('NFC'));
      expect(stored.authorName).toBe(decomposedName.trim().normalize('NFC'));
      expect(stored.content).toBe('😀'.repeat(5000));
      expect(stored.authorEmail).toBeNull();
    });

    it('accepts application/json; charset=utf-8', async () => {
      const res = await app.svc.post('/v1/comments', await validComment(app.svc), { 'content-type': 'application/json; charset=utf-8' });
      expect(res.status).toBe(202);
    });

    it('accepts a reply to an approved comment of the same article', async () => {
      const parent = await (await app.svc.post('/v1/comments', await validComment(app.svc))).json();
      await waitFor(() => storedComment(parent.id));
      await app.svc.services.db.query(`UPDATE comments SET status = 'approved' WHERE id = $1`, [parent.id]);
      const res = await app.svc.post('/v1/comments', await validComment(app.svc, { parentId: parent.id }));
      expect(res.status).toBe(202);
      const { id } = await res.json();
      const reply = await waitFor(() => storedComment(id));
      expect(reply.parentId).toBe(parent.id);
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key gives the first answer again and creates nothing new', async () => {
      const key = `k-${Date.now()}-1`;
      const jobsBefore = await moderationJobCount(app.svc);
      const body = await validComment(app.svc);
      const first = await app.svc.post('/v1/comments', body, { 'idempotency-key': key });
      expect(first.status).toBe(202);
      const firstBody = await first.json();
      // A second try with a new captcha (the widget's retry) still gets the first answer.
      const second = await app.svc.post('/v1/comments', { ...body, captchaId: await freshCaptcha(app.svc) }, { 'idempotency-key': key });
      expect(second.status).toBe(202);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await second.json()).toEqual(firstBody);
      expect(await moderationJobCount(app.svc)).toBe(jobsBefore + 1);
      // Scoped by the client's address (its /64 for IPv6): 127.0.0.1 here.
      const ttl = await app.svc.services.redis.ttl(app.svc.services.keys.idempotency(`127.0.0.1 ${key}`));
      expect(ttl).toBeGreaterThan(24 * 3600 - 10);
    });

    it('concurrent requests with the same key and body create one comment and all get its answer', async () => {
      const key = `k-${Date.now()}-2`;
      const jobsBefore = await moderationJobCount(app.svc);
      const body = await validComment(app.svc);
      const answers = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const res = await app.svc.post('/v1/comments', body, { 'idempotency-key': key });
          return { status: res.status, body: await res.json() };
        }),
      );
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await moderationJobCount(app.svc)).toBe(jobsBefore + 1);
    });

    it('a refusal is not kept: the same key is tried again for real', async () => {
      const key = `k-${Date.now()}-3`;
      const body = await validComment(app.svc, { captchaAnswer: 'wrong' });
      const first = await app.svc.post('/v1/comments', body, { 'idempotency-key': key });
      expect(first.status).toBe(403);
      const second = await app.svc.post(
        '/v1/comments',
        { ...body, captchaId: await freshCaptcha(app.svc), captchaAnswer: TEST_CAPTCHA_ANSWER },
        { 'idempotency-key': key },
      );
      expect(second.status).toBe(202);
      expect(second.headers.get('idempotent-replayed')).toBeNull();
    });
  });

  describe('CORS and headers', () => {
    it('answers a preflight allowing Idempotency-Key and exposes Retry-After', async () => {
      const res = await app.svc.fetch('/v1/comments', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://baoquangtri.vn',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*'); // ALLOWED_ORIGINS unset outside production
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    });

    it('error answers carry CORS and security headers', async () => {
      const res = await app.svc.post('/v1/comments', '{', { origin: 'https://baoquangtri.vn' });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });
});

describe('POST /v1/comments: CORS with ALLOWED_ORIGINS', () => {
  const app = useTestService({ engine: 'pglite', workers: false, env: { ALLOWED_ORIGINS: 'https://baoquangtri.vn' } });

  it('allows a listed origin and no other', async () => {
    const preflight = (origin: string) =>
      app.svc.fetch('/v1/comments', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('https://baoquangtri.vn')).headers.get('access-control-allow-origin')).toBe('https://baoquangtri.vn');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
