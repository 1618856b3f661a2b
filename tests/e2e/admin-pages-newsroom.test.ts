/**
 * The moderator pages beyond the queue cards (issue 14): the navigation (Bài viết, Bull Board
 * for admins, a menu that collapses on a phone), every page at 390 px (no sideways scrolling,
 * 44 px taps, axe-core), the first card's buttons on a phone's first screen, the "decided
 * elsewhere" contrast, the audit log in words, and a comment's page with its history.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/moderation/accounts/password.js';
import { seedPending, validComment } from '../support/comments.js';
import { MODERATOR_PASSWORD } from '../support/moderators.js';
import { waitFor } from '../support/wait.js';
import { ADMIN, articleId, card, logIn, newPage, seed, stored, svc, WAIT } from './admin-harness.js';
import { PHONE, seenContrast, seriousAxeViolations, shortTapTargets, sidewaysOverflow } from './admin-page-checks.js';

const adminId = async (): Promise<string> =>
  (await svc.services.db.query<{ id: string }>('SELECT id FROM moderators WHERE email = $1', [ADMIN.email])).rows[0].id;

async function approve(id: string): Promise<void> {
  await svc.services.decisionService.decide({ commentId: id, decision: 'approve', moderatorId: await adminId() });
}

/** Every moderator page, with a comment and a commenter to show. */
async function adminPages(): Promise<string[]> {
  const id = await seed('Bài viết rất hay, nhưng số liệu ở đoạn hai có lẽ chưa đúng, mong toà soạn kiểm tra lại giúp.', {
    articleId: articleId('trang'),
    authorEmail: 'doc-gia@example.vn',
  });
  return [
    '/admin/queue',
    '/admin/queue?tab=filtered',
    '/admin/queue?tab=reported',
    '/admin/articles',
    '/admin/reject-reasons',
    '/admin/bans',
    '/admin/audit',
    '/admin/lexicon',
    '/admin/stats',
    '/admin/users',
    `/admin/comments/${id}`,
    '/admin/commenters?email=doc-gia%40example.vn',
  ];
}

describe('moderator pages on a desktop and on a phone', { timeout: 120_000 }, () => {
  it('shows Bài viết to everyone and Bull Board to admins; on a phone the navigation folds into a menu', async () => {
    const { page, errors } = await newPage();
    await logIn(page);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect.poll(() => nav.getByRole('link', { name: 'Bài viết' }).getAttribute('href')).toBe('/admin/articles');
    expect(await nav.getByRole('link', { name: 'Hàng đợi hệ thống' }).getAttribute('href')).toBe('/admin/queues');
    expect(await page.locator('summary', { hasText: 'Menu' }).isVisible()).toBe(false);

    const phone = await newPage(PHONE);
    await logIn(phone.page);
    const menu = phone.page.locator('summary', { hasText: 'Menu' });
    expect(await menu.isVisible()).toBe(true);
    const bans = phone.page.getByRole('link', { name: 'Danh sách cấm' });
    expect(await bans.isVisible()).toBe(false);
    await menu.click();
    expect(await bans.isVisible()).toBe(true);
    await bans.click();
    await phone.page.waitForURL((url) => url.pathname === '/admin/bans');
    expect([...errors, ...phone.errors]).toEqual([]);
  });

  it('hides Bull Board from a moderator who is not an admin, and Bull Board links back to the queue', async () => {
    const email = `kiem-duyet-${randomUUID()}@example.vn`;
    await svc.services.moderators.createIfAbsent({
      id: randomUUID(),
      email,
      role: 'moderator',
      passwordHash: await hashPassword(MODERATOR_PASSWORD),
    });
    const moderator = await newPage();
    await moderator.page.goto(`${svc.baseUrl}/admin/articles`);
    await moderator.page.getByLabel('Email').fill(email);
    await moderator.page.getByLabel('Mật khẩu').fill(MODERATOR_PASSWORD);
    await moderator.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await moderator.page.waitForURL((url) => url.pathname === '/admin/articles');
    const nav = moderator.page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.getByRole('link', { name: 'Bài viết' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Hàng đợi hệ thống' }).count()).toBe(0);

    const { page } = await newPage();
    await logIn(page, '/admin/queues');
    const config = JSON.parse((await page.locator('#__UI_CONFIG__').textContent()) ?? '{}') as { miscLinks?: Array<{ url: string }> };
    expect(config.miscLinks?.map((l) => l.url)).toContain('/admin/queue');
  });

  it('at 390 px no page scrolls sideways and every button is at least 44 px high', async () => {
    const paths = await adminPages();
    const { page } = await newPage(PHONE);
    await page.goto(`${svc.baseUrl}/admin/login`);
    expect({ path: '/admin/login', overflow: await sidewaysOverflow(page) }).toEqual({ path: '/admin/login', overflow: 0 });
    expect(await shortTapTargets(page)).toEqual([]);
    await logIn(page);
    for (const path of paths) {
      await page.goto(svc.baseUrl + path);
      expect({ path, overflow: Math.max(0, await sidewaysOverflow(page)) }).toEqual({ path, overflow: 0 });
      expect({ path, short: await shortTapTargets(page) }).toEqual({ path, short: [] });
      // The open menu must fit too.
      await page.locator('summary', { hasText: 'Menu' }).click();
      expect({ path, open: Math.max(0, await sidewaysOverflow(page)) }).toEqual({ path, open: 0 });
      expect({ path, short: await shortTapTargets(page) }).toEqual({ path, short: [] });
    }
  });

  it('has no serious or critical axe violation on any moderator page, at 390 px and on a desktop', async () => {
    const paths = await adminPages();
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const { page } = await newPage({ ...viewport, bypassCSP: true });
      await page.goto(`${svc.baseUrl}/admin/login`);
      expect({ path: '/admin/login', bad: await seriousAxeViolations(page) }).toEqual({ path: '/admin/login', bad: [] });
      await logIn(page);
      for (const path of paths) {
        await page.goto(svc.baseUrl + path);
        expect({ path, width: viewport.width, bad: await seriousAxeViolations(page) }).toEqual({ path, width: viewport.width, bad: [] });
      }
    }
  });

  it('puts the first card’s approve and reject buttons on a phone’s first screen', async () => {
    const article = articleId('phone');
    const id = await seed('Một bình luận khá dài để xem thẻ trên điện thoại: '.repeat(4) + 'gọi 0912 345 678 để biết thêm.', {
      articleId: article,
    });
    const { page } = await newPage(PHONE);
    await logIn(page);
    await page.goto(`${svc.baseUrl}/admin/queue?article=${encodeURIComponent(article)}`);
    await card(page, id).waitFor();
    for (const name of ['Duyệt', 'Từ chối']) {
      const box = await card(page, id).getByRole('button', { name, exact: true }).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
  });

  it('keeps 4.5:1 contrast on a card another moderator decided', async () => {
    const article = articleId('contrast');
    const id = await seed('Ai nhanh tay hơn sẽ duyệt bình luận này.', { articleId: article });
    const { page } = await newPage();
    await logIn(page);
    await page.goto(`${svc.baseUrl}/admin/queue?article=${encodeURIComponent(article)}`);
    await card(page, id).waitFor();
    await page.locator('body[data-live="1"]').waitFor({ state: 'attached' });
    await approve(id);
    await expect.poll(() => card(page, id).locator('.state').textContent(), { timeout: WAIT }).toContain('Đã được người khác xử lý');
    for (const part of ['.state', '.content', '.author', '.meta span']) {
      expect({ part, ok: (await seenContrast(page, `#c-${id} ${part}`)) >= 4.5 }).toEqual({ part, ok: true });
    }
  });

  it('tells the audit log in Vietnamese with the comment’s start, linked to its page with the whole history', async () => {
    const article = articleId('audit');
    const parent = await seed('Tôi nghĩ đây là quyết định đúng đắn của thành phố.', { articleId: article, authorName: 'Lê Văn Hùng' });
    const reply = await seedPending(svc.services, 'Đồng ý với anh Hùng, nhưng cần thêm thời gian chuẩn bị.', {
      articleId: article,
      parentId: parent,
      authorName: 'Nguyễn Thị Mai',
      minutesAgo: 5,
    });
    const moderatorId = await adminId();
    await svc.services.commentEditService.edit({ commentId: reply, content: 'Đồng ý với anh Hùng.', moderatorId });
    await approve(reply);
    await svc.services.commentEditService.reopen({ commentId: reply, moderatorId });
    await approve(reply);
    await waitFor(async () => (await stored(reply))?.status === 'approved', WAIT);

    const { page, errors } = await newPage();
    await logIn(page, '/admin/audit');
    const row = page.locator('tr', { hasText: 'Duyệt bình luận' }).filter({ hasText: 'Đồng ý với anh Hùng' }).first();
    await row.waitFor();
    expect(await row.textContent()).not.toContain('comment.approve');
    expect(await row.textContent()).toContain(article);
    await row.getByRole('link', { name: /Đồng ý với anh Hùng/ }).click();
    await page.waitForURL((url) => url.pathname === `/admin/comments/${reply}`);

    expect(await page.locator('.comment-detail .content').textContent()).toBe('Đồng ý với anh Hùng.');
    expect(await page.locator('.facts .original').textContent()).toBe('Đồng ý với anh Hùng, nhưng cần thêm thời gian chuẩn bị.');
    expect(await page.locator('.facts .parent').textContent()).toContain('Tôi nghĩ đây là quyết định đúng đắn');
    const steps = await page.locator('.timeline .what').allTextContents();
    expect(steps[0]).toBe('Nhận bình luận');
    expect(steps[1]).toMatch(/^Bộ lọc/);
    expect(steps.slice(2)).toEqual(['Sửa nội dung', 'Duyệt bình luận', 'Mở lại', 'Duyệt bình luận']);
    const edit = page.locator('.timeline li', { hasText: 'Sửa nội dung' });
    expect(await edit.locator('del').textContent()).toBe('Đồng ý với anh Hùng, nhưng cần thêm thời gian chuẩn bị.');
    expect(await edit.locator('ins').textContent()).toBe('Đồng ý với anh Hùng.');
    expect(await page.locator('.timeline li').last().textContent()).toContain(ADMIN.email);
    expect(errors).toEqual([]);
  });

  it('Bài viết: title in a new tab, counts into the queue, closing with a notice and reopening', async () => {
    const article = articleId('bai-viet');
    const title = 'Đường tỉnh lộ 9 sạt lở sau mưa lớn';
    await seed('Cần cắm biển cảnh báo ngay ở đoạn sạt lở.', { articleId: article });
    await approve(await seed('Cảm ơn phóng viên đã đưa tin kịp thời.', { articleId: article }));
    await svc.services.articleService.update(article, { title }, await adminId());
    await svc.services.db.query('UPDATE articles SET url = $2 WHERE id = $1', [article, 'https://baoquangtri.vn/duong-tinh-lo-9']);

    const { page, errors } = await newPage();
    await logIn(page, `/admin/articles?q=${encodeURIComponent(article)}`);
    const row = page.locator(`li[data-article="${article}"]`);
    const link = row.getByRole('link', { name: new RegExp(title) });
    expect(await link.getAttribute('href')).toBe('https://baoquangtri.vn/duong-tinh-lo-9');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await row.getByRole('link', { name: 'Chờ duyệt: 1' }).getAttribute('href')).toBe(
      `/admin/queue?${new URLSearchParams({ tab: 'pending', article })}`,
    );
    expect(await row.getByRole('link', { name: 'Đã duyệt: 1' }).count()).toBe(1);

    await row.getByLabel('Thông báo cho độc giả (không bắt buộc)').fill('Tòa soạn tạm đóng bình luận bài này.');
    await row.getByRole('button', { name: /^Đóng bình luận/ }).click();
    await page.locator('p.notice', { hasText: 'Đã đóng bình luận bài viết.' }).waitFor();
    expect(await row.textContent()).toContain('Đã đóng bình luận: “Tòa soạn tạm đóng bình luận bài này.”');
    expect(await svc.services.articleService.get(article)).toMatchObject({ closed: true, notice: 'Tòa soạn tạm đóng bình luận bài này.' });
    const refused = await svc.post('/v1/comments', await validComment(svc, { articleId: article }));
    expect({ status: refused.status, body: await refused.json() }).toMatchObject({
      status: 403,
      body: { error: { code: 'comments_closed' } },
    });

    await row.getByRole('button', { name: /^Mở lại bình luận/ }).click();
    await page.locator('p.notice', { hasText: 'Đã mở lại bình luận bài viết.' }).waitFor();
    expect((await svc.services.articleService.get(article))?.closed).toBe(false);

    await page.goto(`${svc.baseUrl}/admin/audit?kind=article.`);
    const audit = page.locator('tr', { hasText: title });
    expect(await audit.allTextContents()).toEqual([
      expect.stringContaining('Mở bình luận bài viết'),
      expect.stringContaining('Đóng bình luận bài viết'),
      expect.stringContaining('Sửa thông tin bài viết'),
    ]);
    expect(errors).toEqual([]);
  });

  it('closes an article before anyone has commented on it', async () => {
    const article = articleId('chua-dang');
    const { page } = await newPage(PHONE);
    await logIn(page, '/admin/articles');
    await page.getByLabel('Mã bài viết').fill(article);
    await page.locator('#close-notice').fill('Bình luận sẽ mở khi bài được đăng.');
    await page.locator('#close-new').locator('..').getByRole('button', { name: 'Đóng bình luận' }).click();
    await page.locator('p.notice', { hasText: 'Đã đóng bình luận bài viết.' }).waitFor();
    expect(await svc.services.articleService.get(article)).toMatchObject({ closed: true, notice: 'Bình luận sẽ mở khi bài được đăng.' });
    const closed = (await (await svc.fetch(`/v1/articles/${article}/comments`)).json()) as { article: { closed: boolean; notice: string } };
    expect(closed.article).toMatchObject({ closed: true, notice: 'Bình luận sẽ mở khi bài được đăng.' });
    expect(Math.max(0, await sidewaysOverflow(page))).toBe(0);
  });
});
