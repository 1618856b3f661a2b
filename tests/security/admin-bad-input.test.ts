/**
 * Bad input to the moderator API and pages is the client's mistake, never a 5xx: lone
 * surrogates (which JSON's \ud800 escape lets through and PostgreSQL's jsonb refuses), numbers
 * and dates outside what the database holds, CR/LF where a header will be written. Each case
 * here was a 500 once; tests/fuzz/admin.test.ts looks for the ones nobody thought of.
 */
import { describe, expect, it } from 'vitest';
import { insertComment } from '../support/comments.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, useAdminService } from '../support/moderators.js';

const cursorOf = (createdAt: string, id = 'x') => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

async function expectClientError(res: Response, label: string): Promise<{ code?: string }> {
  const text = await res.text();
  expect(res.status, `${label}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    expect(body.error?.code, label).toMatch(/^[a-z_]+$/);
    expect(typeof body.error?.message, label).toBe('string');
    return { code: body.error?.code };
  }
  return {};
}

describe('bad input to the admin API never answers 5xx (postgres)', () => {
  const app = useAdminService();

  /** A raw JSON body: JSON.stringify would escape a lone surrogate the same way, but say it plainly. */
  const postRaw = (path: string, json: string) =>
    app.admin.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });

  it('a lone surrogate in a reject reason: 400 validation_failed, the comment still pending', async () => {
    const comment = await insertComment(app.svc.services);
    for (const reason of ['\\ud800', 'Spam \\udfff', '\\udc00\\ud800']) {
      const { code } = await expectClientError(await postRaw(`/admin/api/comments/${comment.id}/reject`, `{"reason":"${reason}"}`), reason);
      expect(code).toBe('validation_failed');
    }
    const bulk = await postRaw('/admin/api/comments/bulk', `{"ids":["${comment.id}"],"action":"reject","reason":"\\ud800"}`);
    expect((await expectClientError(bulk, 'bulk')).code).toBe('validation_failed');
    expect((await app.svc.services.comments.findById(comment.id))?.status).toBe('pending');
    // A well-formed pair (an emoji) is fine.
    const ok = await postRaw(`/admin/api/comments/${comment.id}/reject`, '{"reason":"Spam \\ud83d\\ude00"}');
    expect(ok.status).toBe(200);
  });

  it('a lone surrogate in a lexicon term, a ban reason or a display name: 400', async () => {
    const cases: Array<[string, string]> = [
      ['/admin/api/lexicon', '{"kind":"term","lang":"vi","term":"x\\ud800y"}'],
      ['/admin/api/lexicon', '{"kind":"allow","lang":"en","term":"\\udfff\\udfff"}'],
      ['/admin/api/bans', '{"email":"a@example.vn","reason":"\\ud800","durationDays":1}'],
      ['/admin/api/users', '{"email":"moi@example.vn","role":"moderator","password":"Cau-Rong-Da-Nang-2026","displayName":"\\ud800"}'],
    ];
    for (const [path, json] of cases)
      expect((await expectClientError(await postRaw(path, json), `${path} ${json}`)).code).toBe('validation_failed');
  });

  it('out-of-range audit `before` and limit: 400 (API) and a page, never 500', async () => {
    for (const before of ['1e20', '99999999999999999999', '9223372036854775808', '1.5', '-1', 'abc']) {
      await expectClientError(await app.admin.fetch(`/admin/api/audit?before=${before}`), `api before=${before}`);
      const page = await app.admin.fetch(`/admin/audit?before=${before}`);
      expect(page.status, `page before=${before}`).toBeLessThan(500);
    }
    // The largest id PostgreSQL's bigint holds is fine (an empty page).
    expect((await app.admin.fetch('/admin/api/audit?before=9007199254740991')).status).toBe(200);
  });

  it('a cursor whose date PostgreSQL cannot hold (year 0, 31 February, beyond 294276): 400 from the API, the first page from the queue', async () => {
    for (const createdAt of ['0000-01-01T00:00:00.000Z', '2026-02-31T00:00:00.000Z', '2026-04-31T10:00:00.000Z']) {
      const cursor = cursorOf(createdAt);
      for (const status of ['pending', 'approved', 'rejected']) {
        const res = await app.admin.fetch(`/admin/api/comments?status=${status}&cursor=${cursor}`);
        expect((await expectClientError(res, `${status} ${createdAt}`)).code).toBe('validation_failed');
      }
      const page = await app.admin.fetch(`/admin/queue?cursor=${cursor}`);
      expect(page.status, `queue page ${createdAt}`).toBe(200);
    }
    const far = Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', 'x'])).toString('base64url');
    expect((await app.admin.fetch(`/admin/queue?cursor=${far}`)).status).toBe(200);
  });

  it("the queue dashboard's API: malformed percent-encoding, an unknown job status or page: 400 in our shape, no message or stack", async () => {
    const bad = [
      `activeQueue=${encodeURIComponent('%E0%A4%A')}`,
      `activeQueue=moderation&status=${encodeURIComponent('%00Oy6"')}`,
      'activeQueue=moderation&status=failed&page=-1',
      `activeQueue=moderation&status=failed&jobsPerPage=${encodeURIComponent('1e9')}`,
    ];
    for (const query of bad) {
      const res = await app.admin.fetch(`/admin/queues/api/queues?${query}`);
      const text = await res.text();
      expect(res.status, `${query}: ${text}`).toBe(400);
      expect(JSON.parse(text).error.code).toBe('validation_failed');
      expect(text).not.toMatch(/stack|at .*\.js|URI malformed/);
    }
    expect((await app.admin.fetch('/admin/queues/api/queues?activeQueue=moderation&status=failed&page=1&jobsPerPage=10')).status).toBe(200);
    expect((await app.admin.fetch(`/admin/queues/api/job-schedulers?queueName=${encodeURIComponent('%ZZ')}`)).status).toBe(400);
  });

  it("CR/LF in the login form's `next`: a safe redirect to /admin, never a header injection or a 500", async () => {
    for (const next of [
      '/admin/queue\r\nSet-Cookie: bi=mat',
      '/admin/x\nLocation: https://evil.example',
      '/admin/\u0000',
      '/admin/queue\u2028',
      '/admin/\ud800',
    ]) {
      const res = await app.svc.fetch('/admin/login', {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, next }).toString(),
      });
      expect(res.status, JSON.stringify(next)).toBe(303);
      const location = res.headers.get('location') ?? '';
      expect(location, JSON.stringify(next)).toMatch(/^\/admin(\/|$)/);
      expect(location).not.toMatch(/[\r\n\u0000]/);
      expect(res.headers.getSetCookie().some((c) => c.startsWith('bi='))).toBe(false);
    }
    // The login page itself, with CR/LF in its query, renders.
    const page = await app.svc.fetch(`/admin/login?next=${encodeURIComponent('/admin/queue\r\nSet-Cookie: bi=mat')}`);
    expect(page.status).toBe(200);
  });
});
