/**
 * The widget as a reader uses it: headless Chromium against the real service (Redis, embedded
 * PostgreSQL, workers). Approvals go through the moderator API, as a moderator's would.
 * Waits are on visible text or on requests, never fixed sleeps; every wait is bounded.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { uniqueName } from '../support/names.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

const ADMIN = { email: 'admin@example.vn', password: 'mat-khau-kiem-thu-1' };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WAIT = 10_000;

let svc: TestService;
let browser: Browser;
const contexts: BrowserContext[] = [];
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  svc = await startTestService({ engine: 'pglite', env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  browser = await launchChromium(30_000);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  for (const close of closers) await close().catch(() => {});
  await browser?.close();
  await svc?.stop();
});

// ---------------------------------------------------------------- helpers

/** A fresh browser profile per test; page errors fail the test that caused them. */
async function openPage(
  path: string,
  options: { bypassCSP?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 900 }, bypassCSP: options.bypassCSP });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(svc.baseUrl + path);
  return { page, context, errors };
}

const articleId = (tag: string) => uniqueName(`e2e-${tag}`).replace(/_/g, '-');

async function fillComment(scope: Page, values: { name?: string; email?: string; content?: string; captcha?: string }) {
  if (values.name !== undefined) await scope.getByLabel('Họ tên').fill(values.name);
  if (values.email !== undefined) await scope.getByLabel('Email').fill(values.email);
  if (values.content !== undefined) await scope.getByLabel('Bình luận của bạn', { exact: true }).fill(values.content);
  // The captcha loads lazily; a filled answer before the image is fine, the id is awaited on submit.
  if (values.captcha !== undefined) await scope.getByLabel('Nhập mã bảo mật trên').fill(values.captcha);
}

const isCommentPost = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname === '/v1/comments';

/** Submits the form and returns the comment id from the 202. */
async function submitAndGetId(page: Page): Promise<string> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => isCommentPost(r.request()), { timeout: WAIT }),
    page.getByRole('button', { name: 'Gửi bình luận' }).click(),
  ]);
  expect(response.status()).toBe(202);
  const body = (await response.json()) as { id: string; status: string };
  expect(body.status).toBe('pending');
  return body.id;
}

interface AdminSession {
  headers: Record<string, string>;
}

let admin: AdminSession | undefined;
async function adminSession(): Promise<AdminSession> {
  if (admin) return admin;
  const res = await svc.post('/admin/api/login', ADMIN);
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  admin = { headers: { cookie, 'x-csrf-token': csrfToken } };
  return admin;
}

/**
 * Waits until the worker has stored the comment, then approves it as a moderator. A comment
 * the filter rejected (markup in the XSS test may look like spam) is overturned with force.
 */
async function approve(id: string): Promise<void> {
  const { headers } = await adminSession();
  const status = await waitFor(async () => {
    const res = await svc.fetch(`/admin/api/comments/${id}`, { headers });
    const current = res.ok ? ((await res.json()) as { status: string }).status : null;
    return current === 'pending' || current === 'rejected' ? current : null;
  }, WAIT);
  const res = await svc.post(`/admin/api/comments/${id}/approve`, status === 'rejected' ? { force: true } : {}, headers);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe('approved');
}

/** A comment straight through the API (for tests about what is shown, not about the form). */
async function postViaApi(article: string, authorName: string, content: string, parentId?: string): Promise<string> {
  const captcha = (await (await svc.fetch('/v1/captcha')).json()) as { id: string };
  const res = await svc.post('/v1/comments', {
    articleId: article,
    authorName,
    content,
    captchaId: captcha.id,
    captchaAnswer: TEST_CAPTCHA_ANSWER,
    ...(parentId ? { parentId } : {}),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

/**
 * Reloads until `locator` shows. Public reads may be cached for a few seconds (API.md allows
 * up to 10 s on counts), so a reader may need a second reload to see a fresh approval.
 */
async function reloadUntilVisible(page: Page, locator: Locator, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.reload();
    try {
      await locator.waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Serves one page from another origin (a port of its own): the news site embedding the scripts. */
async function serveSitePage(html: string): Promise<string> {
  const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => site.close(() => resolve())));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}/tin-tuc`;
}

/** Waits until the API itself reports the approved count (the publish worker updates it). */
async function waitForCount(article: string, count: number): Promise<void> {
  await waitFor(async () => {
    const res = await svc.fetch(`/v1/counts?articles=${encodeURIComponent(article)}`);
    return res.ok && ((await res.json()) as { counts: Record<string, number> }).counts[article] === count;
  }, WAIT);
}

const heading = (page: Page, count: number) => page.getByRole('heading', { name: `Bình luận bạn đọc (${count})` });

// ---------------------------------------------------------------- tests

// Generous bounds: the machine may be shared with other test runs; every inner wait is bounded too.
describe('the comment widget in a browser', { timeout: 90_000 }, () => {
  it('lets a reader post, shows the pending message, and shows the comment once approved', async () => {
    const article = articleId('post');
    const { page, context, errors } = await openPage(`/demo?article=${article}`);
    await heading(page, 0).waitFor();
    await page.getByText('Chưa có bình luận nào. Hãy là người đầu tiên góp ý!').waitFor();

    const posts: Request[] = [];
    page.on('request', (r) => isCommentPost(r) && posts.push(r));
    const content = 'Đường thông rồi, cảm ơn anh em dân quân.\nMong sớm làm kè kiên cố.';
    await fillComment(page, { name: 'Trần Thị Mai', email: 'mai@example.vn', content, captcha: TEST_CAPTCHA_ANSWER });
    await page.getByText(`${Array.from(content).length}/5000 ký tự`).waitFor(); // the live counter
    const id = await submitAndGetId(page);

    await page.getByText('Bình luận của bạn đã được gửi và đang chờ duyệt.').waitFor();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Bình luận của bạn đã được gửi và đang chờ duyệt.');
    expect(await page.getByLabel('Họ tên').inputValue()).toBe('');
    expect(await page.getByLabel('Bình luận của bạn', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Nhập mã bảo mật trên').inputValue()).toBe('');

    // What went over the wire: one request, a key against double posts, the widget language, no cookie.
    expect(posts).toHaveLength(1);
    const sent = posts[0];
    expect(sent.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(sent.headers()['accept-language']).toBe('vi');
    expect(sent.headers()['cookie']).toBeUndefined();
    expect(sent.postDataJSON()).toMatchObject({ articleId: article, authorName: 'Trần Thị Mai', authorEmail: 'mai@example.vn', content, website: '' });

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

  it('pages with "Xem thêm" when an article has more than one page of comments', async () => {
    const article = articleId('more');
    const ids: string[] = [];
    for (let i = 1; i <= 51; i++) ids.push(await postViaApi(article, `Bạn đọc ${i}`, `Ý kiến số ${i}`));
    const { headers } = await adminSession();
    for (const id of ids) {
      await waitFor(async () => {
        const res = await svc.fetch(`/admin/api/comments/${id}`, { headers });
        return res.ok && ((await res.json()) as { status: string }).status === 'pending';
      }, WAIT);
    }
    const bulk = await svc.post('/admin/api/comments/bulk', { ids, action: 'approve' }, headers);
    expect(bulk.status).toBe(200);
    await waitForCount(article, 51);

    const { page } = await openPage(`/demo?article=${article}`);
    await heading(page, 51).waitFor();
    expect(await page.locator('li.comment').count()).toBe(50);
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await page.getByText('Ý kiến số 51', { exact: true }).waitFor();
    expect(await page.locator('li.comment').count()).toBe(51);
    await expect(page.getByRole('button', { name: 'Xem thêm' }).isVisible()).resolves.toBe(false);
  }, 180_000);

  it('fills 30 counts on a listing page with one request', async () => {
    const counted = 'demo-tin-05';
    await approve(await postViaApi(counted, 'Hoa', 'Giá cam năm nay ổn.'));
    await waitForCount(counted, 1);

    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const countRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/v1/counts') countRequests.push(r.url());
    });
    await page.goto(`${svc.baseUrl}/demo/list`);
    const badges = page.locator('[data-comment-count]');
    expect(await badges.count()).toBe(30);
    await expect
      .poll(async () => (await badges.allTextContents()).filter((t) => /^\d+$/.test(t)).length, { timeout: WAIT })
      .toBe(30);
    expect(await page.locator(`[data-comment-count="${counted}"]`).textContent()).toBe('1');
    expect(countRequests).toHaveLength(1);
    expect(new URL(countRequests[0]).searchParams.get('articles')!.split(',')).toHaveLength(30);
  });

  it('asks for more than 100 ids in batches of 100, once per id, skipping ids the API would refuse', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `batch-${i}`);
    const spans = ids.map((id) => `<span data-comment-count="${id}">?</span><span data-comment-count="${id}">?</span>`).join('');
    const siteUrl = await serveSitePage(
      `<!doctype html><html lang="vi"><head><title>Tin</title></head><body>${spans}<span data-comment-count="sai id!">?</span>` +
        `<script src="${svc.baseUrl}/count.js" async></script></body></html>`,
    );
    const context = await browser.newContext();
    contexts.push(context);
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
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const sitePage = `<!doctype html><html lang="vi"><head><title>Site</title>
<style>* { font-size: 40px !important; color: red !important; } label { display: none !important; } div, p { all: unset; }</style></head><body>
<p>Bài A: <span data-comment-count="${first}">?</span> · Bài B: <span data-comment-count="${second}">?</span> · <span data-comment-count="${second}">?</span></p>
<div data-comment-article="${first}"></div>
<div data-comment-article="${second}" data-lang="en"></div>
<script src="${svc.baseUrl}/widget.js" async></script><script src="${svc.baseUrl}/count.js" async></script>
</body></html>`;
    const siteUrl = await serveSitePage(sitePage);
    const apiCalls: Request[] = [];
    page.on('request', (r) => r.url().startsWith(svc.baseUrl + '/v1/') && apiCalls.push(r));
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
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
