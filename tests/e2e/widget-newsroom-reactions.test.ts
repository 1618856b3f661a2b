/**
 * What issue 14 added to the widget that needs the newsroom additions of the API (API.md):
 * "Thích" with the server's count and the reader's liked state kept (also from another
 * origin: the unlike is a DELETE the CORS preflight must allow), the tabs "Cũ nhất / Mới nhất
 * / Nổi bật", "Báo vi phạm" received and thanked; at desktop and 390 px wide, with axe-core.
 * Closed articles are in widget-closed-article.test.ts.
 */
import { expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import {
  adminSession,
  approvedComments,
  commentItem as comment,
  app,
  DESKTOP,
  describeInBrowser,
  heading,
  openPage,
  PHONE,
  scrollsSideways,
  serveSitePage,
  seriousViolations,
} from './widget-harness.js';

const READER_ID = /^[A-Za-z0-9_-]{16,64}$/;

const shownOrder = (page: Page) => page.locator('li.comment').evaluateAll((items) => items.map((li) => li.getAttribute('data-comment-id')));
const isLike = (method: string) => (r: Response) =>
  r.request().method() === method && /\/v1\/comments\/[^/]+\/like$/.test(new URL(r.url()).pathname);

async function likeViaApi(id: string, readerId: string): Promise<void> {
  const res = await app.svc.post(`/v1/comments/${id}/like`, { readerId });
  expect(res.status).toBe(200);
}

describeInBrowser('the widget for a Vietnamese newsroom: likes, sorting, reports', () => {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['390 px', PHONE],
  ] as const) {
    it(`likes once per reader with the server's count, and sorts Cũ nhất / Mới nhất / Nổi bật (${label})`, async () => {
      const { article, ids } = await approvedComments(`likes-${viewport.width}`, [
        ['Lê Văn Hùng', 'Ý kiến thứ nhất.'],
        ['Phạm Thu', 'Ý kiến thứ hai.'],
        ['Trần Mai', 'Ý kiến thứ ba.'],
      ]);
      const [first, second, third] = ids;
      // Two other readers like the first, one the third, before this reader opens the page.
      await likeViaApi(first, 'ban-doc-khac-000001');
      await likeViaApi(first, 'ban-doc-khac-000002');
      await likeViaApi(third, 'ban-doc-khac-000001');

      const { page, errors } = await openPage(`/demo?article=${article}`, { viewport, bypassCSP: true });
      await heading(page, 3).waitFor();
      expect(await shownOrder(page)).toEqual([first, second, third]);
      const like = (id: string) => comment(page, id).getByRole('button', { name: /^Thích/ });
      await expect(like(first).innerText()).resolves.toBe('Thích 2');
      await expect(like(second).innerText()).resolves.toBe('Thích');
      await expect(like(second).getAttribute('aria-pressed')).resolves.toBe('false');

      const [liked] = await Promise.all([page.waitForResponse(isLike('POST')), like(second).click()]);
      expect(liked.request().postDataJSON().readerId).toMatch(READER_ID);
      await expect.poll(() => like(second).getAttribute('aria-pressed')).toBe('true');
      await expect(like(second).innerText()).resolves.toBe('Thích 1');
      const readerId = liked.request().postDataJSON().readerId as string;
      expect(await page.evaluate(() => localStorage.getItem('bl-reader'))).toBe(readerId);

      // Remembered on the next visit; pressing again takes the like back (DELETE, same reader).
      await page.reload();
      await heading(page, 3).waitFor();
      await expect.poll(() => like(second).getAttribute('aria-pressed')).toBe('true');
      const [unliked] = await Promise.all([page.waitForResponse(isLike('DELETE')), like(second).click()]);
      expect(unliked.request().postDataJSON()).toEqual({ readerId });
      await expect.poll(() => like(second).getAttribute('aria-pressed')).toBe('false');
      await expect(like(second).innerText()).resolves.toBe('Thích');

      // The tabs: a group of buttons, the current one pressed, each reachable by keyboard.
      const tabs = page.getByRole('group', { name: 'Sắp xếp bình luận' });
      const tab = (name: string) => tabs.getByRole('button', { name });
      await expect(tab('Cũ nhất').getAttribute('aria-pressed')).resolves.toBe('true');
      const [top] = await Promise.all([page.waitForRequest((r) => r.url().includes('sort=top')), tab('Nổi bật').click()]);
      expect(new URL(top.url()).searchParams.get('sort')).toBe('top');
      await expect.poll(() => shownOrder(page)).toEqual([first, third, second]);
      await expect(tab('Nổi bật').getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(tab('Cũ nhất').getAttribute('aria-pressed')).resolves.toBe('false');
      await tab('Mới nhất').focus();
      await page.keyboard.press('Space');
      await expect.poll(() => shownOrder(page)).toEqual([third, second, first]);
      await tab('Cũ nhất').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => shownOrder(page)).toEqual([first, second, third]);

      expect(await scrollsSideways(page)).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('likes and takes the like back from a news site on another origin (CORS allows the DELETE)', async () => {
    const { article, ids } = await approvedComments('likes-site', [['Lê Văn Hùng', 'Ý kiến trên trang báo.']]);
    const siteUrl = await serveSitePage(
      `<!doctype html><html lang="vi"><head><title>Tin</title></head><body><div data-comment-article="${article}"></div>` +
        `<script src="${app.svc.baseUrl}/widget.js" async></script></body></html>`,
    );
    const { page, errors } = await openPage('/demo');
    await page.goto(siteUrl);
    await heading(page, 1).waitFor();
    const like = comment(page, ids[0]).getByRole('button', { name: /^Thích/ });
    const [liked] = await Promise.all([page.waitForResponse(isLike('POST')), like.click()]);
    expect(liked.status()).toBe(200);
    await expect.poll(() => like.innerText()).toBe('Thích 1');
    const [unliked] = await Promise.all([page.waitForResponse(isLike('DELETE')), like.click()]);
    expect(unliked.status()).toBe(200);
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('false');
    await expect(like.innerText()).resolves.toBe('Thích');
    expect(await comment(page, ids[0]).locator('.action-note').textContent()).toBe('');
    expect(errors).toEqual([]);
  });

  it('receives a report with its reason and note, thanks the reader, and keeps the comment published (390 px)', async () => {
    const { article, ids } = await approvedComments('report', [['Lê Văn Hùng', 'Một ý kiến gay gắt.']]);
    const { page, errors } = await openPage(`/demo?article=${article}`, { viewport: PHONE, bypassCSP: true });
    await heading(page, 1).waitFor();
    const item = comment(page, ids[0]);
    await item.getByRole('button', { name: 'Báo vi phạm' }).click();
    await item.getByLabel('Xúc phạm').check();
    await item.getByLabel('Ghi chú (không bắt buộc)').fill('Lời lẽ xúc phạm người khác.');
    expect(await seriousViolations(page)).toEqual([]);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/v1/comments/${ids[0]}/reports`)),
      item.getByRole('button', { name: 'Gửi báo cáo' }).click(),
    ]);
    expect(answer.status()).toBe(202);
    expect(answer.request().postDataJSON()).toMatchObject({ reason: 'offensive', note: 'Lời lẽ xúc phạm người khác.' });
    await item.getByText('Cảm ơn bạn đã báo cáo. Ban biên tập sẽ xem xét bình luận này.').waitFor();
    expect(await item.getByRole('button', { name: 'Báo vi phạm' }).count()).toBe(0);
    expect(await item.locator('form').count()).toBe(0);
    await item.getByText('Một ý kiến gay gắt.').waitFor();

    const { headers } = await adminSession();
    const reported = (await (await app.svc.fetch('/admin/api/comments?status=reported', { headers })).json()) as {
      comments: Array<{ id: string; status: string; reports: { open: number; reasons: Record<string, number> } }>;
    };
    const mine = reported.comments.find((c) => c.id === ids[0]);
    expect(mine).toMatchObject({ status: 'approved', reports: { open: 1, reasons: { offensive: 1 } } });
    expect(errors).toEqual([]);
  });
});
