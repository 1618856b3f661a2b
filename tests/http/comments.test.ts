/**
 * POST /v1/comments against a real service (real Redis, PostgreSQL and PGlite): every answer
 * of the contract, idempotency, duplicates, the honeypot, CORS and the metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import { commentsAccepted, commentsRejected } from '../../src/metrics.js';
import { freshCaptcha, moderationJobCount, validComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

const counterValue = async (counter: typeof commentsAccepted | typeof commentsRejected, labels: Record<string, string> = {}) => {
  const { values } = await counter.get();
  return values.filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k as never] === l)).reduce((a, v) => a + v.value, 0);
};

describe.each(ENGINES)('POST /v1/comments (%s)', (engine) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine });
  });
  afterAll(() => svc?.stop());

  const storedComment = (id: string) => svc.services.comments.findById(id);

  describe('accepted', () => {
    it('answers 202 {id, status: "pending"} and the comment reaches pending with its verdict', async () => {
      const acceptedBefore = await counterValue(commentsAccepted);
      const body = await validComment(svc);
      const res = await svc.post('/v1/comments', body);
      expect(res.status).toBe(202);
      const answer = await res.json();
      expect(Object.keys(answer).sort()).toEqual(['id', 'status']);
      expect(answer.status).toBe('pending');
      expect(answer.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      expect(await svc.services.queues.moderation.getJob(answer.id)).toBeDefined();
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
      const res = await svc.post('/v1/comments', await validComment(svc, { authorName: decomposedName, content: emojiContent, authorEmail: '' }));
      expect(res.status).toBe(202);
      const { id } = await res.json();
      const stored = await waitFor(() => storedComment(id));
      expect(stored.authorName).toBe('Trần Thị Bình'.normalize('NFC'));
      expect(stored.authorName).toBe(decomposedName.trim().normalize('NFC'));
      expect(stored.content).toBe('😀'.repeat(5000));
      expect(stored.authorEmail).toBeNull();
    });

    it('accepts application/json; charset=utf-8', async () => {
      const res = await svc.post('/v1/comments', await validComment(svc), { 'content-type': 'application/json; charset=utf-8' });
      expect(res.status).toBe(202);
    });

    it('accepts a reply to an approved comment of the same article', async () => {
      const parent = await (await svc.post('/v1/comments', await validComment(svc))).json();
      await waitFor(() => storedComment(parent.id));
      await svc.services.db.query(`UPDATE comments SET status = 'approved' WHERE id = $1`, [parent.id]);
      const res = await svc.post('/v1/comments', await validComment(svc, { parentId: parent.id }));
      expect(res.status).toBe(202);
      const { id } = await res.json();
      const reply = await waitFor(() => storedComment(id));
      expect(reply.parentId).toBe(parent.id);
    });
  });

  describe('refused at the edge', () => {
    it('400 invalid_json when the body is not JSON', async () => {
      const res = await svc.post('/v1/comments', '{"articleId": "a",');
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_json');
    });

    it('400 validation_failed names each bad field with a reason', async () => {
      const before = await counterValue(commentsRejected, { reason: 'validation_failed' });
      const res = await svc.post('/v1/comments', {
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
      const nul = await svc.post('/v1/comments', await validComment(svc, { content: 'a\u0000b', authorName: 42 }));
      expect((await nul.json()).error.details.fields).toEqual({ content: 'invalid_characters', authorName: 'invalid' });
      const array = await svc.post('/v1/comments', '[1, 2]');
      expect(array.status).toBe(400);
      expect((await array.json()).error.details.fields).toEqual({ body: 'invalid' });
      const long = await svc.post('/v1/comments', await validComment(svc, { authorName: 'ă'.repeat(81), articleId: 'a'.repeat(201) }));
      expect((await long.json()).error.details.fields).toEqual({ authorName: 'too_long', articleId: 'too_long' });
    });

    it('400 validation_failed for a bad Idempotency-Key', async () => {
      for (const key of ['x'.repeat(101), 'khóa']) {
        const res = await svc.post('/v1/comments', await validComment(svc), { 'idempotency-key': key });
        expect(res.status).toBe(400);
        expect((await res.json()).error.details.fields).toEqual({ 'Idempotency-Key': 'invalid' });
      }
    });

    it('415 unsupported_media_type for anything but application/json', async () => {
      const body = JSON.stringify(await validComment(svc));
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/ld+json']) {
        const res = await svc.fetch('/v1/comments', { method: 'POST', headers: { 'content-type': type }, body });
        expect(res.status, type).toBe(415);
        expect((await res.json()).error.code).toBe('unsupported_media_type');
      }
      const none = await svc.fetch('/v1/comments', { method: 'POST', body: new Blob([body]) });
      expect(none.status).toBe(415);
    });

    it('413 payload_too_large for 33 KiB, with or without Content-Length', async () => {
      const big = JSON.stringify({ ...(await validComment(svc)), content: 'a'.repeat(33 * 1024) });
      const sized = await svc.post('/v1/comments', big);
      expect(sized.status).toBe(413);
      expect((await sized.json()).error.code).toBe('payload_too_large');

      const bytes = new TextEncoder().encode(big);
      const chunked = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
          controller.close();
        },
      });
      const res = await svc.fetch('/v1/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunked,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
    });

    it('answers in English when Accept-Language prefers it', async () => {
      const res = await svc.post('/v1/comments', '{', { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' });
      expect(await res.json()).toEqual({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
    });
  });

  describe('captcha', () => {
    it('403 captcha_invalid for a wrong answer, and the captcha is used up', async () => {
      const body = await validComment(svc, { captchaAnswer: 'wrong' });
      const wrong = await svc.post('/v1/comments', body);
      expect(wrong.status).toBe(403);
      expect((await wrong.json()).error.code).toBe('captcha_invalid');
      const retry = await svc.post('/v1/comments', { ...body, captchaAnswer: TEST_CAPTCHA_ANSWER });
      expect(retry.status).toBe(403);
    });

    it('403 captcha_invalid when a captcha is used twice or never existed', async () => {
      const body = await validComment(svc);
      expect((await svc.post('/v1/comments', body)).status).toBe(202);
      const reused = await svc.post('/v1/comments', { ...body, content: `${body.content} (2)` });
      expect(reused.status).toBe(403);
      const unknown = await svc.post('/v1/comments', { ...body, captchaId: 'nope', content: `${body.content} (3)` });
      expect(unknown.status).toBe(403);
    });

    it('a validation failure does not consume the captcha', async () => {
      const body = await validComment(svc);
      expect((await svc.post('/v1/comments', { ...body, authorName: '' })).status).toBe(400);
      expect((await svc.post('/v1/comments', body)).status).toBe(202);
    });
  });

  describe('parent', () => {
    it('404 parent_not_found for an unknown, pending, other-article or malformed parent', async () => {
      const pending = await (await svc.post('/v1/comments', await validComment(svc))).json();
      await waitFor(() => storedComment(pending.id));
      const approvedElsewhere = await (await svc.post('/v1/comments', await validComment(svc, { articleId: 'khac' }))).json();
      await waitFor(() => storedComment(approvedElsewhere.id));
      await svc.services.db.query(`UPDATE comments SET status = 'approved' WHERE id = $1`, [approvedElsewhere.id]);

      for (const parentId of [newCommentId(), pending.id, approvedElsewhere.id, 'not-an-id']) {
        const res = await svc.post('/v1/comments', await validComment(svc, { parentId }));
        expect(res.status, parentId).toBe(404);
        expect((await res.json()).error.code).toBe('parent_not_found');
      }
    });
  });

  describe('duplicates', () => {
    it('409 duplicate_comment for the same name, article and content within 10 minutes', async () => {
      const first = await validComment(svc);
      expect((await svc.post('/v1/comments', first)).status).toBe(202);
      const again = await svc.post('/v1/comments', {
        ...first,
        captchaId: await freshCaptcha(svc),
        authorName: `  ${first.authorName.toUpperCase()} `,
        content: first.content.replace(/ /g, '  '),
      });
      expect(again.status).toBe(409);
      expect((await again.json()).error.code).toBe('duplicate_comment');
      const ttl = await svc.services.redis.ttl(
        (await svc.services.redis.keys(svc.services.keys.duplicate('*')))[0] ?? 'missing',
      );
      expect(ttl).toBeGreaterThan(590);
      expect(ttl).toBeLessThanOrEqual(600);
    });

    it('409 for variants the filter reads as the same text: zero-width characters, lookalike letters, case, spacing, trailing punctuation', async () => {
      const base = 'Bài viết rất hay, cảm ơn tác giả';
      const first = await validComment(svc, { content: `${base} ${Date.now()}.` });
      expect((await svc.post('/v1/comments', first)).status).toBe(202);
      const text = first.content as string;
      const variants: Record<string, string> = {
        'zero-width characters': text.replace('viết', 'vi\u200bết').replace('hay', 'h\u200ca\u200dy').replace('giả', '\u2060giả\ufeff'),
        'Cyrillic lookalike letters': text.replace('hay', 'h\u0430y').replace('cảm', '\u0441ảm'),
        'case': text.toUpperCase(),
        'spacing': `  ${text.replace(/ /g, ' \n\t ')}  `,
        'trailing punctuation': text.replace(/\.$/, '!!! ...'),
        'no trailing punctuation': text.replace(/\.$/, ''),
        'all at once': `${text.replace(/\.$/, '').replace('hay', 'H\u0410\u200bY').replace(/ /g, '   ')} ?!`,
      };
      for (const [name, content] of Object.entries(variants)) {
        const res = await svc.post('/v1/comments', { ...first, captchaId: await freshCaptcha(svc), content });
        expect(res.status, name).toBe(409);
        expect((await res.json()).error.code).toBe('duplicate_comment');
      }
      // A lookalike or zero-width character in the name does not make another author either.
      const name = await svc.post('/v1/comments', { ...first, captchaId: await freshCaptcha(svc), authorName: 'Nguyễn V\u0103n \u0410n' });
      expect(name.status).toBe(409);
      // A genuinely different comment is accepted.
      const different = await svc.post('/v1/comments', { ...first, captchaId: await freshCaptcha(svc), content: text.replace('rất hay', 'rất dở') });
      expect(different.status).toBe(202);
      const punctuatedInside = await svc.post('/v1/comments', { ...first, captchaId: await freshCaptcha(svc), content: text.replace('hay,', 'hay?') });
      expect(punctuatedInside.status).toBe(202);
    });

    it('the same content on another article or by another name is not a duplicate', async () => {
      const first = await validComment(svc);
      expect((await svc.post('/v1/comments', first)).status).toBe(202);
      const otherArticle = await svc.post('/v1/comments', { ...first, captchaId: await freshCaptcha(svc), articleId: 'the-thao/1' });
      expect(otherArticle.status).toBe(202);
      const otherName = await svc.post('/v1/comments', { ...first, captchaId: await freshCaptcha(svc), authorName: 'Lê Thị Hoa' });
      expect(otherName.status).toBe(202);
    });

    it('a refused comment does not hold the duplicate marker', async () => {
      const body = await validComment(svc, { captchaAnswer: 'wrong' });
      expect((await svc.post('/v1/comments', body)).status).toBe(403);
      const res = await svc.post('/v1/comments', { ...body, captchaId: await freshCaptcha(svc), captchaAnswer: TEST_CAPTCHA_ANSWER });
      expect(res.status).toBe(202);
    });

    it('a reply refused for its parent does not hold the duplicate marker either', async () => {
      const body = await validComment(svc, { parentId: '01JD0000000000000000000000' });
      expect((await svc.post('/v1/comments', body)).status).toBe(404);
      const topLevel: Record<string, unknown> = { ...body, captchaId: await freshCaptcha(svc) };
      delete topLevel.parentId;
      const res = await svc.post('/v1/comments', topLevel);
      expect(res.status).toBe(202);
    });
  });

  describe('honeypot', () => {
    it('a filled website field answers 202 like a success, and nothing is stored or queued', async () => {
      const acceptedBefore = await counterValue(commentsAccepted);
      const jobsBefore = await moderationJobCount(svc);
      const res = await svc.post('/v1/comments', await validComment(svc, { website: 'http://spam.example' }));
      expect(res.status).toBe(202);
      const answer = await res.json();
      expect(answer.status).toBe('pending');
      expect(answer.id).toMatch(/^[0-9a-f-]{36}$/);
      await new Promise((r) => setTimeout(r, 200));
      expect(await svc.services.queues.moderation.getJob(answer.id)).toBeUndefined();
      expect(await storedComment(answer.id)).toBeNull();
      expect(await moderationJobCount(svc)).toBe(jobsBefore);
      expect(await counterValue(commentsAccepted)).toBe(acceptedBefore);
    });

    it('an empty website field is a normal comment', async () => {
      const res = await svc.post('/v1/comments', await validComment(svc, { website: '' }));
      expect(res.status).toBe(202);
      const { id } = await res.json();
      expect(await svc.services.queues.moderation.getJob(id)).toBeDefined();
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key gives the first answer again and creates nothing new', async () => {
      const key = `k-${Date.now()}-1`;
      const jobsBefore = await moderationJobCount(svc);
      const body = await validComment(svc);
      const first = await svc.post('/v1/comments', body, { 'idempotency-key': key });
      expect(first.status).toBe(202);
      const firstBody = await first.json();
      // A second try with a new captcha (the widget's retry) still gets the first answer.
      const second = await svc.post('/v1/comments', { ...body, captchaId: await freshCaptcha(svc) }, { 'idempotency-key': key });
      expect(second.status).toBe(202);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await second.json()).toEqual(firstBody);
      expect(await moderationJobCount(svc)).toBe(jobsBefore + 1);
      // Scoped by the client's address (its /64 for IPv6): 127.0.0.1 here.
      const ttl = await svc.services.redis.ttl(svc.services.keys.idempotency(`127.0.0.1 ${key}`));
      expect(ttl).toBeGreaterThan(24 * 3600 - 10);
    });

    it('concurrent requests with the same key and body create one comment and all get its answer', async () => {
      const key = `k-${Date.now()}-2`;
      const jobsBefore = await moderationJobCount(svc);
      const body = await validComment(svc);
      const answers = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const res = await svc.post('/v1/comments', body, { 'idempotency-key': key });
          return { status: res.status, body: await res.json() };
        }),
      );
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await moderationJobCount(svc)).toBe(jobsBefore + 1);
    });

    it('a refusal is not kept: the same key is tried again for real', async () => {
      const key = `k-${Date.now()}-3`;
      const body = await validComment(svc, { captchaAnswer: 'wrong' });
      const first = await svc.post('/v1/comments', body, { 'idempotency-key': key });
      expect(first.status).toBe(403);
      const second = await svc.post('/v1/comments', { ...body, captchaId: await freshCaptcha(svc), captchaAnswer: TEST_CAPTCHA_ANSWER }, { 'idempotency-key': key });
      expect(second.status).toBe(202);
      expect(second.headers.get('idempotent-replayed')).toBeNull();
    });
  });

  describe('CORS and headers', () => {
    it('answers a preflight allowing Idempotency-Key and exposes Retry-After', async () => {
      const res = await svc.fetch('/v1/comments', {
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
      const res = await svc.post('/v1/comments', '{', { origin: 'https://baoquangtri.vn' });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });
});

describe('POST /v1/comments: CORS with ALLOWED_ORIGINS', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false, env: { ALLOWED_ORIGINS: 'https://baoquangtri.vn' } });
  });
  afterAll(() => svc?.stop());

  it('allows a listed origin and no other', async () => {
    const preflight = (origin: string) =>
      svc.fetch('/v1/comments', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('https://baoquangtri.vn')).headers.get('access-control-allow-origin')).toBe('https://baoquangtri.vn');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('POST /v1/comments: rate limit', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false, env: { RATE_LIMIT_COMMENTS: '2/60' } });
  });
  afterAll(() => svc?.stop());

  it('429 rate_limited with Retry-After past the limit; idempotent replays are not counted', async () => {
    const first = await validComment(svc);
    const key = `rl-${Date.now()}`;
    expect((await svc.post('/v1/comments', first, { 'idempotency-key': key })).status).toBe(202);
    // Replays of the first submission do not use up the allowance.
    for (let i = 0; i < 3; i++) expect((await svc.post('/v1/comments', first, { 'idempotency-key': key })).status).toBe(202);
    expect((await svc.post('/v1/comments', await validComment(svc))).status).toBe(202);

    const before = await counterValue(commentsRejected, { reason: 'rate_limited' });
    const limited = await svc.post('/v1/comments', await validComment(svc), { 'accept-language': 'en' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await limited.json()).error).toEqual({ code: 'rate_limited', message: 'Too many requests. Please try again shortly.' });
    expect(await counterValue(commentsRejected, { reason: 'rate_limited' })).toBe(before + 1);
  });

  it('a rate-limited request does not keep its Idempotency-Key', async () => {
    const key = `rl2-${Date.now()}`;
    const limited = await svc.post('/v1/comments', await validComment(svc), { 'idempotency-key': key });
    expect(limited.status).toBe(429);
    expect(await svc.services.redis.exists(svc.services.keys.idempotency(`127.0.0.1 ${key}`))).toBe(0);
  });
});

describe('POST /v1/comments: rate limit per IPv6 /64', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false, env: { RATE_LIMIT_COMMENTS: '2/60', TRUST_PROXY: '1' } });
  });
  afterAll(() => svc?.stop());

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('two addresses of one /64 share one allowance, as for captchas; another /64 has its own', async () => {
    expect((await svc.post('/v1/comments', await validComment(svc), from('2001:db8:5:6::1'))).status).toBe(202);
    expect((await svc.post('/v1/comments', await validComment(svc), from('2001:db8:5:6:aaaa:bbbb:cccc:dddd'))).status).toBe(202);
    const rotated = await svc.post('/v1/comments', await validComment(svc), from('2001:DB8:5:6::ffff'));
    expect(rotated.status).toBe(429);
    expect((await rotated.json()).error.code).toBe('rate_limited');
    expect((await svc.post('/v1/comments', await validComment(svc), from('2001:db8:5:7::1'))).status).toBe(202);
    // IPv4 addresses still count one by one.
    expect((await svc.post('/v1/comments', await validComment(svc), from('203.0.113.1'))).status).toBe(202);
    expect((await svc.post('/v1/comments', await validComment(svc), from('203.0.113.2'))).status).toBe(202);
  });
});

describe('POST /v1/comments when Redis goes away', () => {
  let redis: PrivateRedis;
  let svc: TestService;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    svc = await startTestService({ engine: 'pglite', workers: false, env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis.start().catch(() => {}); // let stop() close its queues cleanly
    await svc.stop();
    await redis.kill();
  });

  it('answers 503 within 2 s when Redis hangs (process frozen, connections open)', async () => {
    // Warm the path first (a cold process spends its first request loading code): the 2 s
    // are about Redis, not start-up.
    expect((await svc.post('/v1/comments', await validComment(svc))).status).toBe(202);
    const body = await validComment(svc);
    redis.pause();
    try {
      const started = Date.now();
      const res = await svc.post('/v1/comments', body, { 'idempotency-key': `hang-${Date.now()}` });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).not.toBeNull();
    } finally {
      redis.resume();
    }
  });

  it('answers 503 unavailable with Retry-After within 2 s, with or without Idempotency-Key, then recovers', async () => {
    const bodies = [await validComment(svc), await validComment(svc)];
    await redis.kill();

    const variants: Record<string, string>[] = [{}, { 'idempotency-key': `down-${Date.now()}` }];
    for (const [i, headers] of variants.entries()) {
      const started = Date.now();
      const res = await svc.post('/v1/comments', bodies[i], { ...headers, 'accept-language': 'en' });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await res.json()).error).toEqual({ code: 'unavailable', message: 'The service is busy. Please try again later.' });
    }

    await redis.start();
    const res = await waitFor(async () => {
      const attempt = await svc.post('/v1/comments', await validComment(svc));
      return attempt.status === 202 ? attempt : null;
    }, 10_000, 200);
    expect((await res.json()).status).toBe('pending');
  });
});
