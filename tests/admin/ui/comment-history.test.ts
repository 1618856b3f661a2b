/**
 * A comment's history as its page tells it (src/admin/ui/comment-history.ts) and the audit
 * log's words (src/admin/ui/audit-labels.ts): oldest first, in Vietnamese, edits with both texts.
 */
import { describe, expect, it } from 'vitest';
import { auditActionLabel, excerpt } from '../../../src/admin/ui/audit-labels.js';
import { commentHistory } from '../../../src/admin/ui/comment-history.js';
import type { Comment } from '../../../src/comments/types.js';
import type { AuditEntry } from '../../../src/store/audit.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 8, minute));

const comment: Comment = {
  id: '0193a000-0000-7000-8000-000000000001',
  articleId: 'thoi-su/bai-1',
  parentId: null,
  authorName: 'Nguyễn Thị Mai',
  authorEmail: null,
  content: 'Nội dung đã sửa',
  ip: null,
  userAgent: null,
  status: 'approved',
  verdict: {
    action: 'review',
    score: 0.5,
    reasons: [{ rule: 'spam.phone', tier: 'review', match: '0912', start: 0, end: 4 }],
    lexiconVersion: 'v1',
  } as unknown as Comment['verdict'],
  createdAt: at(0),
  moderatedAt: at(1),
  decidedBy: 'mod-1',
  decidedAt: at(9),
  decisionReason: null,
  publishedAt: at(9),
  originalContent: 'Gọi 0912 nhé',
  editedBy: 'mod-1',
  editedAt: at(5),
};

const entry = (action: string, minute: number, details: Record<string, unknown> = {}): AuditEntry => ({
  id: minute,
  actor: 'mod-1',
  actorEmail: 'bientap@example.vn',
  action,
  targetType: 'comment',
  targetId: comment.id,
  details,
  createdAt: at(minute),
});

describe('a comment’s history', () => {
  it('tells received, the verdict, every change and the edit’s two texts, oldest first', () => {
    const audit = [
      entry('comment.approve', 9, { reason: null }),
      entry('comment.edited', 5, { before: 'Gọi 0912 nhé', after: 'Nội dung đã sửa' }),
      entry('comment.reopened', 7),
    ];
    const events = commentHistory(comment, audit, [], 'vi');
    expect(events.map((e) => e.what)).toEqual(['Nhận bình luận', 'Bộ lọc: cần xem xét', 'Sửa nội dung', 'Mở lại', 'Duyệt bình luận']);
    expect(events[2]).toMatchObject({ before: 'Gọi 0912 nhé', after: 'Nội dung đã sửa', who: 'bientap@example.vn' });
    expect(events[1].detail).toContain('Số điện thoại');
    expect(events[4].before).toBeUndefined();
  });

  it("places readers' reports in time, named in the moderator's language with their note", () => {
    const reports = [
      { createdAt: at(6), reason: 'offensive' as const, note: 'Lăng mạ người khác', dismissedAt: null },
      { createdAt: at(8), reason: 'spam' as const, note: null, dismissedAt: null },
    ];
    const events = commentHistory(comment, [entry('comment.approve', 4)], reports, 'vi');
    expect(events.map((e) => e.what)).toEqual([
      'Nhận bình luận',
      'Bộ lọc: cần xem xét',
      'Duyệt bình luận',
      'Độc giả báo vi phạm',
      'Độc giả báo vi phạm',
    ]);
    expect(events.slice(3).map((e) => e.detail)).toEqual(['Xúc phạm — Lăng mạ người khác', 'Spam']);
  });

  it('names every newsroom action in Vietnamese and English, and an unknown code as itself', () => {
    const words = (action: string) => auditActionLabel(entry(action, 0), 'vi');
    expect(words('comment.reject')).toBe('Từ chối bình luận');
    expect(words('comment.reports_dismiss')).toBe('Bỏ qua báo cáo');
    expect(words('article.closed')).toBe('Đóng bình luận bài viết');
    expect(words('article.reopened')).toBe('Mở bình luận bài viết');
    expect(auditActionLabel(entry('comment.reopened', 0), 'en')).toBe('Reopened');
    expect(words('something.new')).toBe('something.new');
  });

  it('cuts an excerpt on one line', () => {
    expect(excerpt('Dòng một\n\nDòng   hai', 100)).toBe('Dòng một Dòng hai');
    expect(excerpt('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
