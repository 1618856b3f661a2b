/**
 * What issue 14 added to the widget on the reader's side that needs nothing new of the API:
 * the article's title and canonical URL sent with a comment, long comments folded, the
 * reader's name and email remembered, their own pending comment shown greyed, the success
 * message left where the form was sent, the consent line with PRIVACY_URL, the report form's
 * messages for 404 and 429; at desktop and 390 px wide, with axe-core.
 * Likes, sorting, reports received and closed articles are in widget-newsroom-reactions.test.ts.
 */
import { expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import {
  app,
  approvedComments,
  commentItem as comment,
  articleId,
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
} from './widget-harness.js';

const PRIVACY_URL = 'https://baosonha.example.vn/chinh-sach-bao-mat';
const SENT = 'Bình luận của bạn đã được gửi và đang chờ duyệt.';

/** Forty lines: far more than the eight a comment shows folded, at any width. */
const LONG = Array.from({ length: 40 }, (_, i) => `Dòng thứ ${i + 1} của một ý kiến dài về con đường liên xã.`).join('\n');

describeInBrowser(
  'the widget for a Vietnamese newsroom: what the reader sees and keeps',
  () => {
    it('sends the page’s og:title and canonical URL, else document.title and the address without #', async () => {
      const article = articleId('article-meta');
      const page1 = await serveSitePage(`<!doctype html><html lang="vi"><head><title>Tiêu đề trong thẻ title</title>
<meta property="og:title" content="  Tân Phong thông tuyến   đường liên xã ">
<link rel="canonical" href="https://baosonha.example.vn/xa-hoi/tan-phong.html"></head><body>
<div data-comment-article="${article}"></div><script src="${app.svc.baseUrl}/widget.js" async></script></body></html>`);
      const page2 = await serveSitePage(`<!doctype html><html lang="vi"><head><title>Chợ phiên Lũng Vân</title></head><body>
<div data-comment-article="${article}"></div><script src="${app.svc.baseUrl}/widget.js" async></script></body></html>`);
      const sent: Array<Record<string, unknown>> = [];
      for (const url of [page1, `${page2}?trang=2#binh-luan`]) {
        const { page } = await openPage('/demo');
        await page.goto(url);
        await heading(page, 0).waitFor();
        const posted = page.waitForRequest(isCommentPost);
        await fillComment(page, { name: 'Hoa', content: `Ý kiến ${sent.length + 1}.`, captcha: TEST_CAPTCHA_ANSWER });
        await submitAndGetId(page);
        sent.push((await posted).postDataJSON());
      }
      expect(sent[0]).toMatchObject({
        articleTitle: 'Tân Phong thông tuyến đường liên xã',
        articleUrl: 'https://baosonha.example.vn/xa-hoi/tan-phong.html',
      });
      expect(sent[1]).toMatchObject({ articleTitle: 'Chợ phiên Lũng Vân', articleUrl: `${page2}?trang=2` });
    });

    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['390 px', PHONE],
    ] as const) {
      it(`folds a long comment after about eight lines with “Xem thêm” / “Thu gọn” (${label})`, async () => {
        const { article, ids } = await approvedComments(`fold-${viewport.width}`, [
          ['Lê Văn Hùng', LONG],
          ['Phạm Thu', 'Ngắn gọn thôi.'],
        ]);
        const { page, errors } = await openPage(`/demo?article=${article}`, { viewport, bypassCSP: true });
        await heading(page, 2).waitFor();
        const long = comment(page, ids[0]);
        const text = long.locator('.content');
        const toggle = long.getByRole('button', { name: 'Xem thêm', exact: true });
        await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
        expect(await toggle.getAttribute('aria-controls')).toBe(await text.getAttribute('id'));
        const folded = (await text.boundingBox())!.height;
        const lineHeight = 24; // 16 px × 1.5
        expect(folded).toBeGreaterThan(6 * lineHeight);
        expect(folded).toBeLessThanOrEqual(9 * lineHeight);
        expect(await comment(page, ids[1]).getByRole('button', { name: 'Xem thêm', exact: true }).count()).toBe(0);
        expect(await scrollsSideways(page)).toBe(false);

        await toggle.focus();
        await page.keyboard.press('Enter');
        const less = long.getByRole('button', { name: 'Thu gọn' });
        await expect(less.getAttribute('aria-expanded')).resolves.toBe('true');
        expect((await text.boundingBox())!.height).toBeGreaterThan(35 * lineHeight);
        await less.click();
        await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
        expect((await text.boundingBox())!.height).toBe(folded);
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }

    it('remembers name and email after a post, shows the pending comment greyed until the page is left', async () => {
      const { article, ids } = await approvedComments('remember', [['Lê Văn Hùng', 'Đường đã thông.']]);
      const { page, errors } = await openPage(`/demo?article=${article}`);
      await heading(page, 1).waitFor();
      await fillComment(page, { name: 'Trần Thị Mai', email: 'mai@example.vn', content: 'Cảm ơn dân quân.', captcha: TEST_CAPTCHA_ANSWER });
      const id = await submitAndGetId(page);
      await page.getByText(SENT).waitFor();

      // Greyed, labelled, at its place: after the published comment (oldest first), no buttons.
      const own = comment(page, id);
      await own.getByText('Đang chờ duyệt').waitFor();
      expect(await own.locator('.content').innerText()).toBe('Cảm ơn dân quân.');
      expect(await page.locator('li.comment').evaluateAll((items) => items.map((li) => li.getAttribute('data-comment-id')))).toEqual([
        ids[0],
        id,
      ]);
      expect(await own.getByRole('button').count()).toBe(0);
      const colour = await own.evaluate((li) => getComputedStyle(li).color);
      expect(colour).toBe('rgb(85, 85, 85)');
      expect(await heading(page, 1).count()).toBe(1); // not counted: not published

      // Another visit: the pending comment is gone, name and email are filled in.
      await page.reload();
      await heading(page, 1).waitFor();
      await expect(page.getByLabel('Họ tên').inputValue()).resolves.toBe('Trần Thị Mai');
      await expect(page.getByLabel('Email').inputValue()).resolves.toBe('mai@example.vn');
      expect(await comment(page, id).count()).toBe(0);
      expect(errors).toEqual([]);
    });

    it('leaves the success message of a reply where the form was sent, with the pending reply under its comment', async () => {
      const { article, ids } = await approvedComments('reply-stays', [
        ['Lê Văn Hùng', LONG],
        ['Phạm Thu', 'Bà con đã dọn xong bùn đất.'],
      ]);
      const { page, errors } = await openPage(`/demo?article=${article}`);
      await heading(page, 2).waitFor();
      const parent = comment(page, ids[1]);
      await parent.getByRole('button', { name: 'Trả lời' }).click();
      await fillComment(page, { name: 'Hoa', content: 'Mong xã sớm làm kè.', captcha: TEST_CAPTCHA_ANSWER });
      const submit = parent.getByRole('button', { name: 'Gửi bình luận' });
      const before = (await submit.boundingBox())!;
      const scrolledBefore = await page.evaluate(() => window.scrollY);
      const replyId = await submitAndGetId(page);

      const message = parent.locator('.reply-slot').getByText(SENT);
      await message.waitFor();
      const after = (await message.boundingBox())!;
      // On screen where "Gửi bình luận" was pressed: the page scrolled to make up for the form that went back above.
      expect(Math.abs(after.y - before.y)).toBeLessThan(4);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledBefore);
      expect(await parent.getByLabel('Họ tên').count()).toBe(0);
      await parent.locator(`.replies [data-comment-id="${replyId}"]`).getByText('Đang chờ duyệt').waitFor();
      expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent)).toBe(SENT);
      expect(errors).toEqual([]);
    });

    it('keeps working when localStorage throws: name kept for this page view only', async () => {
      const { page, context, errors } = await openPage('/demo');
      await context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('blocked', 'SecurityError');
          },
        });
      });
      const article = articleId('no-storage');
      await page.goto(`${app.svc.baseUrl}/demo?article=${article}`);
      await heading(page, 0).waitFor();
      await fillComment(page, { name: 'Hoa', content: 'Không lưu được gì.', captcha: TEST_CAPTCHA_ANSWER });
      const id = await submitAndGetId(page);
      await comment(page, id).getByText('Đang chờ duyệt').waitFor();
      await expect(page.getByLabel('Họ tên').inputValue()).resolves.toBe('Hoa');
      await page.reload();
      await heading(page, 0).waitFor();
      await expect(page.getByLabel('Họ tên').inputValue()).resolves.toBe('');
      expect(errors).toEqual([]);
    });

    it('shows the consent line with the PRIVACY_URL link and the retention periods', async () => {
      const { page } = await openPage('/demo');
      const consent = page.locator('.consent');
      await expect(consent.innerText()).resolves.toBe(
        'Khi gửi bình luận, bạn đồng ý với chính sách bảo mật của trang và cho phép xử lý họ tên, email (nếu có), ' +
          'địa chỉ IP và thông tin trình duyệt của bạn để kiểm duyệt. IP và thông tin trình duyệt được xóa sau 14 ngày; ' +
          'bình luận bị từ chối được xóa sau 60 ngày; bình luận đã đăng được lưu cùng họ tên và email đến khi bị gỡ.',
      );
      const link = consent.getByRole('link', { name: 'chính sách bảo mật của trang' });
      await expect(link.getAttribute('href')).resolves.toBe(PRIVACY_URL);
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      // Under the form's button.
      const button = (await page.getByRole('button', { name: 'Gửi bình luận' }).boundingBox())!;
      expect((await consent.boundingBox())!.y).toBeGreaterThan(button.y);
    });

    it('explains 404 and 429 on a report in Vietnamese; the report form passes axe at 390 px without sideways scroll', async () => {
      const { article, ids } = await approvedComments('report-errors', [['Lê Văn Hùng', 'Một ý kiến.']]);
      const { page, errors } = await openPage(`/demo?article=${article}`, { viewport: PHONE, bypassCSP: true });
      await heading(page, 1).waitFor();
      let answer: 404 | 429 = 404;
      const reports: Request[] = [];
      await page.route('**/v1/comments/*/reports', (route) => {
        reports.push(route.request());
        const code = answer === 404 ? 'not_found' : 'rate_limited';
        return route.fulfill({
          status: answer,
          headers: { 'content-type': 'application/json', 'retry-after': '37', 'access-control-expose-headers': 'Retry-After' },
          body: JSON.stringify({ error: { code, message: 'x' } }),
        });
      });
      const item = comment(page, ids[0]);
      const open = item.getByRole('button', { name: 'Báo vi phạm' });
      await open.click();
      await expect(open.getAttribute('aria-expanded')).resolves.toBe('true');
      const reasons = item.getByRole('group', { name: 'Lý do báo vi phạm' });
      for (const reason of ['Spam', 'Xúc phạm', 'Vi phạm pháp luật', 'Lạc đề', 'Khác'])
        await reasons.getByLabel(reason, { exact: true }).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);

      const send = item.getByRole('button', { name: 'Gửi báo cáo' });
      await send.click();
      await item.getByText('Vui lòng chọn lý do.').waitFor();
      expect(reports).toHaveLength(0);

      await reasons.getByLabel('Lạc đề').check();
      await item.getByLabel('Ghi chú (không bắt buộc)').fill('Không liên quan bài viết.');
      await send.click();
      await item.getByText('Bình luận này không còn hiển thị nên không thể báo cáo.').waitFor();
      expect(reports[0].postDataJSON()).toMatchObject({ reason: 'off_topic', note: 'Không liên quan bài viết.' });
      expect(reports[0].postDataJSON().readerId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

      answer = 429;
      await send.click();
      await item.getByText('Bạn đã gửi nhiều báo cáo quá. Vui lòng thử lại sau 37 giây.').waitFor();
      // The form stays for another try; the comment is still there.
      await expect(send.isVisible()).resolves.toBe(true);
      await item.getByText('Một ý kiến.').waitFor();
      expect(errors).toEqual([]);
    });

    it('has no serious or critical accessibility violation with the form open, at 390 px without sideways scroll', async () => {
      const { article } = await approvedComments('a11y-form', [['Lê Văn Hùng', LONG]]);
      const { page } = await openPage(`/demo?article=${article}`, { viewport: PHONE, bypassCSP: true });
      await heading(page, 1).waitFor();
      const image = page.getByRole('img', { name: /Mã bảo mật/ });
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.getAttribute('src')).toMatch(/^data:image\//);
      await page.getByRole('button', { name: 'Gửi bình luận' }).click(); // the error states too
      await page.getByText('Vui lòng nhập họ tên.').waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);
    });
  },
  { PRIVACY_URL, RETENTION_IP_DAYS: '14', RETENTION_REJECTED_DAYS: '60' },
);
