/**
 * The widget as a reader sees it: headless Chromium against the real service (Redis, embedded
 * PostgreSQL, workers): markup shown as text, paging, comment counts on listing pages, the
 * widget embedded on another site, accessibility.
 */
import { expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { waitFor } from '../support/wait.js';
import {
  WAIT,
  adminSession,
  app,
  approve,
  articleId,
  describeInBrowser,
  heading,
  newContext,
  openPage,
  postViaApi,
  seriousViolations,
  serveSitePage,
  waitForCount,
} from './widget-harness.js';

describeInBrowser('the comment widget in a browser', () => {
  it('shows markup in comments as text and never runs it', async () => {
    const article = articleId('xss');
    const attacks = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=1</script>', '<svg onload="window.__xss=1">'];
    const ids: string[] = [];
    const name = '<b onmouseover="window.__xss=1">Tên</b>';
    for (const attack of attacks) ids.push(await postViaApi(article, name, `${attack}\nhết`));
    for (const id of ids) await approve(id);
    await waitForCount(article, attacks.length);

    const { page, errors } = await openPage(`/demo?article=${article}`);
    await heading(page, attacks.length).waitFor();
    for (const [i, attack] of attacks.entries()) {
      const shown = page.locator(`[data-comment-id="${ids[i]}"]`);
      expect(await shown.locator('.content').innerText()).toBe(`${attack}\nhết`);
      expect(await shown.locator('.author').innerText()).toBe(name);
      expect(await shown.locator('img, script, svg, b').count()).toBe(0);
    }
    await page.locator('.author').first().hover();
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('pages with "Xem thêm bình luận" when an article has more than one page of comments', async () => {
    const article = articleId('more');
    const ids: string[] = [];
    for (let i = 1; i <= 51; i++) ids.push(await postViaApi(article, `Bạn đọc ${i}`, `Ý kiến số ${i}`));
    const { headers } = await adminSession();
    for (const id of ids) {
      await waitFor(async () => {
        const res = await app.svc.fetch(`/admin/api/comments/${id}`, { headers });
        return res.ok && ((await res.json()) as { status: string }).status === 'pending';
      }, WAIT);
    }
    const bulk = await app.svc.post('/admin/api/comments/bulk', { ids, action: 'approve' }, headers);
    expect(bulk.status).toBe(200);
    await waitForCount(article, 51);

    const { page } = await openPage(`/demo?article=${article}`);
    await heading(page, 51).waitFor();
    expect(await page.locator('li.comment').count()).toBe(50);
    const more = page.getByRole('button', { name: 'Xem thêm bình luận' });
    const [next] = await Promise.all([page.waitForRequest((r) => r.url().includes('cursor=')), more.click()]);
    expect(new URL(next.url()).searchParams.get('sort')).toBe('oldest');
    await page.getByText('Ý kiến số 51', { exact: true }).waitFor();
    expect(await page.locator('li.comment').count()).toBe(51);
    await expect(more.isVisible()).resolves.toBe(false);
  }, 180_000);

  it('fills 30 counts on a listing page with one request', async () => {
    const counted = 'demo-tin-05';
    await approve(await postViaApi(counted, 'Hoa', 'Giá cam năm nay ổn.'));
    await waitForCount(counted, 1);

    const context = await newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const countRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/v1/counts') countRequests.push(r.url());
    });
    await page.goto(`${app.svc.baseUrl}/demo/list`);
    const badges = page.locator('[data-comment-count]');
    expect(await badges.count()).toBe(30);
    await expect.poll(async () => (await badges.allTextContents()).filter((t) => /^\d+$/.test(t)).length, { timeout: WAIT }).toBe(30);
    expect(await page.locator(`[data-comment-count="${counted}"]`).textContent()).toBe('1');
    expect(countRequests).toHaveLength(1);
    expect(new URL(countRequests[0]).searchParams.get('articles')!.split(',')).toHaveLength(30);
  });

  it('asks for more than 100 ids in batches of 100, once per id, skipping ids the API would refuse', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `batch-${i}`);
    const spans = ids.map((id) => `<span data-comment-count="${id}">?</span><span data-comment-count="${id}">?</span>`).join('');
    const siteUrl = await serveSitePage(
      `<!doctype html><html lang="vi"><head><title>Tin</title></head><body>${spans}<span data-comment-count="sai id!">?</span>` +
        `<script src="${app.svc.baseUrl}/count.js" async></script></body></html>`,
    );
    const context = await newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const batches: string[][] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/v1/counts') batches.push(url.searchParams.get('articles')!.split(','));
    });
    await page.goto(siteUrl);
    await expect
      .poll(async () => (await page.locator('[data-comment-count]').allTextContents()).filter((t) => t === '0').length, { timeout: WAIT })
      .toBe(300);
    expect(batches.map((b) => b.length).sort()).toEqual([100, 50].sort());
    expect(new Set(batches.flat())).toEqual(new Set(ids));
    expect(await page.locator('[data-comment-count="sai id!"]').textContent()).toBe('?');
  });

  it('works embedded on another site: several widgets, English, API from the script origin', async () => {
    const first = articleId('site-a');
    const second = articleId('site-b');
    await approve(await postViaApi(second, 'Minh', 'Bài hay.'));
    await waitForCount(second, 1);
    const context = await newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const sitePage = `<!doctype html><html lang="vi"><head><title>Site</title>
<style>* { font-size: 40px !important; color: red !important; } label { display: none !important; } div, p { all: unset; }</style></head><body>
<p>Bài A: <span data-comment-count="${first}">?</span> · Bài B: <span data-comment-count="${second}">?</span> · <span data-comment-count="${second}">?</span></p>
<div data-comment-article="${first}"></div>
<div data-comment-article="${second}" data-lang="en"></div>
<script src="${app.svc.baseUrl}/widget.js" async></script><script src="${app.svc.baseUrl}/count.js" async></script>
</body></html>`;
    const siteUrl = await serveSitePage(sitePage);
    const apiCalls: Request[] = [];
    page.on('request', (r) => r.url().startsWith(app.svc.baseUrl + '/v1/') && apiCalls.push(r));
    await page.goto(siteUrl);

    await heading(page, 0).waitFor();
    await page.getByRole('heading', { name: 'Reader comments (1)' }).waitFor();
    await page.getByText('Bài hay.').waitFor();
    await page.getByLabel('Name', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Post comment' }).waitFor();
    // The site's hostile CSS does not reach inside: labels stay visible.
    await expect(page.getByText('Họ tên', { exact: true }).isVisible()).resolves.toBe(true);
    await expect.poll(() => page.locator(`[data-comment-count="${second}"]`).allTextContents()).toEqual(['1', '1']);
    expect(await page.locator(`[data-comment-count="${first}"]`).textContent()).toBe('0');
    const commentLists = apiCalls.filter((r) => r.url().includes('/comments?'));
    expect(commentLists.map((r) => r.headers()['accept-language']).sort()).toEqual(['en', 'vi']);
    expect(apiCalls.filter((r) => r.url().includes('/v1/counts'))).toHaveLength(1);
  });

  it('has no serious or critical accessibility violation on /demo', async () => {
    // Bypassing the page's CSP only so the test can inject axe.
    const { page } = await openPage('/demo', { bypassCSP: true });
    await page.getByRole('heading', { name: /^Bình luận bạn đọc \(\d+\)$/ }).waitFor();
    const image = page.getByRole('img', { name: /Mã bảo mật/ });
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.getAttribute('src'), { timeout: WAIT }).toMatch(/^data:image\//);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
