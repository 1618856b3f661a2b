/**
 * WIDGET_SCREENSHOTS=1 writes docs/screenshots/demo.png (desktop, the whole page) and
 * demo-mobile.png (390 px, the comments) for docs/INTEGRATION.md: comments with likes, a long
 * one folded, a reply, the reader's own comment waiting, the consent line with PRIVACY_URL.
 * Off by default: it checks nothing the other widget tests do not.
 */
import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import {
  app,
  approve,
  articleId,
  DESKTOP,
  describeInBrowser,
  fillComment,
  heading,
  openPage,
  PHONE,
  postViaApi,
  submitAndGetId,
  waitForCount,
} from './widget-harness.js';

const LONG =
  'Tôi ở thôn Đá Bàn, nhà sát chân dốc nên thấy rõ từng đợt sạt.\n' +
  'Đêm đầu nước lên nhanh quá, cả xóm phải dắt trâu bò lên đồi.\n' +
  'Sáng hôm sau đường bị vùi gần hết, xe máy cũng không qua được.\n' +
  'Phải đến ngày thứ sáu máy xúc của công ty vật liệu mới vào tới nơi.\n' +
  'Anh em dân quân làm cả đêm, bà con nấu cơm mang ra tận chỗ.\n' +
  'Giờ đường thông rồi nhưng đoạn taluy âm vẫn còn nứt, đi phải cẩn thận.\n' +
  'Mong huyện sớm khảo sát làm kè kiên cố trước mùa mưa năm sau.\n' +
  'Và nên làm thêm rãnh thoát nước dọc đường, chỗ cua gấp hay đọng nước.\n' +
  'Cảm ơn báo đã đưa tin kịp thời, người ở xa đọc cũng yên tâm hơn.\n' +
  'Chúc bà con Tân Phong sớm ổn định cuộc sống, vụ đông bội thu.';

const title = 'writes docs/screenshots/demo.png and demo-mobile.png (WIDGET_SCREENSHOTS=1)';

if (process.env.WIDGET_SCREENSHOTS !== '1') it.skip(title, () => {});
else
  describeInBrowser(
    'screenshots of the widget',
    () => {
      it(title, async () => {
        const article = articleId('screenshots');
        const lan = await postViaApi(article, 'Nguyễn Thị Lan', 'Cảm ơn lực lượng dân quân và bà con đã làm xuyên đêm để thông đường.');
        await approve(lan); // a reply needs its parent stored first
        const son = await postViaApi(article, 'Trần Văn Sơn', 'Đúng vậy, tối qua tôi đi qua đã thấy có biển báo rồi.', lan);
        const duc = await postViaApi(article, 'Hoàng Minh Đức', LONG);
        for (const id of [son, duc]) await approve(id);
        await waitForCount(article, 3);
        for (const reader of ['ban-doc-anh-chup-0001', 'ban-doc-anh-chup-0002', 'ban-doc-anh-chup-0003']) {
          expect((await app.svc.post(`/v1/comments/${lan}/like`, { readerId: reader })).status).toBe(200);
        }
        expect((await app.svc.post(`/v1/comments/${duc}/like`, { readerId: 'ban-doc-anh-chup-0001' })).status).toBe(200);
        mkdirSync('docs/screenshots', { recursive: true });

        for (const viewport of [DESKTOP, PHONE]) {
          const { page } = await openPage(`/demo?article=${article}`, { viewport });
          await heading(page, 3).waitFor();
          await fillComment(page, {
            name: 'Phạm Thu',
            content: viewport === PHONE ? 'Đoạn dốc Đá Bàn nên có đèn đường.' : 'Mong xã cắm thêm biển cảnh báo ở khúc cua gấp.',
            captcha: TEST_CAPTCHA_ANSWER,
          });
          await submitAndGetId(page);
          await page.getByText('Đang chờ duyệt', { exact: true }).waitFor();
          await page.locator('[data-comment-count]').first().filter({ hasText: /^\d+$/ }).waitFor();
          if (viewport === PHONE) {
            // From the success message and the consent line down into the list.
            await page
              .locator('.status')
              .first()
              .evaluate((status) => status.scrollIntoView({ block: 'start' }));
            await page.evaluate(() => window.scrollBy(0, -70));
            await page.screenshot({ path: 'docs/screenshots/demo-mobile.png' });
          } else {
            await page.setViewportSize({ width: 1280, height: 900 });
            await page.screenshot({ path: 'docs/screenshots/demo.png', fullPage: true });
          }
        }
      });
    },
    { PRIVACY_URL: 'https://baosonha.example.vn/chinh-sach-bao-mat' },
  );
