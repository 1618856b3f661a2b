/**
 * POST /v1/comments against a real service (real Redis, PostgreSQL and PGlite), what it
 * refuses or drops: bad bodies, the captcha, the parent, duplicates and the honeypot, with the
 * metrics they count. comments-accept.test.ts has the accepting side.
 */
import { describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import { commentsAccepted, commentsRejected } from '../../src/metrics.js';
import { freshCaptcha, moderationJobCount, validComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { counterValue } from '../support/metrics.js';
import { useTestService } from '../support/hooks.js';
import { waitFor } from '../support/wait.js';

describe.each(ENGINES)('POST /v1/comments (%s)', (engine) => {
  const app = useTestService({ engine });

  const storedComment = (id: string) => app.svc.services.comments.findById(id);

  describe('refused at the edge', () => {
    it('400 invalid_json when the body is not JSON', async () => {
      const res = await app.svc.post('/v1/comments', '{"articleId": "a",');
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_json');
    });

    it('400 validation_failed names each bad field with a reason', async () => {
      const before = await counterValue(commentsRejected, { reason: 'validation_failed' });
      const res = await app.svc.post('/v1/comments', {
        articleId: 'bài viết',
        authorName: '   ',
        authorEmail: 'not-an-address',
        content: 'x'.repeat(5001),
        captchaId: 'c',
      });
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.message).toBe('Vui lòng kiểm tra lại các trường đã nhập.');
      expect(error.details.fields).toEqual({
        articleId: 'invalid',
        authorName: 'required',
        authorEmail: 'invalid',
        content: 'too_long',
        captchaAnswer: 'required',
      });
      expect(await counterValue(commentsRejected, { reason: 'validation_failed' })).toBe(before + 1);
    });

    it('400 validation_failed for NUL characters, a non-object body and wrong types', async () => {
      const nul = await app.svc.post('/v1/comments', await validComment(app.svc, { content: 'a\u0000b', authorName: 42 }));
      expect((await nul.json()).error.details.fields).toEqual({ content: 'invalid_characters', authorName: 'invalid' });
      const array = await app.svc.post('/v1/comments', '[1, 2]');
      expect(array.status).toBe(400);
      expect((await array.json()).error.details.fields).toEqual({ body: 'invalid' });
      const long = await app.svc.post(
        '/v1/comments',
        await validComment(app.svc, { authorName: 'ă'.repeat(81), articleId: 'a'.repeat(201) }),
      );
      expect((await long.json()).error.details.fields).toEqual({ authorName: 'too_long', articleId: 'too_long' });
    });

    it('400 validation_failed for a bad Idempotency-Key', async () => {
      for (const key of ['x'.repeat(101), 'khóa']) {
        const res = await app.svc.post('/v1/comments', await validComment(app.svc), { 'idempotency-key': key });
        expect(res.status).toBe(400);
        expect((await res.json()).error.details.fields).toEqual({ 'Idempotency-Key': 'invalid' });
      }
    });

    it('415 unsupported_media_type for anything but application/json', async () => {
      const body = JSON.stringify(await validComment(app.svc));
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/ld+json']) {
        const res = await app.svc.fetch('/v1/comments', { method: 'POST', headers: { 'content-type': type }, body });
        expect(res.status, type).toBe(415);
        expect((await res.json()).error.code).toBe('unsupported_media_type');
      }
      const none = await app.svc.fetch('/v1/comments', { method: 'POST', body: new Blob([body]) });
      expect(none.status).toBe(415);
    });

    it('413 payload_too_large for 33 KiB, with or without Content-Length', async () => {
      const big = JSON.stringify({ ...(await validComment(app.svc)), content: 'a'.repeat(33 * 1024) });
      const sized = await app.svc.post('/v1/comments', big);
      expect(sized.status).toBe(413);
      expect((await sized.json()).error.code).toBe('payload_too_large');

      const bytes = new TextEncoder().encode(big);
      const chunked = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
          controller.close();
        },
      });
      const res = await app.svc.fetch('/v1/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunked,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
    });

    it('answers in English when Accept-Language prefers it', async () => {
      const res = await app.svc.post('/v1/comments', '{', { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' });
      expect(await res.json()).toEqual({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
    });
  });

  describe('captcha', () => {
    it('403 captcha_invalid for a wrong answer, and the captcha is used up', async () => {
      const body = await validComment(app.svc, { captchaAnswer: 'wrong' });
      const wrong = await app.svc.post('/v1/comments', body);
      expect(wrong.status).toBe(403);
      expect((await wrong.json()).error.code).toBe('captcha_invalid');
      const retry = await app.svc.post('/v1/comments', { ...body, captchaAnswer: TEST_CAPTCHA_ANSWER });
      expect(retry.status).toBe(403);
    });

    it('403 captcha_invalid when a captcha is used twice or never existed', async () => {
      const body = await validComment(app.svc);
      expect((await app.svc.post('/v1/comments', body)).status).toBe(202);
      const reused = await app.svc.post('/v1/comments', { ...body, content: `${body.content} (2)` });
      expect(reused.status).toBe(403);
      const unknown = await app.svc.post('/v1/comments', { ...body, captchaId: 'nope', content: `${body.content} (3)` });
      expect(unknown.status).toBe(403);
    });

    it('a validation failure does not consume the captcha', async () => {
      const body = await validComment(app.svc);
      expect((await app.svc.post('/v1/comments', { ...body, authorName: '' })).status).toBe(400);
      expect((await app.svc.post('/v1/comments', body)).status).toBe(202);
    });
  });

  describe('parent', () => {
    it('404 parent_not_found for an unknown, pending, other-article or malformed parent', async () => {
      const pending = await (await app.svc.post('/v1/comments', await validComment(app.svc))).json();
      await waitFor(() => storedComment(pending.id));
      const approvedElsewhere = await (await app.svc.post('/v1/comments', await validComment(app.svc, { articleId: 'khac' }))).json();
      await waitFor(() => storedComment(approvedElsewhere.id));
      await app.svc.services.db.query(`UPDATE comments SET status = 'approved' WHERE id = $1`, [approvedElsewhere.id]);

      for (const parentId of [newCommentId(), pending.id, approvedElsewhere.id, 'not-an-id']) {
        const res = await app.svc.post('/v1/comments', await validComment(app.svc, { parentId }));
        expect(res.status, parentId).toBe(404);
        expect((await res.json()).error.code).toBe('parent_not_found');
      }
    });
  });

  describe('duplicates', () => {
    /** Posts `first` again with a fresh captcha and the given changes. */
    const resubmit = async (first: Record<string, unknown>, changes: Record<string, unknown>) =>
      app.svc.post('/v1/comments', { ...first, captchaId: await freshCaptcha(app.svc), ...changes });

    it('409 duplicate_comment for the same name, article and content within 10 minutes', async () => {
      const first = await validComment(app.svc);
      expect((await app.svc.post('/v1/comments', first)).status).toBe(202);
      const again = await resubmit(first, {
        authorName: `  ${first.authorName.toUpperCase()} `,
        content: first.content.replace(/ /g, '  '),
      });
      expect(again.status).toBe(409);
      expect((await again.json()).error.code).toBe('duplicate_comment');
      const ttl = await app.svc.services.redis.ttl(
        (await app.svc.services.redis.keys(app.svc.services.keys.duplicate('*')))[0] ?? 'missing',
      );
      expect(ttl).toBeGreaterThan(590);
      expect(ttl).toBeLessThanOrEqual(600);
    });

    it('409 for variants the filter reads as the same text: zero-width characters, lookalike letters, case, spacing, trailing punctuation', async () => {
      const base = 'Bài viết rất hay, cảm ơn tác giả';
      const first = await validComment(app.svc, { content: `${base} ${Date.now()}.` });
      expect((await app.svc.post('/v1/comments', first)).status).toBe(202);
      const text = first.content as string;
      const variants: Record<string, string> = {
        'zero-width characters': text.replace('viết', 'vi\u200bết').replace('hay', 'h\u200ca\u200dy').replace('giả', '\u2060giả\ufeff'),
        'Cyrillic lookalike letters': text.replace('hay', 'h\u0430y').replace('cảm', '\u0441ảm'),
        case: text.toUpperCase(),
        spacing: `  ${text.replace(/ /g, ' \n\t ')}  `,
        'trailing punctuation': text.replace(/\.$/, '!!! ...'),
        'no trailing punctuation': text.replace(/\.$/, ''),
        'all at once': `${text.replace(/\.$/, '').replace('hay', 'H\u0410\u200bY').replace(/ /g, '   ')} ?!`,
      };
      for (const [name, content] of Object.entries(variants)) {
        const res = await resubmit(first, { content });
        expect(res.status, name).toBe(409);
        expect((await res.json()).error.code).toBe('duplicate_comment');
      }
      // A lookalike or zero-width character in the name does not make another author either.
      const name = await resubmit(first, { authorName: 'Nguyễn V\u0103n \u0410n' });
      expect(name.status).toBe(409);
      // A genuinely different comment is accepted.
      const different = await resubmit(first, { content: text.replace('rất hay', 'rất dở') });
      expect(different.status).toBe(202);
      const punctuatedInside = await resubmit(first, { content: text.replace('hay,', 'hay?') });
      expect(punctuatedInside.status).toBe(202);
    });

    it('the same content on another article or by another name is not a duplicate', async () => {
      const first = await validComment(app.svc);
      expect((await app.svc.post('/v1/comments', first)).status).toBe(202);
      const otherArticle = await resubmit(first, { articleId: 'the-thao/1' });
      expect(otherArticle.status).toBe(202);
      const otherName = await resubmit(first, { authorName: 'Lê Thị Hoa' });
      expect(otherName.status).toBe(202);
    });

    it('a refused comment does not hold the duplicate marker', async () => {
      const body = await validComment(app.svc, { captchaAnswer: 'wrong' });
      expect((await app.svc.post('/v1/comments', body)).status).toBe(403);
      const res = await resubmit(body, { captchaAnswer: TEST_CAPTCHA_ANSWER });
      expect(res.status).toBe(202);
    });

    it('a reply refused for its parent does not hold the duplicate marker either', async () => {
      const body = await validComment(app.svc, { parentId: '01JD0000000000000000000000' });
      expect((await app.svc.post('/v1/comments', body)).status).toBe(404);
      const topLevel: Record<string, unknown> = { ...body, captchaId: await freshCaptcha(app.svc) };
      delete topLevel.parentId;
      const res = await app.svc.post('/v1/comments', topLevel);
      expect(res.status).toBe(202);
    });
  });

  describe('honeypot', () => {
    it('a filled website field answers 202 like a success, and nothing is stored or queued', async () => {
      const acceptedBefore = await counterValue(commentsAccepted);
      const jobsBefore = await moderationJobCount(app.svc);
      const res = await app.svc.post('/v1/comments', await validComment(app.svc, { website: 'http://spam.example' }));
      expect(res.status).toBe(202);
      const answer = await res.json();
      expect(answer.status).toBe('pending');
      expect(answer.id).toMatch(/^[0-9a-f-]{36}$/);
      await new Promise((r) => setTimeout(r, 200));
      expect(await app.svc.services.queues.moderation.getJob(answer.id)).toBeUndefined();
      expect(await storedComment(answer.id)).toBeNull();
      expect(await moderationJobCount(app.svc)).toBe(jobsBefore);
      expect(await counterValue(commentsAccepted)).toBe(acceptedBefore);
    });

    it('an empty website field is a normal comment', async () => {
      const res = await app.svc.post('/v1/comments', await validComment(app.svc, { website: '' }));
      expect(res.status).toBe(202);
      const { id } = await res.json();
      expect(await app.svc.services.queues.moderation.getJob(id)).toBeDefined();
    });
  });
});
