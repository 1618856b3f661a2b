/**
 * Idempotency-Key on POST /v1/comments (API.md) against a real service: only a 202 is kept, a
 * refused request (403, 404, 409, 400) can be retried with the same key, the same key with a
 * different body is 422 idempotency_key_reused, and keys are scoped per client address (IPv6
 * per /64), so one client cannot replay, or block, another's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import { freshCaptcha, moderationJobCount, validComment } from '../support/comments.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

describe('Idempotency-Key', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres', env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => svc?.stop());

  let serial = 0;
  const newKey = () => `idem-${Date.now()}-${++serial}`;
  const post = (body: unknown, key: string, ip = '203.0.113.9', headers: Record<string, string> = {}) =>
    svc.post('/v1/comments', body, { 'idempotency-key': key, 'x-forwarded-for': ip, ...headers });

  it('the same key and body get the first 202 again, even with a fresh captcha; nothing new is created', async () => {
    const key = newKey();
    const body = await validComment(svc);
    const first = await post(body, key);
    expect(first.status).toBe(202);
    const answer = await first.json();
    const jobs = await moderationJobCount(svc);
    for (const retry of [body, { ...body, captchaId: await freshCaptcha(svc) }, { ...body, content: ` ${body.content}  ` }]) {
      const again = await post(retry, key);
      expect(again.status).toBe(202);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(answer);
    }
    expect(await moderationJobCount(svc)).toBe(jobs);
  });

  describe('only a 202 is kept: a refused request can be retried with the same key', () => {
    it('after 403 captcha_invalid', async () => {
      const key = newKey();
      const body = await validComment(svc, { captchaAnswer: 'sai' });
      expect((await post(body, key)).status).toBe(403);
      const retry = await post({ ...body, captchaId: await freshCaptcha(svc), captchaAnswer: TEST_CAPTCHA_ANSWER }, key);
      expect(retry.status).toBe(202);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      // From now on the 202 is what this key answers.
      const replay = await post({ ...body, captchaId: await freshCaptcha(svc), captchaAnswer: TEST_CAPTCHA_ANSWER }, key);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.json()).toEqual(await retry.json());
    });

    it('after 404 parent_not_found, even with the body corrected', async () => {
      const key = newKey();
      const body = await validComment(svc, { parentId: newCommentId() });
      expect((await post(body, key)).status).toBe(404);
      const topLevel: Record<string, unknown> = { ...body, captchaId: await freshCaptcha(svc) };
      delete topLevel.parentId;
      const retry = await post(topLevel, key);
      expect(retry.status).toBe(202);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
    });

    it('after 409 duplicate_comment', async () => {
      const first = await validComment(svc);
      expect((await post(first, newKey())).status).toBe(202);
      const key = newKey();
      const duplicate = await post({ ...first, captchaId: await freshCaptcha(svc) }, key);
      expect(duplicate.status).toBe(409);
      // Not replayed: checked again (still a duplicate), and a changed text is no key reuse.
      const again = await post({ ...first, captchaId: await freshCaptcha(svc) }, key);
      expect(again.status).toBe(409);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      const changed = await post({ ...first, captchaId: await freshCaptcha(svc), content: `${first.content} Thêm ý.` }, key);
      expect(changed.status).toBe(202);
    });

    it('after 400 validation_failed', async () => {
      const key = newKey();
      const body = await validComment(svc);
      expect((await post({ ...body, authorName: ' ' }, key)).status).toBe(400);
      expect((await post(body, key)).status).toBe(202);
    });

    it('nothing but the 202 is left in Redis for the key', async () => {
      const key = newKey();
      expect((await post(await validComment(svc, { captchaAnswer: 'sai' }), key)).status).toBe(403);
      // Whatever the key's scope looks like in Redis, nothing is stored under it (the release is not awaited).
      await waitFor(async () => (await svc.services.redis.keys(svc.services.keys.idempotency(`*${key}`))).length === 0);
    });
  });

  it('the same key with a different body is 422 idempotency_key_reused, in the contract error shape; nothing is created', async () => {
    const key = newKey();
    const body = await validComment(svc);
    expect((await post(body, key)).status).toBe(202);
    const jobs = await moderationJobCount(svc);
    for (const other of [
      { ...body, captchaId: await freshCaptcha(svc), content: `${body.content} Khác hẳn.` },
      { ...body, captchaId: await freshCaptcha(svc), authorName: 'Người khác' },
      { ...body, captchaId: await freshCaptcha(svc), articleId: 'bai-khac' },
    ]) {
      const res = await post(other, key, '203.0.113.9', { 'accept-language': 'en' });
      expect(res.status).toBe(422);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
      expect(await res.json()).toEqual({
        error: { code: 'idempotency_key_reused', message: 'This Idempotency-Key was already used for another comment.' },
      });
    }
    const vi = await post({ ...body, captchaId: await freshCaptcha(svc), content: 'Nội dung khác' }, key);
    expect((await vi.json()).error.message).toMatch(/Idempotency-Key/);
    expect(await moderationJobCount(svc)).toBe(jobs);
  });

  it('a key is scoped to the client address: another client with the same key neither replays nor blocks it', async () => {
    const key = newKey();
    const body = await validComment(svc);
    const mine = await post(body, key, '203.0.113.50');
    expect(mine.status).toBe(202);
    const myAnswer = await mine.json();

    // Another reader who learnt the key, sending the very same body: no replay of my answer
    // (the duplicate rule refuses it as the copy it is).
    const copy = await post({ ...body, captchaId: await freshCaptcha(svc) }, key, '198.51.100.50');
    expect(copy.headers.get('idempotent-replayed')).toBeNull();
    expect(copy.status).toBe(409);
    // With their own text: their own comment, not 422 and not my answer.
    const theirs = await post(await validComment(svc), key, '198.51.100.50');
    expect(theirs.status).toBe(202);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect((await theirs.json()).id).not.toBe(myAnswer.id);
    // And my retry still gets my answer.
    const retry = await post({ ...body, captchaId: await freshCaptcha(svc) }, key, '203.0.113.50');
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(myAnswer);
  });

  it('an IPv6 client is one client across its /64 (privacy addresses change)', async () => {
    const key = newKey();
    const body = await validComment(svc);
    const first = await post(body, key, '2001:db8:77:1::10');
    expect(first.status).toBe(202);
    const again = await post({ ...body, captchaId: await freshCaptcha(svc) }, key, '2001:db8:77:1:aaaa::20');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const elsewhere = await post({ ...body, captchaId: await freshCaptcha(svc) }, key, '2001:db8:77:2::10');
    expect(elsewhere.headers.get('idempotent-replayed')).toBeNull();
  });
});
