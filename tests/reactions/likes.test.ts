/**
 * POST/DELETE /v1/comments/:id/like and the public list's likes and sort (API.md "Likes"),
 * on a real service (Redis + PostgreSQL).
 */
import { describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import { insertComment } from '../support/comments.js';
import { useTestService } from '../support/hooks.js';
import { approvedComment, like, newReaderId, sendJson, storedLikes, unlike } from './helpers.js';

describe('likes (postgres)', () => {
  const app = useTestService({ engine: 'postgres', workers: false, env: { RATE_LIMIT_REACTIONS: '100000/60' } });

  it('counts one reader once, whatever it repeats, and takes the like back', async () => {
    const id = await approvedComment(app.svc, 'thich/mot');
    const reader = newReaderId();
    for (let i = 0; i < 2; i++) {
      const res = await like(app.svc, id, reader);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ likes: 1, liked: true });
    }
    expect(await (await like(app.svc, id, newReaderId())).json()).toEqual({ likes: 2, liked: true });
    for (let i = 0; i < 2; i++) {
      const res = await unlike(app.svc, id, reader);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ likes: 1, liked: false });
    }
    expect(await storedLikes(app.svc, id)).toEqual({ count: 1, rows: 1 });
  });

  it('counts exactly under concurrency: 50 parallel likes from 25 readers make 25', async () => {
    const id = await approvedComment(app.svc, 'thich/dong-thoi');
    const readers = Array.from({ length: 25 }, newReaderId);
    const answers = await Promise.all([...readers, ...readers].map((reader) => like(app.svc, id, reader)));
    expect(answers.map((res) => res.status)).toEqual(Array(50).fill(200));
    expect(await storedLikes(app.svc, id)).toEqual({ count: 25, rows: 25 });
    // And back, at once, twice each: nothing below zero, nothing left.
    await Promise.all([...readers, ...readers].map((reader) => unlike(app.svc, id, reader)));
    expect(await storedLikes(app.svc, id)).toEqual({ count: 0, rows: 0 });
  });

  it('refuses a bad body with 400 validation_failed and stores nothing', async () => {
    const id = await approvedComment(app.svc, 'thich/sai');
    const bodies: unknown[] = [
      {},
      { readerId: 'ngan' },
      { readerId: 'x'.repeat(65) },
      { readerId: 'co dau cach va dai du muoi sau' },
      { readerId: 'ký-tự-có-dấu-rất-dài-đủ' },
      { readerId: 1234567890123456 },
    ];
    for (const body of bodies) {
      const res = await sendJson(app.svc, 'POST', `/v1/comments/${id}/like`, body as Record<string, unknown>);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await res.json()).error;
      expect(error.code).toBe('validation_failed');
      expect(error.details.fields).toHaveProperty('readerId');
    }
    const broken = await sendJson(app.svc, 'POST', `/v1/comments/${id}/like`, '{"readerId":');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');
    expect(await storedLikes(app.svc, id)).toEqual({ count: 0, rows: 0 });
  });

  it('answers 404 not_found for pending, rejected, unknown and malformed ids', async () => {
    const pending = await insertComment(app.svc.services, { articleId: 'thich/404' });
    const rejected = await insertComment(app.svc.services, { articleId: 'thich/404', status: 'rejected' });
    for (const id of [pending.id, rejected.id, newCommentId(), 'khong-phai-id', '%00']) {
      for (const res of [await like(app.svc, id, newReaderId()), await unlike(app.svc, id, newReaderId())]) {
        expect(res.status, id).toBe(404);
        expect((await res.json()).error.code).toBe('not_found');
      }
    }
    expect(await storedLikes(app.svc, pending.id)).toEqual({ count: 0, rows: 0 });
  });

  it('lets the sites call it cross-origin: DELETE is allowed by the preflight', async () => {
    const res = await app.svc.fetch('/v1/comments/x/like', {
      method: 'OPTIONS',
      headers: { origin: 'https://bao.example.vn', 'access-control-request-method': 'DELETE' },
    });
    expect(res.headers.get('access-control-allow-methods')).toContain('DELETE');
  });
});

describe('likes are rate limited per client IP (postgres)', () => {
  const app = useTestService({ engine: 'postgres', workers: false, env: { RATE_LIMIT_REACTIONS: '3/60', TRUST_PROXY: '1' } });

  it('answers 429 rate_limited with Retry-After past RATE_LIMIT_REACTIONS, likes and unlikes together', async () => {
    const id = await approvedComment(app.svc, 'thich/gioi-han');
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    expect((await like(app.svc, id, newReaderId(), from('198.51.100.1'))).status).toBe(200);
    expect((await sendJson(app.svc, 'DELETE', `/v1/comments/${id}/like`, { readerId: newReaderId() }, from('198.51.100.1'))).status).toBe(
      200,
    );
    expect((await like(app.svc, id, newReaderId(), from('198.51.100.1'))).status).toBe(200);
    const refused = await like(app.svc, id, newReaderId(), from('198.51.100.1'));
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is counted apart.
    expect((await like(app.svc, id, newReaderId(), from('198.51.100.2'))).status).toBe(200);
    expect((await storedLikes(app.svc, id)).count).toBe(3);
  });
});
