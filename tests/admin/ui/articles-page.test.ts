/**
 * Bài viết over HTTP (no browser): the form post needs the session's CSRF token, refuses a bad
 * article id or flag with 400 and changes nothing, never redirects off the articles page, and
 * a moderator (not only an admin) may close comments. Pages of articles and odd queries never 500.
 * On PostgreSQL and on PGlite.
 */
import { describe, expect, it } from 'vitest';
import { addModerator, useAdminService, type Moderator } from '../../support/moderators.js';
import { seedPending } from '../../support/comments.js';

describe.each(['postgres', 'pglite'] as const)('Bài viết page on %s', (engine) => {
  const ctx = useAdminService({ engine });

  const csrfOf = async (who: Moderator) =>
    (await (await who.fetch('/admin/articles', { csrf: false })).text()).match(/name="csrf-token" content="([^"]+)"/)![1];

  const postForm = (who: Moderator, fields: Record<string, string>) =>
    who.fetch('/admin/articles', {
      method: 'POST',
      redirect: 'manual',
      csrf: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ctx.svc.baseUrl },
      body: new URLSearchParams(fields),
    });

  it('closes with the form token and a notice, then redirects back to the list it came from', async () => {
    const moderator = await addModerator(ctx.svc);
    const articleId = `dong-${Date.now()}`;
    const res = await postForm(moderator, {
      _csrf: await csrfOf(moderator),
      articleId,
      closed: 'true',
      notice: 'Tạm đóng',
      back: `/admin/articles?q=${articleId}`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/articles?q=${articleId}&done=closed`);
    expect(await ctx.svc.services.articleService.get(articleId)).toMatchObject({ closed: true, notice: 'Tạm đóng' });
    const page = await (await moderator.fetch(res.headers.get('location')!, { csrf: false })).text();
    expect(page).toContain('Đã đóng bình luận bài viết.');
    expect(page).toContain('Mở lại bình luận');
  });

  it('refuses a post without the token, with a bad id or flag (nothing stored), and never goes off the page', async () => {
    const admin = ctx.admin;
    const token = await csrfOf(admin);
    const articleId = `tu-choi-${Date.now()}`;
    expect((await postForm(admin, { articleId, closed: 'true' })).status).toBe(403);
    expect((await postForm(admin, { _csrf: 'sai', articleId, closed: 'true' })).status).toBe(403);
    expect((await postForm(admin, { _csrf: token, articleId: 'có dấu cách', closed: 'true' })).status).toBe(400);
    expect((await postForm(admin, { _csrf: token, articleId, closed: 'maybe' })).status).toBe(400);
    expect((await postForm(admin, { _csrf: token, articleId, closed: 'true', notice: 'x'.repeat(501) })).status).toBe(400);
    expect(await ctx.svc.services.articleService.get(articleId)).toBeNull();
    for (const back of ['https://evil.example/admin/articles', '//evil.example', '/admin/queue']) {
      const res = await postForm(admin, { _csrf: token, articleId, closed: 'false', back });
      expect(res.headers.get('location')).toBe('/admin/articles?done=opened');
    }
  });

  it('lists articles most recently commented first and pages with a cursor; odd queries are no filter', async () => {
    const tag = `trang-${Date.now()}`;
    for (let i = 0; i < 32; i++) {
      await seedPending(ctx.svc.services, `Bình luận ${i}`, { articleId: `${tag}-${String(i).padStart(2, '0')}`, minutesAgo: 100 - i });
    }
    const first = await (await ctx.admin.fetch(`/admin/articles?q=${tag}`, { csrf: false })).text();
    const ids = [...first.matchAll(/data-article="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(30);
    expect(ids[0]).toBe(`${tag}-31`);
    const next = first.match(/href="([^"]*cursor=[^"]+)" rel="next"/)![1].replace(/&amp;/g, '&');
    const second = await (await ctx.admin.fetch(next, { csrf: false })).text();
    expect([...second.matchAll(/data-article="([^"]+)"/g)].map((m) => m[1])).toEqual([`${tag}-01`, `${tag}-00`]);
    for (const query of ['?cursor=%00%ff', '?q=' + 'x'.repeat(5000), '?q=%25_%5C', '?cursor=abc&q=']) {
      expect((await ctx.admin.fetch(`/admin/articles${query}`, { csrf: false })).status).toBe(200);
    }
  });
});
