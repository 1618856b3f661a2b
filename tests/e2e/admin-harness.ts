/**
 * The harness of the moderator e2e tests (./admin.test.ts): one service on PostgreSQL with an
 * admin, one Chromium, and the helpers that seed comments, open pages and log in.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { seedPending } from '../support/comments.js';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { uniqueName } from '../support/names.js';
import { startTestService, type TestService } from '../support/service.js';
import type { Comment } from '../../src/comments/types.js';

export const ADMIN = { email: 'bientap@baoquangtri.vn', password: 'mat-khau-kiem-thu-1' };
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WAIT = 10_000;
export const SCREENSHOTS = process.env.ADMIN_SCREENSHOTS === '1';

export let svc: TestService;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // PostgreSQL: an idle PGlite-backed service was seen to stall its event loop on this machine.
  svc = await startTestService({ engine: 'postgres', env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  browser = await launchChromium(30_000);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await svc?.stop();
});

export const articleId = (tag: string) => uniqueName(`tin-${tag}`).replace(/_/g, '-');
let minutesAgo = 600;

/** Seeded comments are dated back from `minutes` ago, one minute apart. */
export function seedFrom(minutes: number): void {
  minutesAgo = minutes;
}

/** A comment as the worker writes it: the filter's verdict, pending for a person. */
export async function seed(
  content: string,
  overrides: Partial<{ articleId: string; authorName: string; authorEmail: string; ip: string }> = {},
): Promise<string> {
  minutesAgo -= 1;
  return seedPending(svc.services, content, { ...overrides, minutesAgo });
}

export const stored = (id: string): Promise<Comment | null> => svc.services.comments.findById(id);

/** Submits through the public API (captcha in test mode); the worker writes it. Other fields (articleTitle, parentId…) pass as given. */
export async function submit(
  body: { articleId: string; authorEmail: string; content: string; authorName?: string } & Record<string, unknown>,
): Promise<string> {
  const captcha = (await (await svc.fetch('/v1/captcha')).json()) as { id: string };
  const res = await svc.post('/v1/comments', {
    authorName: 'Người đọc',
    ...body,
    captchaId: captcha.id,
    captchaAnswer: TEST_CAPTCHA_ANSWER,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

export async function newPage(
  options: { bypassCSP?: boolean; width?: number; height?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    bypassCSP: options.bypassCSP,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

export async function logIn(page: Page, next = '/admin/queue'): Promise<void> {
  await page.goto(`${svc.baseUrl}${next}`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === new URL(next, 'http://x').pathname);
}

export const card = (page: Page, id: string) => page.locator(`#c-${id}`);

export async function shot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
}
