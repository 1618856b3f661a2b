import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleScripts } from '../../src/widget/bundle.js';

const KB = 1024;

describe('widget bundle', async () => {
  const scripts = await bundleScripts();

  it('keeps widget.js within 15 KB gzipped', () => {
    const gzipped = gzipSync(scripts.widget).length;
    expect(gzipped).toBeGreaterThan(1 * KB); // a real bundle, not an empty file
    expect(gzipped).toBeLessThanOrEqual(15 * KB);
  });

  it('keeps count.js small (it runs on every listing page)', () => {
    expect(gzipSync(scripts.count).length).toBeLessThanOrEqual(2 * KB);
  });

  it('targets ES2019: no optional chaining, nullish coalescing or top-level module syntax', () => {
    for (const code of [scripts.widget, scripts.count]) {
      expect(code).not.toMatch(/\?\.[A-Za-z_$([]/);
      expect(code).not.toContain('??');
      expect(code).not.toMatch(/^\s*(import|export)\s/m);
    }
  });

  it('carries the Vietnamese labels readers see', () => {
    const labels = ['Bình luận bạn đọc', 'Họ tên', 'Nhập mã bảo mật trên', 'Đổi mã khác', 'Gửi bình luận', 'Trả lời', 'Xem thêm'];
    const newsroom = ['Thích', 'Cũ nhất', 'Mới nhất', 'Nổi bật', 'Xem thêm bình luận', 'Thu gọn', 'Báo vi phạm', 'Vi phạm pháp luật'];
    for (const label of [...labels, ...newsroom, 'Đang chờ duyệt', 'Bài viết đã đóng bình luận.', 'Cảm ơn bạn đã báo cáo']) {
      expect(scripts.widget).toContain(label);
    }
  });
});
