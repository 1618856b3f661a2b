/**
 * The widget as a reader who writes uses it: headless Chromium against the real service (Redis,
 * embedded PostgreSQL, workers): posting and replying, validation errors, failures and retries,
 * the sending state. Approvals go through the moderator API, as a moderator's would.
 */
import { expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import {
  approve,
  articleId,
  describeInBrowser,
  fillComment,
  heading,
  isCommentPost,
  openPage,
  postViaApi,
  reloadUntilVisible,
  submitAndGetId,
  waitForCount,
} from './widget-harness.js';

describeInBrowser('the comment widget in a browser', () => {
  it('lets a reader post, shows the pending message, and shows the comment once approved', async () => {
    const article = articleId('post');
    const { page, context, errors } = await openPage(`/demo?article=${article}`);
    await heading(page, 0).waitFor();
    await page.getByText('Chưa có bình luận nào. Hãy là người đầu tiên góp ý!').waitFor();
    // The consent line, without a link: this service has no PRIVACY_URL (widget-newsroom-reader.test.ts has one).
    const consent = page.locator('.consent');
    await expect(consent.innerText()).resolves.toMatch(
      /^Khi gửi bình luận, bạn đồng ý với chính sách bảo mật của trang .*IP .* 30 ngày.* 90 ngày/,
    );
    expect(await consent.locator('a').count()).toBe(0);

    const posts: Request[] = [];
    page.on('request', (r) => isCommentPost(r) && posts.push(r));
    const content = 'Đường thông rồi, cảm ơn anh em dân quân.\nMong sớm làm kè kiên cố.';
    await fillComment(page, { name: 'Trần Thị Mai', email: 'mai@example.vn', content, captcha: TEST_CAPTCHA_ANSWER });
    await page.getByText(`${Array.from(content).length}/5000 ký tự`).waitFor(); // the live counter
    const id = await submitAndGetId(page);

    await page.getByText('Bình luận của bạn đã được gửi và đang chờ duyệt.').waitFor();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Bình luận của bạn đã được gửi và đang chờ duyệt.');
    // The text goes; name and email stay for the next comment (issue 14, part 10).
    expect(await page.getByLabel('Họ tên').inputValue()).toBe('Trần Thị Mai');
    expect(await page.getByLabel('Email').inputValue()).toBe('mai@example.vn');
    expect(await page.getByLabel('Bình luận của bạn', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Nhập mã bảo mật trên').inputValue()).toBe('');

    // What went over the wire: one request, a key against double posts, the widget language, no cookie.
    expect(posts).toHaveLength(1);
    const sent = posts[0];
    expect(sent.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(sent.headers()['accept-language']).toBe('vi');
    expect(sent.headers().cookie).toBeUndefined();
    expect(sent.postDataJSON()).toMatchObject({
      articleId: article,
      authorName: 'Trần Thị Mai',
      authorEmail: 'mai@example.vn',
      content,
      website: '',
    });

    await approve(id);
    await reloadUntilVisible(page, heading(page, 1));
    const shown = page.locator(`[data-comment-id="${id}"]`);
    await shown.getByText('Trần Thị Mai').waitFor();
    expect(await shown.locator('.content').innerText()).toBe(content); // line break kept
    expect(await shown.locator('time').innerText()).toBe('vừa xong');
    // The count badge in the article header comes from count.js (its answer may be cached a few seconds).
    await reloadUntilVisible(page, page.locator(`[data-comment-count="${article}"]`).filter({ hasText: /^1$/ }));

    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('posts a reply under a comment, and the reply appears nested after approval', async () => {
    const article = articleId('reply');
    const parentId = await postViaApi(article, 'Lê Văn Hùng', 'Đoạn qua dốc Đá Bàn còn trơn lắm.');
    await approve(parentId);
    await waitForCount(article, 1);

    const { page, errors } = await openPage(`/demo?article=${article}`);
    await heading(page, 1).waitFor();
    const parent = page.locator(`[data-comment-id="${parentId}"]`);
    await parent.getByRole('button', { name: 'Trả lời' }).click();
    await parent.getByText('Trả lời bình luận của Lê Văn Hùng').waitFor();

    // Cancelling puts the form back; answering again brings it under the comment.
    await parent.getByRole('button', { name: 'Hủy trả lời' }).click();
    await expect.poll(() => parent.getByLabel('Họ tên').count()).toBe(0);
    await parent.getByRole('button', { name: 'Trả lời' }).click();
    await expect.poll(() => parent.getByLabel('Họ tên').count()).toBe(1);

    const posted = page.waitForRequest(isCommentPost);
    await fillComment(page, { name: 'Phạm Thu', content: 'Xã đã cắm biển cảnh báo rồi bạn nhé.', captcha: TEST_CAPTCHA_ANSWER });
    const replyId = await submitAndGetId(page);
    expect((await posted).postDataJSON().parentId).toBe(parentId);
    await page.getByText('Bình luận của bạn đã được gửi và đang chờ duyệt.').waitFor();
    // After sending, the form leaves the comment.
    await expect.poll(() => parent.getByLabel('Họ tên').count()).toBe(0);

    await approve(replyId);
    await reloadUntilVisible(page, heading(page, 2));
    const nested = page.locator(`[data-comment-id="${parentId}"] .replies [data-comment-id="${replyId}"]`);
    await nested.getByText('Xã đã cắm biển cảnh báo rồi bạn nhé.').waitFor();
    // One level only: a reply has no reply button of its own.
    expect(await nested.getByRole('button', { name: 'Trả lời' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows validation errors at the field that caused them, from the browser and from the server', async () => {
    const article = articleId('invalid');
    const { page } = await openPage(`/demo?article=${article}`);
    await heading(page, 0).waitFor();
    const posts: Request[] = [];
    page.on('request', (r) => isCommentPost(r) && posts.push(r));

    // Nothing filled in: the form says what is missing, without sending anything.
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    const name = page.getByLabel('Họ tên');
    await page.getByText('Vui lòng nhập họ tên.').waitFor();
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Vui lòng nhập họ tên.');
    await page.getByText('Vui lòng nhập nội dung bình luận.').waitFor();
    await page.getByText('Vui lòng nhập mã bảo mật.').waitFor();
    await expect(page.getByLabel('Bình luận của bạn', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBeNull();
    expect(posts).toHaveLength(0);

    // An address the browser lets through but the API refuses: the server's answer lands at Email.
    await fillComment(page, { name: 'Hoa', email: 'hoa@localhost', content: 'Thử lại.', captcha: TEST_CAPTCHA_ANSWER });
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isCommentPost(r.request())),
      page.getByRole('button', { name: 'Gửi bình luận' }).click(),
    ]);
    expect(refused.status()).toBe(400);
    const email = page.getByLabel('Email');
    await page.getByText('Địa chỉ email không hợp lệ.').waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(name.getAttribute('aria-invalid')).resolves.toBeNull();

    // A wrong captcha: the message sits at the captcha and a new image replaces the old one.
    const image = page.getByRole('img', { name: /Mã bảo mật/ });
    const before = await image.getAttribute('src');
    await fillComment(page, { email: '', captcha: 'sai-ma' });
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await page.getByText('Mã bảo mật không đúng hoặc đã hết hạn. Vui lòng nhập mã mới.').waitFor();
    await expect(page.getByLabel('Nhập mã bảo mật trên').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect.poll(() => image.getAttribute('src')).not.toBe(before);
    expect(await page.getByLabel('Bình luận của bạn', { exact: true }).inputValue()).toBe('Thử lại.'); // nothing lost
  });

  it('explains 429, 503 and network failures, and retries a lost request with the same Idempotency-Key', async () => {
    const article = articleId('errors');
    const { page } = await openPage(`/demo?article=${article}`);
    await heading(page, 0).waitFor();
    const keys: string[] = [];
    let answer: 'rate' | 'busy' | 'drop' | 'pass' = 'rate';
    await page.route('**/v1/comments', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      const error = (status: number, code: string, retryAfter: string) =>
        route.fulfill({
          status,
          headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
          body: JSON.stringify({ error: { code, message: 'x' } }),
        });
      if (answer === 'rate') return error(429, 'rate_limited', '42');
      if (answer === 'busy') return error(503, 'unavailable', '5');
      if (answer === 'drop') return route.abort('connectionreset');
      return route.continue();
    });
    const send = () => page.getByRole('button', { name: 'Gửi bình luận' }).click();

    await fillComment(page, { name: 'Hoa', content: 'Một ý kiến.', captcha: TEST_CAPTCHA_ANSWER });
    await send();
    await page.getByText('Vui lòng thử lại sau 42 giây.').waitFor();

    answer = 'busy';
    await fillComment(page, { captcha: TEST_CAPTCHA_ANSWER });
    await send();
    await page.getByText('Hệ thống đang bận. Vui lòng thử lại sau 5 giây.').waitFor();
    expect(keys[1]).not.toBe(keys[0]); // a new attempt after an answer gets a new key

    answer = 'drop';
    await fillComment(page, { captcha: TEST_CAPTCHA_ANSWER });
    await send();
    await page.getByText(/Không kết nối được máy chủ/).waitFor();
    await expect(page.getByRole('button', { name: 'Gửi bình luận' }).isEnabled()).resolves.toBe(true);

    answer = 'pass';
    await send(); // same text, same captcha: the retry of a request that may have arrived
    await page.getByText('Bình luận của bạn đã được gửi và đang chờ duyệt.').waitFor();
    expect(keys).toHaveLength(4);
    expect(keys[3]).toBe(keys[2]);
  });

  it('shows "Đang gửi…" and disables the button while sending', async () => {
    const article = articleId('sending');
    const { page } = await openPage(`/demo?article=${article}`);
    await heading(page, 0).waitFor();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/v1/comments', async (route) => {
      await held;
      await route.continue();
    });
    await fillComment(page, { name: 'Hoa', content: 'Chờ một chút.', captcha: TEST_CAPTCHA_ANSWER });
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    const sending = page.getByRole('button', { name: 'Đang gửi…' });
    await sending.waitFor();
    await expect(sending.isDisabled()).resolves.toBe(true);
    release();
    await page.getByText('Bình luận của bạn đã được gửi và đang chờ duyệt.').waitFor();
    await expect(page.getByRole('button', { name: 'Gửi bình luận' }).isEnabled()).resolves.toBe(true);
  });
});
