/**
 * What an audit entry means, said in words a moderator reads ("Duyệt bình luận", "Mở lại")
 * rather than the stored action code; shared by the audit log and a comment's history page.
 * An unknown code (a newer release's action) shows as itself rather than disappearing.
 */
import type { AuditEntry } from '../../store/audit.js';
import type { UiLang } from './i18n/index.js';

type Words = { vi: string; en: string };

const ACTION_LABELS: Record<string, Words> = {
  'comment.approve': { vi: 'Duyệt bình luận', en: 'Approved a comment' },
  'comment.reject': { vi: 'Từ chối bình luận', en: 'Rejected a comment' },
  'comment.edited': { vi: 'Sửa nội dung', en: 'Edited the text' },
  'comment.reopened': { vi: 'Mở lại', en: 'Reopened' },
  'comment.reports_dismiss': { vi: 'Bỏ qua báo cáo', en: 'Dismissed the reports' },
  'article.closed': { vi: 'Đóng bình luận bài viết', en: 'Closed comments on an article' },
  'article.reopened': { vi: 'Mở bình luận bài viết', en: 'Opened comments on an article' },
  'article.updated': { vi: 'Sửa thông tin bài viết', en: 'Changed an article' },
  'ban.create': { vi: 'Cấm người bình luận', en: 'Banned a commenter' },
  'ban.lift': { vi: 'Gỡ cấm', en: 'Lifted a ban' },
  'lexicon.add': { vi: 'Thêm từ khóa', en: 'Added a word' },
  'lexicon.remove': { vi: 'Xóa từ khóa', en: 'Removed a word' },
  'moderator.create': { vi: 'Tạo tài khoản', en: 'Created an account' },
  'moderator.disable': { vi: 'Khóa tài khoản', en: 'Disabled an account' },
  'moderator.enable': { vi: 'Mở khóa tài khoản', en: 'Enabled an account' },
  'moderator.reset_password': { vi: 'Đặt lại mật khẩu', en: 'Reset a password' },
  'moderator.change_password': { vi: 'Đổi mật khẩu của mình', en: 'Changed own password' },
  'privacy.export': { vi: 'Xuất dữ liệu cá nhân', en: 'Exported personal data' },
};

export function auditActionLabel(entry: AuditEntry, lang: UiLang): string {
  return ACTION_LABELS[entry.action]?.[lang] ?? entry.action;
}

/** The first words of a text, on one line. */
export function excerpt(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * A string detail of an entry, when it has one (a reason, an edit's texts); an article change
 * keeps its fields under `after` (`{before: {...}, after: {...}}`), read there too.
 */
export function detailString(entry: AuditEntry, ...names: string[]): string | null {
  const after = entry.details.after;
  const nested = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  for (const name of names) {
    const value = entry.details[name] ?? nested[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}
