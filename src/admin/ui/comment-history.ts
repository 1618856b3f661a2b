/**
 * A comment's whole life as its page tells it, oldest first: received, the filter's verdict,
 * then every audited change (decisions, edits with both texts, reopening, dismissed reports)
 * and the readers' reports. Built from the comment, its audit lines and its reports, so the
 * page shows what the log holds and nothing the page made up.
 */
import type { ReportReason } from '../../store/reports.js';
import type { Comment } from '../../comments/types.js';
import type { AuditEntry } from '../../store/audit.js';
import { auditActionLabel, detailString } from './audit-labels.js';
import { t, type UiLang } from './i18n/index.js';
import { reasonLabel } from './reasons.js';

export interface HistoryEvent {
  at: Date;
  /** What happened, in words. */
  what: string;
  /** Who did it (a moderator's email, "Bộ lọc tự động"), when someone did. */
  who: string | null;
  /** A reason, a status, a note. */
  detail: string | null;
  /** An edit's texts. */
  before?: string;
  after?: string;
}

/** A reader's report as the page needs it. */
export interface ReportEvent {
  createdAt: Date;
  reason: ReportReason;
  note: string | null;
}

function filterEvent(comment: Comment, lang: UiLang): HistoryEvent | null {
  if (!comment.verdict) return null;
  const reasons = comment.verdict.reasons.map((r) => reasonLabel(r, lang)).join(', ');
  return {
    at: comment.moderatedAt,
    what: t(lang, `commentPage.verdict.${comment.verdict.action}`),
    who: t(lang, 'card.byFilter'),
    detail: reasons || null,
  };
}

function auditEvent(entry: AuditEntry, lang: UiLang): HistoryEvent {
  const who = entry.actor === 'filter' ? t(lang, 'card.byFilter') : (entry.actorEmail ?? entry.actor);
  // comment.edited keeps both texts as strings in `before` and `after`.
  const before = typeof entry.details.before === 'string' ? entry.details.before : null;
  const after = typeof entry.details.after === 'string' ? entry.details.after : null;
  const edited = before !== null && after !== null;
  return {
    at: entry.createdAt,
    what: auditActionLabel(entry, lang) + (entry.details.overturn === true ? ` (${t(lang, 'audit.overturn')})` : ''),
    who,
    detail: detailString(entry, 'reason', 'notice'),
    ...(edited ? { before, after } : {}),
  };
}

export function commentHistory(
  comment: Comment,
  audit: readonly AuditEntry[],
  reports: readonly ReportEvent[],
  lang: UiLang,
): HistoryEvent[] {
  const received: HistoryEvent = { at: comment.createdAt, what: t(lang, 'commentPage.received'), who: comment.authorName, detail: null };
  const filter = filterEvent(comment, lang);
  const reported = reports.map(
    (r): HistoryEvent => ({
      at: r.createdAt,
      what: t(lang, 'commentPage.reported'),
      who: null,
      detail: [t(lang, `report.${r.reason}`), r.note].filter(Boolean).join(' — '),
    }),
  );
  const events = [received, ...(filter ? [filter] : []), ...audit.map((e) => auditEvent(e, lang)), ...reported];
  // A stable sort: events of the same instant keep the order above (received before the verdict).
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map(({ e }) => e);
}
