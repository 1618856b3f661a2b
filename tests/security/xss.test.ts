/**
 * XSS: comments carrying the payloads of xss-payloads.ts are shown by the moderator UI (queue
 * and detail pages) and, once approved, by the reader's widget on /demo, in Chromium.
 * No payload may run: `window.__xss` stays unset and no dialog opens. The pages' CSP would
 * block inline handlers anyway, so the browser context bypasses CSP: escaping alone must hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { insertComment } from '../support/comments.js';
import { adminEnv, login } from '../support/moderators.js';
import { uniqueName } from '../support/names.js';
import { startTestService, type TestService } from '../support/service.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

const marker = (i: number) => `XSS-${String(i).padStart(2, '0')}`;

describe('XSS payloads in the widget and the moderator UI', () => {
  let svc: TestService;
  let browser: Browser;
  const pendingArticle = uniqueName('xss-mod').replace(/_/g, '-');
  const pendingIds: string[] = [];
  const publicArticle = uniqueName('xss-pub').replace(/_/g, '-');
  const publicIds: string[] = [];

  beforeAll(async () => {
    svc = await startTestService({ engine: 'pglite', workers: false, env: adminEnv });
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const authorName = payload.length <= 70 ? payload : `${marker(i)} ${payload.slice(0, 60)}`;
      const content = `${marker(i)} ${payload}`;
      const held = await insertComment(svc.services, { articleId: pendingArticle, authorName, content, authorEmail: `x${i}@example.vn` });
      pendingIds.push(held.id);
      const shown = await insertComment(svc.services, { articleId: publicArticle, authorName, content, authorEmail: `y${i}@example.vn` });
      publicIds.push(shown.id);
    }
    browser = await launchChromium(60_000);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  }, 60_000);

  async function openWatched(path: string, cookie?: string): Promise<{ page: Page; dialogs: string[] }> {
    const context = await browser.newContext({ bypassCSP: true, locale: 'vi-VN' });
    if (cookie) {
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url: svc.baseUrl }]);
    }
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(svc.baseUrl + path);
    return { page, dialogs };
  }

  async function expectNothingRan(page: Page, dialogs: string[]) {
    // Give handlers (onerror, onload, autofocus, animations) time to fire.
    await page.waitForTimeout(1_500);
    // Interactions a reader might make: hover and click what the payloads made look clickable.
    for (const selector of ['#xss-link', '#xss-btn', 'b']) {
      const el = page.locator(selector).first();
      if (await el.count()) await el.hover({ timeout: 2_000 }).catch(() => {});
    }
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('#xss-link, #xss-btn, iframe, object, embed').count()).toBe(0);
  }

  it(`has at least 30 payloads`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it('the widget shows every approved payload as text and runs none', async () => {
    const admin = await login(svc);
    const bulk = await admin.post('/admin/api/comments/bulk', { ids: publicIds, action: 'approve' });
    expect(bulk.status).toBe(200);
    const { results } = (await bulk.json()) as { results: Array<{ status?: string }> };
    expect(results.every((r) => r.status === 'approved')).toBe(true);

    const { page, dialogs } = await openWatched(`/demo?article=${encodeURIComponent(publicArticle)}`);
    // The widget renders in an open shadow root; Playwright's text locators pierce it.
    await page.getByText(marker(0), { exact: false }).first().waitFor({ timeout: 60_000 });
    // Page through "Xem thêm" until the last payload is on screen.
    const last = marker(XSS_PAYLOADS.length - 1);
    for (let i = 0; i < 5 && (await page.getByText(last, { exact: false }).count()) === 0; i++) {
      const more = page.getByRole('button', { name: 'Xem thêm' });
      if ((await more.count()) === 0) break;
      await more.first().click();
      await page.waitForTimeout(500);
    }
    await page.getByText(last, { exact: false }).first().waitFor({ timeout: 30_000 });
    await expectNothingRan(page, dialogs);
    await page.context().close();
  }, 300_000);

  it('the moderator queue and comment pages show every payload as text and run none', async () => {
    const admin = await login(svc);
    const queue = await openWatched(`/admin/queue?articleId=${pendingArticle}`, admin.cookie);
    await queue.page.waitForFunction(() => document.body.innerText.includes('XSS-0'), undefined, { timeout: 60_000 });
    await expectNothingRan(queue.page, queue.dialogs);
    // Detail pages (highlights split the text around matches): those past the queue's first
    // page of 30, and every third one of the rest, to keep the run short on a loaded machine.
    for (const id of pendingIds.filter((_, i) => i >= 30 || i % 3 === 0)) {
      const detail = await openWatched(`/admin/comments/${id}`, admin.cookie);
      await detail.page.waitForFunction(() => document.body.innerText.includes('XSS-'), undefined, { timeout: 30_000 });
      expect(await detail.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(detail.dialogs).toEqual([]);
      await detail.page.context().close();
    }
  }, 300_000);
});
