/**
 * What the widget's browser tests share (widget-posting.test.ts, widget-reading.test.ts): the
 * real service (Redis, embedded PostgreSQL, workers) and headless Chromium for one test file,
 * and the steps a reader or a moderator takes. Waits are on visible text or on requests, never
 * fixed sleeps; every wait is bounded.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page, Request } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { started } from '../support/hooks.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { uniqueName } from '../support/names.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

const ADMIN = { email: 'admin@example.vn', password: 'mat-khau-kiem-thu-1' };
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WAIT = 10_000;

let service: TestService | undefined;
let chromium: Browser | undefined;
const contexts: BrowserContext[] = [];
const closers: Array<() => Promise<void>> = [];

/** The service with the bootstrap admin and Chromium, for the test file that calls this (once, at its top). */
export function useWidgetBrowser(env: Record<string, string> = {}): void {
  beforeAll(async () => {
    service = await startTestService({ engine: 'pglite', env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env } });
    chromium = await launchChromium(30_000);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    for (const close of closers) await close().catch(() => {});
    await chromium?.close();
    await service?.stop();
  });
}

/**
 * A describe block over the widget in a browser: the service and Chromium started once for the
 * file, and generous bounds, as the machine may be shared with other test runs (every inner
 * wait is bounded too).
 */
export function describeInBrowser(title: string, tests: () => void, env?: Record<string, string>): void {
  useWidgetBrowser(env);
  describe(title, { timeout: 90_000 }, tests);
}

/** The service under test (after useWidgetBrowser's hooks have started it). */
export const app = {
  get svc(): TestService {
    return started(service, 'the widget test service');
  },
};

/** A fresh browser profile, closed after the file's tests. */
export async function newContext(options?: BrowserContextOptions): Promise<BrowserContext> {
  const context = await started(chromium, 'Chromium').newContext(options);
  contexts.push(context);
  return context;
}

/** A desktop, and a phone 390 px wide (an iPhone 12–15). */
export const DESKTOP = { width: 1200, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser profile per test; page errors fail the test that caused them. */
export async function openPage(
  path: string,
  options: { bypassCSP?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const viewport = options.viewport ?? DESKTOP;
  const context = await newContext({ locale: 'vi-VN', viewport, bypassCSP: options.bypassCSP, isMobile: viewport === PHONE });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.svc.baseUrl + path);
  return { page, context, errors };
}

export const articleId = (tag: string) => uniqueName(`e2e-${tag}`).replace(/_/g, '-');

export async function fillComment(scope: Page, values: { name?: string; email?: string; content?: string; captcha?: string }) {
  if (values.name !== undefined) await scope.getByLabel('Họ tên').fill(values.name);
  if (values.email !== undefined) await scope.getByLabel('Email').fill(values.email);
  if (values.content !== undefined) await scope.getByLabel('Bình luận của bạn', { exact: true }).fill(values.content);
  // The captcha loads lazily; a filled answer before the image is fine, the id is awaited on submit.
  if (values.captcha !== undefined) await scope.getByLabel('Nhập mã bảo mật trên').fill(values.captcha);
}

export const isCommentPost = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname === '/v1/comments';

/** Submits the form and returns the comment id from the 202. */
export async function submitAndGetId(page: Page): Promise<string> {
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
export async function adminSession(): Promise<AdminSession> {
  if (admin) return admin;
  const res = await app.svc.post('/admin/api/login', ADMIN);
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  admin = { headers: { cookie, 'x-csrf-token': csrfToken } };
  return admin;
}

/**
 * Waits until the worker has stored the comment, then approves it as a moderator. A comment
 * the filter rejected (markup in the XSS test may look like spam) is overturned with force.
 */
export async function approve(id: string): Promise<void> {
  const { headers } = await adminSession();
  const status = await waitFor(async () => {
    const res = await app.svc.fetch(`/admin/api/comments/${id}`, { headers });
    const current = res.ok ? ((await res.json()) as { status: string }).status : null;
    return current === 'pending' || current === 'rejected' ? current : null;
  }, WAIT);
  const res = await app.svc.post(`/admin/api/comments/${id}/approve`, status === 'rejected' ? { force: true } : {}, headers);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe('approved');
}

/** A comment straight through the API (for tests about what is shown, not about the form). */
export async function postViaApi(article: string, authorName: string, content: string, parentId?: string): Promise<string> {
  const captcha = (await (await app.svc.fetch('/v1/captcha')).json()) as { id: string };
  const res = await app.svc.post('/v1/comments', {
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
export async function reloadUntilVisible(page: Page, locator: Locator, timeoutMs = 20_000): Promise<void> {
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
export async function serveSitePage(html: string): Promise<string> {
  const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => site.close(() => resolve())));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}/tin-tuc`;
}

/** Waits until the API itself reports the approved count (the publish worker updates it). */
export async function waitForCount(article: string, count: number): Promise<void> {
  await waitFor(async () => {
    const res = await app.svc.fetch(`/v1/counts?articles=${encodeURIComponent(article)}`);
    return res.ok && ((await res.json()) as { counts: Record<string, number> }).counts[article] === count;
  }, WAIT);
}

export const heading = (page: Page, count: number) => page.getByRole('heading', { name: `Bình luận bạn đọc (${count})` });

/** axe-core's serious and critical violations on the page (open it with bypassCSP: true, so axe can be injected). */
export async function seriousViolations(page: Page): Promise<Array<{ id: string; impact: string; targets: unknown[] }>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The page scrolls sideways when its content is wider than the window (the phone test). */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Comments posted through the API and approved, in order; waits until the API counts them. */
export async function approvedComments(tag: string, comments: Array<[string, string]>): Promise<{ article: string; ids: string[] }> {
  const article = articleId(tag);
  const ids: string[] = [];
  for (const [name, content] of comments) ids.push(await postViaApi(article, name, content));
  for (const id of ids) await approve(id);
  await waitForCount(article, ids.length);
  return { article, ids };
}

/** One comment of the widget's list, by id. */
export const commentItem = (page: Page, id: string) => page.locator(`[data-comment-id="${id}"]`);
