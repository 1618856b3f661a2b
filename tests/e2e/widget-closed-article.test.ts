/**
 * The article as the newsroom sees it (API.md "Newsroom additions"): the page title and
 * canonical URL the widget sends reach the moderators' article list; a closed article: the widget shows the newsroom's notice, or
 * "Bài viết đã đóng bình luận.", instead of the form, and the published comments stay; a post
 * refused with 403 comments_closed (closed while the reader wrote) switches to that state.
 * At desktop and 390 px wide, with axe-core.
 */
import { expect, it } from 'vitest';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { waitFor } from '../support/wait.js';
import {
  adminSession,
  app,
  approvedComments,
  articleId,
  commentItem as comment,
  DESKTOP,
  describeInBrowser,
  fillComment,
  heading,
  isCommentPost,
  openPage,
  PHONE,
  scrollsSideways,
  serveSitePage,
  seriousViolations,
  submitAndGetId,
  WAIT,
} from './widget-harness.js';

async function setArticle(article: string, body: { closed: boolean; notice?: string | null }): Promise<void> {
  const { headers } = await adminSession();
  const res = await app.svc.fetch(`/admin/api/articles/${encodeURIComponent(article)}`, {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

describeInBrowser('the article in the widget: its title and link, closing', () => {
  it("sends the og:title and canonical URL that the newsroom's article list then shows", async () => {
    const article = articleId('article-title');
    const site = await serveSitePage(`<!doctype html><html lang="vi"><head><title>Báo Sơn Hà</title>
<meta property="og:title" content="Thư viện tỉnh mở thêm tủ sách lưu động">
<link rel="canonical" href="http://localhost/van-hoa/tu-sach-luu-dong.html"></head><body>
<div data-comment-article="${article}"></div><script src="${app.svc.baseUrl}/widget.js" async></script></body></html>`);
    const { page } = await openPage('/demo');
    await page.goto(site);
    await heading(page, 0).waitFor();
    await fillComment(page, { name: 'Hoa', content: 'Các cháu ở bản rất thích.', captcha: TEST_CAPTCHA_ANSWER });
    await submitAndGetId(page);
    const { headers } = await adminSession();
    const listed = await waitFor(async () => {
      const res = await app.svc.fetch(`/admin/api/articles?q=${encodeURIComponent(article)}`, { headers });
      const body = (await res.json()) as { articles: Array<{ id: string; title: string | null; url: string | null }> };
      return body.articles.find((a) => a.id === article && a.title) ?? null;
    }, WAIT);
    expect(listed).toMatchObject({
      title: 'Thư viện tỉnh mở thêm tủ sách lưu động',
      url: 'http://localhost/van-hoa/tu-sach-luu-dong.html',
    });
  });

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['390 px', PHONE],
  ] as const) {
    it(`shows a closed article's notice instead of the form; its comments stay (${label})`, async () => {
      const { article, ids } = await approvedComments(`closed-${viewport.width}`, [['Lê Văn Hùng', 'Ý kiến trước khi đóng.']]);
      await setArticle(article, { closed: true, notice: 'Tòa soạn tạm đóng bình luận bài viết này.' });
      const { page, errors } = await openPage(`/demo?article=${article}`, { viewport, bypassCSP: true });
      await heading(page, 1).waitFor();
      await page.getByText('Tòa soạn tạm đóng bình luận bài viết này.').waitFor();
      await comment(page, ids[0]).getByText('Ý kiến trước khi đóng.').waitFor();
      await expect(page.getByLabel('Họ tên').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: 'Gửi bình luận' }).isVisible()).resolves.toBe(false);
      await expect(
        comment(page, ids[0])
          .getByRole('button', { name: /^Trả lời/ })
          .isVisible(),
      ).resolves.toBe(false);
      await expect(
        comment(page, ids[0])
          .getByRole('button', { name: /^Thích/ })
          .isVisible(),
      ).resolves.toBe(true);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);

      // No notice written: the widget's own words.
      await setArticle(article, { closed: true, notice: null });
      await expect
        .poll(
          async () => {
            await page.reload();
            await heading(page, 1).waitFor();
            return page.getByText('Bài viết đã đóng bình luận.').isVisible();
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('switches to the closed state when a post is refused with 403 comments_closed', async () => {
    const article = articleId('closed-403');
    const { page, errors } = await openPage(`/demo?article=${article}`);
    await heading(page, 0).waitFor();
    await fillComment(page, { name: 'Hoa', content: 'Gửi muộn một chút.', captcha: TEST_CAPTCHA_ANSWER });
    await setArticle(article, { closed: true, notice: 'Bài viết đã khóa bình luận theo yêu cầu của tòa soạn.' });
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isCommentPost(r.request())),
      page.getByRole('button', { name: 'Gửi bình luận' }).click(),
    ]);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('comments_closed');
    // The notice comes from the list read again past the browser's cache (the page it had said open).
    await page.getByText('Bài viết đã khóa bình luận theo yêu cầu của tòa soạn.', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Gửi bình luận' }).isVisible()).resolves.toBe(false);
    await expect(page.getByLabel('Họ tên').isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
  });
});
