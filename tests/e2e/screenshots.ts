/**
 * Refreshes docs/screenshots/admin-*.png: starts the service on a fresh PostgreSQL database
 * (with its workers), seeds a realistic newsroom, and photographs the moderator pages on a
 * laptop (1366×900) and the queue on a phone (390×844) with headless Chromium.
 *
 *   npx tsx tests/e2e/screenshots.ts            # needs Redis and PostgreSQL as the tests do
 *
 * Not a test (vitest runs *.test.ts only); docs/moderator-ui.md says when to run it.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { seedPending } from '../support/comments.js';
import { startTestService, type TestService } from '../support/service.js';

const ADMIN = { email: 'toasoan@baomoi-vn.example', password: 'mat-khau-chup-man-hinh' };
const OUT = process.env.SHOTS_DIR ?? 'docs/screenshots';

/** [article, title, author, email, text]: a morning's comments on three stories. */
const NEWSROOM: Array<[string, string, string, string, string]> = [
  [
    'thoi-su/mua-lu-mien-trung',
    'Miền Trung oằn mình trong lũ',
    'Lê Thị Hoa',
    'hoa.le@gmail.com',
    'Thương bà con quá, mong nước sớm rút. Ai cần hỗ trợ ở Lệ Thủy cứ nhắn tôi.',
  ],
  [
    'thoi-su/mua-lu-mien-trung',
    'Miền Trung oằn mình trong lũ',
    'Trần Văn Nam',
    'nam.tv@yahoo.com',
    'Lũ năm nào cũng vậy mà quy hoạch thì chẳng ai chịu trách nhiệm, đúng là lũ ăn hại!',
  ],
  [
    'kinh-te/gia-xang-giam',
    'Giá xăng giảm lần thứ ba liên tiếp',
    'Đại lý Xăng Dầu',
    'km@spam.example',
    'Nhận hoàn tiền 20% khi đổ xăng, nhắn zalo 0988 111 222 hoặc vào http://hoan-tien.example ngay!!!',
  ],
  [
    'kinh-te/gia-xang-giam',
    'Giá xăng giảm lần thứ ba liên tiếp',
    'Phạm Minh Tuấn',
    'tuan.pm@example.vn',
    'Giảm vài trăm đồng mà giá cước vận tải vẫn giữ nguyên, người tiêu dùng chưa được lợi gì.',
  ],
  [
    'the-thao/sea-games',
    'Bóng đá nam vào chung kết SEA Games',
    'Ngô Bảo Châu',
    'chau.ngo@example.vn',
    'TRẬN ĐẤU QUÁ ĐỈNH, CẢM ƠN CÁC CẦU THỦ!!!',
  ],
];

async function seedNewsroom(svc: TestService): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, [articleId, , authorName, authorEmail, content]] of NEWSROOM.entries()) {
    ids.push(
      await seedPending(svc.services, content, {
        articleId,
        authorName,
        authorEmail,
        ip: `113.160.${i}.${20 + i}`,
        minutesAgo: 90 - i * 7,
      }),
    );
  }
  const admin = await svc.services.db.query<{ id: string }>('SELECT id FROM moderators WHERE email = $1', [ADMIN.email]);
  // Titles as the widget would have sent them; one story closed, one closed before publishing.
  for (const [articleId, title] of new Map(NEWSROOM.map(([id, t]) => [id, t]))) {
    await svc.services.articleService.update(articleId, { title }, admin.rows[0].id);
    await svc.services.db.query('UPDATE articles SET url = $2 WHERE id = $1', [articleId, `https://baomoi-vn.example/${articleId}`]);
  }
  await svc.services.articleService.update(
    'the-thao/sea-games',
    { closed: true, notice: 'Bình luận tạm đóng trong lúc trận chung kết diễn ra.' },
    admin.rows[0].id,
  );
  const decide = svc.services.decisionService.decide;
  const content = 'Giảm vài trăm đồng mà giá cước vận tải vẫn giữ nguyên, người tiêu dùng chưa được hưởng lợi.';
  await svc.services.commentEditService.edit({ commentId: ids[3], content, moderatorId: admin.rows[0].id });
  await decide({ commentId: ids[3], decision: 'approve', moderatorId: admin.rows[0].id });
  await decide({ commentId: ids[2], decision: 'reject', moderatorId: admin.rows[0].id, reason: 'Quảng cáo / spam' });
  return ids;
}

async function logIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/queue');
}

async function main(): Promise<void> {
  const svc = await startTestService({ engine: 'postgres', env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  const browser = await launchChromium();
  try {
    const ids = await seedNewsroom(svc);
    mkdirSync(OUT, { recursive: true });
    const laptop = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })).newPage();
    await laptop.goto(`${svc.baseUrl}/admin/login`);
    await laptop.screenshot({ path: `${OUT}/admin-login.png` });
    await logIn(laptop, svc.baseUrl);
    const pages: Array<[string, string]> = [
      ['admin-queue', '/admin/queue'],
      ['admin-articles', '/admin/articles'],
      ['admin-audit', '/admin/audit'],
      ['admin-comment', `/admin/comments/${ids[3]}`],
      ['admin-bans', '/admin/bans'],
      ['admin-lexicon', '/admin/lexicon'],
      ['admin-stats', '/admin/stats'],
    ];
    for (const [name, path] of pages) {
      await laptop.goto(svc.baseUrl + path);
      await laptop.screenshot({ path: `${OUT}/${name}.png` });
    }
    const phone = await (
      await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    ).newPage();
    await logIn(phone, svc.baseUrl);
    await phone.screenshot({ path: `${OUT}/admin-queue-mobile.png` });
    console.log(`wrote ${pages.length + 2} screenshots to ${OUT}/`);
  } finally {
    await browser.close();
    await svc.stop();
  }
}

await main();
