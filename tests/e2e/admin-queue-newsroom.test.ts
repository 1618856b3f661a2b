/**
 * The queue's newsroom features (issue 14, queue side) in Chromium, in Vietnamese, at desktop
 * width and at 390 px: keys 1–9 reject with a preset reason (admins edit the presets), one toast
 * at a time saying what happened, no second decision from a fast second key press, undo that
 * reopens (single and bulk), long comments folding with their highlights, editing in place,
 * the article and reply context on a card, the "Bị báo cáo" tab, and axe in those states.
 * Waits are on visible state or on the database, each bounded.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login as apiLogin, type Moderator } from '../support/moderators.js';
import { waitFor } from '../support/wait.js';
import { ADMIN, AXE_SOURCE, articleId, card, logIn, newPage, seed, stored, submit, svc, WAIT } from './admin-harness.js';

const LEGAL = 'Vi phạm pháp luật / nhạy cảm chính trị';
const WIDTHS = [1280, 390] as const;

async function queueOf(article: string, width: number, tab = 'pending'): Promise<{ page: Page; errors: string[] }> {
  const opened = await newPage({ width, height: width < 500 ? 844 : 900 });
  await logIn(opened.page);
  await opened.page.goto(`${svc.baseUrl}/admin/queue?tab=${tab}&article=${article}`);
  return opened;
}

async function seriousAxeViolations(page: Page): Promise<Array<{ id: string; impact: string }>> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let api: Moderator | undefined;
const adminApi = async () => (api ??= await apiLogin(svc, ADMIN.email, ADMIN.password));
const toasts = (page: Page) => page.locator('#toasts .toast');

describe.each(WIDTHS)('the queue at %i px', { timeout: 90_000 }, (width) => {
  it('rejects with a preset reason on a number key (4: the legal/political one), shown on the card and in the help', async () => {
    const article = articleId(`preset-${width}`);
    const first = await seed('Bình luận có nội dung nhạy cảm chính trị.', { articleId: article });
    const second = await seed('Bình luận bình thường, cảm ơn tòa soạn.', { articleId: article });
    const { page, errors } = await queueOf(article, width);
    await card(page, first).waitFor();
    const options = await card(page, first).locator('select.reason option').allTextContents();
    expect(options[4]).toBe(`4 · ${LEGAL}`);
    await page.keyboard.press('4');
    await waitFor(async () => (await stored(first))?.status === 'rejected', WAIT);
    expect((await stored(first))?.decisionReason).toBe(LEGAL);
    expect((await stored(second))?.status).toBe('pending');
    await expect.poll(() => toasts(page).textContent()).toContain('Đã từ chối 1 bình luận');
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('#help').textContent()).toContain(LEGAL);
    expect(errors).toEqual([]);
  });

  it('ignores a fast second key press on a card being decided, and shows one toast at a time', async () => {
    const article = articleId(`twice-${width}`);
    const only = await seed('Một bình luận, hai lần bấm phím.', { articleId: article });
    const { page, errors } = await queueOf(article, width);
    await card(page, only).waitFor();
    const decisionsSent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/admin\/api\/comments\//.test(request.url())) decisionsSent.push(request.url());
    });
    await page.keyboard.press('a');
    await page.keyboard.press('a');
    await waitFor(async () => (await stored(only))?.status === 'approved', WAIT);
    await expect.poll(() => toasts(page).textContent()).toContain('Đã duyệt 1 bình luận');
    expect(await page.locator('#toasts .toast.bad').count()).toBe(0);
    expect(await page.locator('.state.elsewhere').count()).toBe(0);
    const decisions = await svc.services.db.query(`SELECT 1 FROM audit_log WHERE target_id = $1 AND action LIKE 'comment.%'`, [only]);
    expect(decisions.rowCount).toBe(1);
    expect(decisionsSent).toHaveLength(1);

    // A bulk decision: one toast counting them all, replacing the older one.
    const ids = [
      await seed('Thứ nhất.', { articleId: article }),
      await seed('Thứ hai.', { articleId: article }),
      await seed('Thứ ba.', { articleId: article }),
    ];
    await page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await card(page, ids[0]).waitFor();
    await card(page, ids[1]).getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => toasts(page).textContent()).toContain('Đã duyệt 1 bình luận');
    await page.locator('#select-all').check();
    await page.keyboard.press('Shift+A');
    await expect.poll(() => toasts(page).textContent()).toContain('Đã duyệt 2 bình luận');
    expect(await toasts(page).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('folds a long comment after about 8 lines with "Xem thêm", its highlights kept', async () => {
    const article = articleId(`fold-${width}`);
    const lines = Array.from({ length: 14 }, (_, i) => `Dòng thứ ${i + 1} của một bình luận rất dài về dự án đường ven biển.`);
    const id = await seed(`${lines.join('\n')}\nĐồ ngu, gọi ngay 0912 345 678.`, { articleId: article });
    const { page, errors } = await queueOf(article, width);
    const text = card(page, id).locator('.content');
    await text.waitFor();
    const folded = await text.evaluate((el) => ({ shown: el.clientHeight, full: el.scrollHeight }));
    expect(folded.shown).toBeLessThan(folded.full);
    expect(await text.locator('mark').allTextContents()).toContain('Đồ ngu');
    const more = card(page, id).getByRole('button', { name: 'Xem thêm' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    await expect.poll(() => text.evaluate((el) => el.clientHeight >= el.scrollHeight)).toBe(true);
    await expect.poll(() => card(page, id).locator('button.fold').textContent()).toBe('Thu gọn');
    expect(await text.locator('mark', { hasText: 'Đồ ngu' }).isVisible()).toBe(true);
    const short = await seed('Ngắn gọn.', { articleId: article });
    await page.reload();
    await card(page, short).waitFor();
    expect(await card(page, short).locator('button.fold').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('edits in place: Esc cancels, "Lưu và duyệt" publishes the edited text, "Bản gốc" keeps the reader’s', async () => {
    const article = articleId(`edit-${width}`);
    const original = 'Bài viết hay nhưng tác giả viết sai tên xã Triệu Phong.';
    const id = await seed(original, { articleId: article });
    const { page, errors } = await queueOf(article, width);
    await card(page, id).waitFor();
    await card(page, id).getByRole('button', { name: 'Sửa' }).click();
    const area = card(page, id).getByRole('textbox', { name: 'Nội dung bình luận' });
    await expect.poll(() => area.inputValue()).toBe(original);
    await area.fill('Đã sửa và chưa lưu');
    await page.keyboard.press('Escape');
    expect(await area.count()).toBe(0);
    expect(await card(page, id).locator('.content').textContent()).toBe(original);
    expect((await stored(id))?.status).toBe('pending');
    if (width === WIDTHS[0]) {
      // The new state passes axe with the editor open.
      const { page: axePage } = await newPage({ width, bypassCSP: true });
      await logIn(axePage, `/admin/queue?article=${article}`);
      await card(axePage, id).getByRole('button', { name: 'Sửa' }).click();
      expect(await seriousAxeViolations(axePage)).toEqual([]);
    }

    const edited = 'Bài viết hay nhưng tác giả viết sai tên huyện Triệu Phong.';
    await page.keyboard.press('e');
    await area.fill(edited);
    await card(page, id).getByRole('button', { name: 'Lưu và duyệt' }).click();
    await waitFor(async () => (await stored(id))?.status === 'approved', WAIT);
    const answer = (await (await (await adminApi()).fetch(`/admin/api/comments/${id}`)).json()) as {
      content: string;
      originalContent: string | null;
    };
    expect(answer).toMatchObject({ content: edited, originalContent: original });
    // On the approved tab: the edited text, the reader's own behind "Bản gốc", and "Lưu" alone.
    await page.goto(`${svc.baseUrl}/admin/queue?tab=approved&article=${article}`);
    await expect.poll(() => card(page, id).locator('.content').textContent()).toBe(edited);
    await card(page, id).getByText('Bản gốc').click();
    await expect.poll(() => card(page, id).locator('.original-text').textContent()).toBe(original);
    await card(page, id).getByRole('button', { name: 'Sửa' }).click();
    await area.fill(`${edited} Xin cảm ơn.`);
    expect(await card(page, id).getByRole('button', { name: 'Lưu và duyệt' }).count()).toBe(0);
    await card(page, id).getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => card(page, id).locator('.content').textContent()).toBe(`${edited} Xin cảm ơn.`);
    const after = (await (await (await adminApi()).fetch(`/admin/api/comments/${id}`)).json()) as { content: string; status: string };
    expect(after).toMatchObject({ content: `${edited} Xin cảm ơn.`, status: 'approved' });
    expect(errors).toEqual([]);
  });

  it('undoes with u and with "Hoàn tác": the comment(s) go back to Chờ duyệt, bulk undo reopens them all', async () => {
    const article = articleId(`undo-${width}`);
    const one = await seed('Duyệt rồi hoàn tác bằng phím u.', { articleId: article });
    const { page, errors } = await queueOf(article, width);
    await card(page, one).waitFor();
    await page.keyboard.press('a');
    await waitFor(async () => (await stored(one))?.status === 'approved', WAIT);
    // The moderator sees what happened, then undoes it.
    await expect.poll(() => toasts(page).textContent()).toContain('Đã duyệt 1 bình luận');
    await page.keyboard.press('u');
    await waitFor(async () => (await stored(one))?.status === 'pending', WAIT);
    await expect.poll(() => toasts(page).textContent()).toContain('Đã mở lại 1 bình luận');
    // Back in the list, ready to decide again.
    await expect.poll(() => card(page, one).getAttribute('class')).not.toContain('done');

    const more = [await seed('Hàng loạt một.', { articleId: article }), await seed('Hàng loạt hai.', { articleId: article })];
    await page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await card(page, more[1]).waitFor();
    await page.locator('#select-all').check();
    await page.keyboard.press('Shift+R');
    await waitFor(async () => (await Promise.all([one, ...more].map(stored))).every((c) => c?.status === 'rejected'), WAIT);
    await expect.poll(() => toasts(page).textContent()).toContain('Đã từ chối 3 bình luận');
    await page.locator('#toasts').getByRole('button', { name: 'Hoàn tác' }).click();
    await waitFor(async () => (await Promise.all([one, ...more].map(stored))).every((c) => c?.status === 'pending'), WAIT);
    await expect.poll(() => toasts(page).textContent()).toContain('Đã mở lại 3 bình luận');
    await expect.poll(() => page.locator('#cards article.card:not(.done)').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('shows the article title linked to the article and what a reply answers', async () => {
    const article = articleId(`context-${width}`);
    const moderator = await adminApi();
    const parentText = 'Tôi là người dân xã Gio Linh, con đường này đã xuống cấp từ ba năm nay, mùa mưa không đi được.';
    const parent = await submit({
      articleId: article,
      authorEmail: 'me@example.vn',
      content: parentText,
      authorName: 'Lê Văn Cha',
      articleTitle: 'Quảng Trị khởi công đường ven biển 1.200 tỉ đồng',
      articleUrl: 'https://baoquangtri.vn/thoi-su/duong-ven-bien.html',
    });
    await waitFor(async () => (await stored(parent))?.status === 'pending', WAIT);
    expect((await moderator.post(`/admin/api/comments/${parent}/approve`)).status).toBe(200);
    const reply = await submit({
      articleId: article,
      authorEmail: 'con@example.vn',
      content: 'Đồng ý với bác, cần sửa sớm.',
      parentId: parent,
    });
    await waitFor(async () => (await stored(reply))?.status === 'pending', WAIT);
    const { page, errors } = await queueOf(article, width);
    await card(page, reply).waitFor();
    const link = card(page, reply).getByRole('link', { name: 'Quảng Trị khởi công đường ven biển 1.200 tỉ đồng' });
    expect(await link.getAttribute('href')).toBe('https://baoquangtri.vn/thoi-su/duong-ven-bien.html');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const context = card(page, reply).locator('details.parent');
    expect(await context.locator('summary').textContent()).toContain('Trả lời Lê Văn Cha');
    expect(await context.locator('.parent-text').isVisible()).toBe(false);
    await context.locator('summary').click();
    await expect.poll(() => context.locator('.parent-text').textContent()).toBe(parentText);
    expect(errors).toEqual([]);
  });

  it('lists reported comments most reported first, with reasons counted, "Gỡ bình luận" and "Giữ lại"', async () => {
    const article = articleId(`reported-${width}`);
    const moderator = await adminApi();
    const a = await seed('Bình luận bị báo cáo nhiều.', { articleId: article });
    const b = await seed('Bình luận bị báo cáo một lần.', { articleId: article });
    for (const id of [a, b]) expect((await moderator.post(`/admin/api/comments/${id}/approve`)).status).toBe(200);
    const report = async (id: string, reason: string, reader: string) =>
      expect((await svc.post(`/v1/comments/${id}/reports`, { readerId: `doc-gia-${reader}-${width}-0123456789`, reason })).status).toBe(
        202,
      );
    await report(a, 'offensive', 'a');
    await report(a, 'offensive', 'b');
    await report(a, 'spam', 'c');
    await report(b, 'spam', 'd');

    const { page, errors } = await queueOf(article, width, 'reported');
    await card(page, a).waitFor();
    expect(await page.locator('#cards article.card').evaluateAll((els) => els.map((e) => e.id))).toEqual([`c-${a}`, `c-${b}`]);
    expect(await card(page, a).locator('.reports').textContent()).toContain('Xúc phạm ×2, Spam ×1');
    const reportedCount = Number(await page.locator('[data-count="reported"]').textContent());
    expect(reportedCount).toBeGreaterThanOrEqual(2);
    if (width === WIDTHS[0]) expect(await seriousAxeViolationsOf(`/admin/queue?tab=reported&article=${article}`)).toEqual([]);

    await page.locator('body[data-live="1"]').waitFor({ state: 'attached' });
    await card(page, a).getByRole('button', { name: 'Gỡ bình luận' }).click();
    await waitFor(async () => (await stored(a))?.status === 'rejected', WAIT);
    await card(page, b).getByRole('button', { name: 'Giữ lại' }).click();
    await expect
      .poll(async () => ((await (await moderator.fetch(`/admin/api/comments/${b}`)).json()) as { reports: { open: number } }).reports.open)
      .toBe(0);
    expect((await stored(b))?.status).toBe('approved');
    await expect.poll(() => page.locator('[data-count="reported"]').textContent(), { timeout: WAIT }).toBe(String(reportedCount - 2));

    // A new report elsewhere raises the count live.
    const c = await seed('Một bình luận khác.', { articleId: article });
    expect((await moderator.post(`/admin/api/comments/${c}/approve`)).status).toBe(200);
    await report(c, 'illegal', 'e');
    await expect.poll(() => page.locator('[data-count="reported"]').textContent(), { timeout: WAIT }).toBe(String(reportedCount - 1));
    expect(errors).toEqual([]);
  });
});

async function seriousAxeViolationsOf(path: string): Promise<Array<{ id: string; impact: string }>> {
  const { page } = await newPage({ bypassCSP: true });
  await logIn(page, path);
  return seriousAxeViolations(page);
}

describe('preset reasons and the toast under axe', { timeout: 90_000 }, () => {
  it('lets an admin add a preset on its page; it becomes the next number key', async () => {
    const { page, errors } = await newPage();
    await logIn(page, '/admin/reject-reasons');
    expect(await page.locator('table').textContent()).toContain(LEGAL);
    await page.getByLabel('Lý do', { exact: true }).fill('Lộ thông tin cá nhân');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect.poll(() => page.locator('table').textContent()).toContain('Lộ thông tin cá nhân');
    const presets = (
      (await (await (await adminApi()).fetch('/admin/api/reject-reasons')).json()) as { reasons: Array<{ id: number; text: string }> }
    ).reasons;
    const key = presets.findIndex((p) => p.text === 'Lộ thông tin cá nhân') + 1;
    expect(key).toBeGreaterThan(0);
    expect(key).toBeLessThanOrEqual(9);

    const article = articleId('preset-new');
    const id = await seed('Số nhà 12 đường Lê Lợi của ông ấy đây.', { articleId: article });
    await page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await card(page, id).waitFor();
    await page.keyboard.press(String(key));
    await waitFor(async () => (await stored(id))?.decisionReason === 'Lộ thông tin cá nhân', WAIT);
    const added = presets.find((p) => p.text === 'Lộ thông tin cá nhân')!;
    expect((await (await adminApi()).post(`/admin/api/reject-reasons/${added.id}/delete`)).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical axe violation with a toast shown', async () => {
    const article = articleId('axe-toast');
    const id = await seed('Duyệt để hiện thông báo.', { articleId: article });
    const { page } = await newPage({ bypassCSP: true });
    await logIn(page, `/admin/queue?article=${article}`);
    await card(page, id).waitFor();
    await page.keyboard.press('a');
    await expect.poll(() => toasts(page).textContent()).toContain('Đã duyệt 1 bình luận');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
