/**
 * The moderator workplace as a moderator uses it: headless Chromium against the real service
 * (Redis, embedded PostgreSQL, workers). Comments are seeded through the worker's own write
 * (saveModerated with the filter's verdict) or submitted through POST /v1/comments, so the
 * worker path (bans, word lists) runs for real. Waits are on visible state or on the
 * database, never fixed sleeps; every wait is bounded.
 *
 * ADMIN_SCREENSHOTS=1 also writes docs/screenshots/admin-*.png.
 */
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../support/names.js';
import { waitFor } from '../support/wait.js';
import {
  AXE_SOURCE,
  articleId,
  card,
  logIn,
  newPage,
  SCREENSHOTS,
  seed,
  seedFrom,
  shot,
  stored,
  submit,
  svc,
  WAIT,
} from './admin-harness.js';

// ---------------------------------------------------------------- tests

describe('moderator queue in the browser', { timeout: 60_000 }, () => {
  it('asks for a login, then shows a pending comment with its filter matches highlighted', async () => {
    const id = await seed('Đồ ngu, gọi ngay 0912 345 678 để nhận quà', { articleId: articleId('highlight') });
    const { page, errors } = await newPage();
    await page.goto(`${svc.baseUrl}/admin/queue`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/login');
    await shot(page, 'admin-login');
    await logIn(page);

    const item = card(page, id);
    await item.waitFor();
    const marks = await item.locator('mark').allTextContents();
    expect(marks).toContain('Đồ ngu');
    expect(marks.some((m) => m.replace(/\s/g, '') === '0912345678')).toBe(true);
    await expect.poll(() => item.locator('.reasons').textContent()).toContain('Số điện thoại');
    expect(await item.locator('.age').textContent()).toMatch(/^chờ \d+ (phút|giờ)/);
    expect(errors).toEqual([]);
  });

  it('approves the current comment with the keyboard (j/k then a)', async () => {
    const { page, errors } = await newPage();
    await logIn(page);
    const article = articleId('keys');
    const first = await seed('Bình luận thứ nhất, rất hay.', { articleId: article });
    const second = await seed('Bình luận thứ hai, đồng ý với tác giả.', { articleId: article });
    await page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await card(page, second).waitFor();
    await page.keyboard.press('j'); // first → second
    await expect.poll(() => card(page, second).getAttribute('class')).toContain('current');
    await page.keyboard.press('a');
    await waitFor(async () => (await stored(second))?.status === 'approved', WAIT);
    expect((await stored(first))?.status).toBe('pending');
    // The decided card leaves the pending list; an undo toast is offered.
    await expect.poll(() => card(page, second).count()).toBe(0);
    await expect.poll(() => page.locator('.toast button').first().textContent()).toBe('Hoàn tác');
    // ? shows the shortcuts.
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('#help').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('rejects several comments at once (x to select, bulk reject with a reason)', async () => {
    const { page, errors } = await newPage();
    await logIn(page);
    const article = articleId('bulk');
    const ids = [
      await seed('Mua hàng giá rẻ tại shop', { articleId: article }),
      await seed('Spam spam spam', { articleId: article }),
      await seed('Giữ lại cái này', { articleId: article }),
    ];
    await page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await card(page, ids[0]).waitFor();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect.poll(() => page.locator('#selected-count').textContent()).toBe('Đã chọn 2');
    await page.getByLabel('Lý do từ chối').first().selectOption('Quảng cáo / spam');
    await page.locator('#bulk-reason').selectOption('Quảng cáo / spam');
    await page.getByRole('button', { name: 'Từ chối mục đã chọn' }).click();
    await waitFor(async () => (await stored(ids[0]))?.status === 'rejected' && (await stored(ids[1]))?.status === 'rejected', WAIT);
    expect((await stored(ids[0]))?.decisionReason).toBe('Quảng cáo / spam');
    expect((await stored(ids[2]))?.status).toBe('pending');
    expect(errors).toEqual([]);
  });

  it('says clearly when another moderator decided first', async () => {
    const { page } = await newPage();
    await logIn(page);
    const article = articleId('race');
    const id = await seed('Ai nhanh tay hơn?', { articleId: article });
    await page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await card(page, id).waitFor();
    // Someone else approves it behind this page's back (through the API, as a second moderator would).
    const other = await svc.services.db.query(
      `UPDATE comments SET status = 'approved', decided_by = 'someone', decided_at = now() WHERE id = $1`,
      [id],
    );
    expect(other.rowCount).toBe(1);
    await card(page, id).getByRole('button', { name: 'Từ chối' }).click();
    await expect.poll(() => card(page, id).locator('.state').textContent()).toMatch(/Bình luận này đã được .* xử lý/);
    expect((await stored(id))?.status).toBe('approved');
  });

  it('a second moderator sees the first one’s decisions live', async () => {
    const a = await newPage();
    const b = await newPage();
    await logIn(a.page);
    await logIn(b.page);
    const article = articleId('live');
    const id = await seed('Ai cũng thấy quyết định này', { articleId: article });
    await a.page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await b.page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await card(b.page, id).waitFor();
    const pendingBefore = Number(await b.page.locator('[data-count="pending"]').textContent());
    // Let B's EventSource connect before A acts.
    await b.page.locator('body[data-live="1"]').waitFor({ state: 'attached' });
    await card(a.page, id).getByRole('button', { name: 'Duyệt' }).click();
    await waitFor(async () => (await stored(id))?.status === 'approved', WAIT);
    await expect.poll(() => card(b.page, id).locator('.state').textContent(), { timeout: WAIT }).toContain('Đã được người khác xử lý');
    await expect.poll(() => b.page.locator('[data-count="pending"]').textContent(), { timeout: WAIT }).toBe(String(pendingBefore - 1));
  });

  it('shows a comment holding markup as text, and its script never runs', async () => {
    const { page, errors } = await newPage();
    await logIn(page);
    const article = articleId('xss');
    const content = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">';
    const id = await seed(content, { articleId: article, authorName: '<b onmouseover="window.__pwned=3">Kẻ xấu</b>' });
    await page.goto(`${svc.baseUrl}/admin/queue?article=${article}`);
    await card(page, id).waitFor();
    expect(await card(page, id).locator('.content').textContent()).toBe(content);
    expect(await card(page, id).locator('.author').textContent()).toBe('<b onmouseover="window.__pwned=3">Kẻ xấu</b>');
    expect(await card(page, id).locator('.content img, .content script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('bans a commenter: their next comment is rejected with the rule ban', async () => {
    const { page } = await newPage();
    await logIn(page, '/admin/bans');
    const email = `${uniqueName('ke-xau')}@example.vn`.toLowerCase();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Thời hạn').selectOption('7');
    await page.getByLabel('Lý do (không bắt buộc)').fill('Spam liên tục');
    await page.getByRole('button', { name: 'Cấm', exact: true }).click();
    await page.locator('tr[data-ban]', { hasText: email }).waitFor();

    const id = await submit({ articleId: articleId('ban'), authorEmail: email, content: 'Một bình luận hoàn toàn bình thường.' });
    const comment = await waitFor(async () => stored(id), WAIT);
    expect(comment.status).toBe('rejected');
    expect(comment.decidedBy).toBe('filter');
    expect(comment.verdict?.reasons[0]).toMatchObject({ rule: 'ban', tier: 'block' });

    // It shows in "Bộ lọc chặn" with the reason "Bị cấm", where a moderator can rescue it.
    await page.goto(`${svc.baseUrl}/admin/queue?tab=filtered&rule=ban`);
    await expect.poll(() => card(page, id).locator('.reasons').textContent()).toContain('Bị cấm');
    await shot(page, 'admin-filtered');
    await page.goto(`${svc.baseUrl}/admin/bans`);
    await shot(page, 'admin-bans');

    // Lifted: the next comment goes to the queue again.
    await page
      .locator('tr[data-ban]', { hasText: email })
      .getByRole('button', { name: /Gỡ cấm/ })
      .click();
    await expect.poll(() => page.locator('tr[data-ban]', { hasText: email }).count()).toBe(0);
    const later = await submit({ articleId: articleId('ban'), authorEmail: email, content: 'Tôi hứa sẽ bình luận tử tế.' });
    expect((await waitFor(async () => stored(later), WAIT)).status).toBe('pending');
  });

  it('adds a word: the next comment with it is flagged, without a restart', async () => {
    const { page } = await newPage();
    await logIn(page, '/admin/lexicon');
    const word = 'khỉ gió xanh';
    await page.getByLabel('Từ hoặc cụm từ').fill(word);
    await page.getByLabel('Mức').selectOption('block');
    await page.getByRole('button', { name: 'Thêm' }).click();
    await page.locator('tr[data-entry]', { hasText: word }).waitFor();
    await shot(page, 'admin-lexicon');

    // The worker reloads on the announcement; poll with fresh comments until one is caught.
    const article = articleId('lexicon');
    const flagged = await waitFor(
      async () => {
        const id = await submit({ articleId: article, authorEmail: 'doc-gia@example.vn', content: `Đồ khỉ gió xanh ${Date.now()}` });
        const c = await waitFor(async () => stored(id), WAIT);
        return c.verdict?.reasons.some((r) => r.rule === 'profanity.vi' && r.match.toLowerCase() === word) ? c : null;
      },
      WAIT,
      200,
    );
    expect(flagged.status).toBe('rejected');
    const audit = await svc.services.db.query(`SELECT action FROM audit_log WHERE action = 'lexicon.add'`);
    expect(audit.rowCount).toBeGreaterThan(0);
  });

  it('has no serious or critical axe violations on the queue, login and statistics pages', async () => {
    await seed('Thằng này nói láo, vào link http://lua-dao.example/khuyen-mai nhé', { articleId: articleId('axe') });
    const { page } = await newPage({ bypassCSP: true });
    await logIn(page);
    for (const path of [
      '/admin/queue',
      '/admin/queue?tab=filtered',
      '/admin/stats',
      '/admin/bans',
      '/admin/lexicon',
      '/admin/audit',
      '/admin/users',
    ]) {
      await page.goto(svc.baseUrl + path);
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect({ path, bad: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') }).toEqual({ path, bad: [] });
    }
  });

  it('sends a strict CSP and redirects an expired session to the login page with a message', async () => {
    const res = await svc.fetch('/admin/queue', { redirect: 'manual', headers: { cookie: 'cm_session=' + 'x'.repeat(43) } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/admin\/login\?expired=1/);
    const login = await svc.fetch(res.headers.get('location')!);
    const csp = login.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await login.text()).toContain('Phiên làm việc đã hết hạn');
  });
});

describe.runIf(SCREENSHOTS)('screenshots', { timeout: 60_000 }, () => {
  it('captures the main pages with a realistic queue', async () => {
    const samples: Array<[string, string, string, string]> = [
      [
        'thoi-su/2026/11/ngap-lut-quang-tri',
        'Lê Văn Hùng',
        'hung.le@gmail.com',
        'Mong chính quyền sớm hỗ trợ bà con vùng lũ, nhiều nhà vẫn còn ngập tới mái.',
      ],
      [
        'thoi-su/2026/11/ngap-lut-quang-tri',
        'Nguyễn Thị Mai',
        'mai.nt@yahoo.com',
        'Bọn quan tham này đúng là đồ khốn nạn, tiền cứu trợ đi đâu hết rồi?',
      ],
      [
        'kinh-te/gia-vang-tang',
        'Shop Vàng Uy Tín',
        'vangre@spam.example',
        'Mua vàng giá rẻ nhất thị trường, liên hệ zalo 0987 654 321 hoặc vào http://vang-gia-re.example ngay!!!',
      ],
      ['the-thao/doi-tuyen-viet-nam', 'Phạm Quốc Anh', 'quocanh@example.vn', 'ĐỘI TUYỂN ĐÁ QUÁ HAY, TỰ HÀO VIỆT NAM!!!'],
      ['giao-duc/thi-tot-nghiep', 'Trần Bảo Ngọc', 'ngoc.tran@example.vn', 'Đề năm nay vừa sức, con tôi làm bài tốt. Cảm ơn các thầy cô.'],
      ['kinh-te/gia-vang-tang', 'Hoàng Minh', 'minh.h@example.vn', 'Nhà cái uy tín, nổ hũ đổi thưởng, nạp lần đầu tặng 100%'],
      [
        'thoi-su/2026/11/ngap-lut-quang-tri',
        'Võ Thanh Tâm',
        'tam.vo@example.vn',
        'Thằng viết bài này ngu như bò, không biết gì mà cũng viết.',
      ],
    ];
    seedFrom(24 * 60); // older than every test comment, so they head the queue
    for (const [article, name, email, content] of samples)
      await seed(content, {
        articleId: article,
        authorName: name,
        authorEmail: email,
        ip: `113.161.${content.length % 200}.${name.length}`,
      });
    const { page } = await newPage({ width: 1366, height: 900 });
    await logIn(page);
    await page.goto(`${svc.baseUrl}/admin/queue`);
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.mouse.move(0, 0);
    await shot(page, 'admin-queue');
    await page.goto(`${svc.baseUrl}/admin/stats`);
    await shot(page, 'admin-stats');
    await page.goto(`${svc.baseUrl}/admin/audit`);
    await shot(page, 'admin-audit');
    await page.goto(`${svc.baseUrl}/admin/queue`);
    await page.keyboard.press('?');
    await shot(page, 'admin-shortcuts');
  });
});
