/**
 * The moderator pages over HTTP (no browser): form login and logout, the language switch,
 * escaping, filters that never 500 on odd input, cursor pagination, the admin-only page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reason } from '../../../src/filters/index.js';
import { newCommentId } from '../../../src/comments/ids.js';
import { seedPending } from '../../support/comments.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, adminEnv } from '../../support/moderators.js';
import { startTestService, type TestService } from '../../support/service.js';

describe('moderator pages', () => {
  let svc: TestService;
  let cookie: string;

  const page = (path: string, extraCookie = '') => svc.fetch(path, { redirect: 'manual', headers: { cookie: `${cookie}${extraCookie}` } });

  async function formLogin(email: string, password: string): Promise<Response> {
    return svc.fetch('/admin/login', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password, next: '/admin/stats' }),
    });
  }

  const seed = (content: string, minutesAgo: number, articleId = 'bai-trang') =>
    seedPending(svc.services, content, { articleId, minutesAgo, authorName: 'Độc giả', authorEmail: 'd@example.vn', ip: '192.0.2.1' });

  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres', workers: false, env: adminEnv });
    const res = await formLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/stats');
    cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('cm_session='))!
      .split(';')[0];
  });
  afterAll(async () => svc?.stop());

  it('refuses a wrong password on the form with the message, and never redirects off-site', async () => {
    const wrong = await formLogin(ADMIN_EMAIL, 'sai-mat-khau');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Email hoặc mật khẩu không đúng.');
    const offsite = await svc.fetch('/admin/login?next=//evil.example/x');
    expect(await offsite.text()).toContain('value="/admin/queue"');
  });

  it('switches to English with ?lang=en and remembers it', async () => {
    const en = await page('/admin/queue?lang=en');
    const langCookie = en.headers
      .getSetCookie()
      .find((c) => c.startsWith('cm_lang='))!
      .split(';')[0];
    expect(await en.text()).toContain('Blocked by filter');
    const again = await page('/admin/queue', `; ${langCookie}`);
    const html = await again.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Pending');
    expect(await (await page('/admin/queue')).text()).toContain('Chờ duyệt');
  });

  it('escapes comment text and pages through the queue oldest first with a cursor', async () => {
    const article = `bai-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 35; i++)
      ids.push(await seed(i === 0 ? '<script>alert(1)</script> "quote" & more' : `Bình luận số ${i}`, 100 - i, article));
    const first = await (await page(`/admin/queue?article=${article}`)).text();
    expect(first).not.toContain('<script>alert(1)</script>');
    expect(first).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const order = [...first.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(ids.slice(0, 30));
    const next = first.match(/href="([^"]*cursor=[^"]+)" rel="next"/)![1].replace(/&amp;/g, '&');
    const second = await (await page(next)).text();
    expect([...second.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(ids.slice(30));
  });

  it('filters by rule and by search text, and treats odd input as no filter (never a 500)', async () => {
    const article = `loc-${Date.now()}`;
    const phone = await seed('Gọi ngay 0912 345 678', 5, article);
    const plain = await seed('Bài viết hay 100%_', 4, article);
    const byRule = await (await page(`/admin/queue?article=${article}&rule=spam.phone`)).text();
    expect(byRule).toContain(phone);
    expect(byRule).not.toContain(plain);
    const bySearch = await (await page(`/admin/queue?article=${article}&q=${encodeURIComponent('100%_')}`)).text();
    expect(bySearch).toContain(plain);
    expect(bySearch).not.toContain(phone);
    for (const odd of ['?tab=nope', '?cursor=%%%', '?cursor=bm90LWpzb24', `?q=${'x'.repeat(5000)}`, '?rule=%27%3B--']) {
      expect((await page(`/admin/queue${odd}`)).status).toBe(200);
    }
  });

  it("names the span model's reasons on the card, with its confidence as a percentage", async () => {
    const article = `mo-hinh-${Date.now()}`;
    const content = 'Tác giả <i>óc chó</i> thật, viết như hạch';
    const at = (word: string) => ({ start: content.indexOf(word), end: content.indexOf(word) + word.length, match: word });
    // As the filter stores a verdict with the model's reasons: `confidence` rides on the reason.
    const modelReason = { rule: 'model.offensive', tier: 'review', ...at('óc chó'), confidence: 0.874 };
    const unsure = { rule: 'model.offensive', tier: 'review', ...at('hạch') };
    const id = newCommentId();
    await svc.services.comments.saveModerated({
      comment: {
        id,
        articleId: article,
        parentId: null,
        authorName: 'Độc giả',
        authorEmail: null,
        content,
        ip: null,
        userAgent: null,
        createdAt: new Date().toISOString(),
      },
      verdict: { action: 'review', score: 0.87, reasons: [modelReason, unsure] as Reason[], lexiconVersion: 'test-model' },
      status: 'pending',
      decidedBy: null,
      decisionReason: null,
    });
    const html = await (await page(`/admin/queue?article=${article}`)).text();
    const card = html.slice(html.indexOf(`data-id="${id}"`));
    expect(card).toContain('Xúc phạm (mô hình) · 87%: “óc chó”');
    // Without a confidence the label stands alone.
    expect(card).toContain('Xúc phạm (mô hình): “hạch”');
    // Highlighted as review, the reader's markup escaped inside and around the mark.
    expect(card).toContain('Tác giả &lt;i&gt;<mark class="t-review" title="Xúc phạm (mô hình)">óc chó</mark>&lt;/i&gt; thật');
    expect(card).not.toContain('<i>');
    // The queue's rule filter offers it and finds the comment.
    expect(html).toContain('<option value="model.offensive">Xúc phạm (mô hình)</option>');
    expect(await (await page(`/admin/queue?article=${article}&rule=model.offensive`)).text()).toContain(id);
    const en = await (await page(`/admin/queue?article=${article}&lang=en`)).text();
    expect(en).toContain('Offensive (model) · 87%: “óc chó”');
  });

  it('logs out with the form (CSRF field) and then redirects pages to the login form', async () => {
    const login = await formLogin(ADMIN_EMAIL, ADMIN_PASSWORD);
    const own = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('cm_session='))!
      .split(';')[0];
    const queue = await svc.fetch('/admin/queue', { headers: { cookie: own } });
    const csrf = (await queue.text()).match(/name="csrf-token" content="([^"]+)"/)![1];
    const noToken = await svc.fetch('/admin/logout', {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: own, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(noToken.status).toBe(403);
    const out = await svc.fetch('/admin/logout', {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: own, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(out.status).toBe(303);
    const after = await svc.fetch('/admin/queue', { redirect: 'manual', headers: { cookie: own } });
    expect(after.headers.get('location')).toMatch(/^\/admin\/login\?expired=1/);
  });
});
