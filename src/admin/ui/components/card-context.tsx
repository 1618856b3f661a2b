/**
 * What a moderator needs around a comment's text (issue 14): the article it is on (title
 * linked to the article, opening a new tab; the id when there is no title), what a reply
 * answers (expandable), the readers' open reports counted by reason, and the reader's own
 * text when a moderator edited it. The fields come from the admin Comment of the contract
 * ("Newsroom additions"); every one is optional, so a card renders before they exist.
 */
import type { FC } from 'hono/jsx';
import type { Comment } from '../../../comments/types.js';
import type { Tab } from '../../../store/comment-listing.js';
import { translator, type UiKey, type UiLang } from '../i18n/index.js';

export interface NewsroomFields {
  article: { id: string; title: string | null; url: string | null } | null;
  parent: { id: string; authorName: string; content: string } | null;
  originalContent: string | null;
  editedBy: string | null;
  reports: { open: number; reasons: Record<string, number> };
}

/** A comment as the queue shows it: the stored comment and, when loaded, its context. */
export type QueueComment = Comment & Partial<NewsroomFields>;

const REPORT_REASONS = ['spam', 'offensive', 'illegal', 'off_topic', 'other'] as const;
const PARENT_EXCERPT = 120;

/** "Xúc phạm ×2, Spam ×1": most reported reason first. */
export function reportReasonsText(reasons: Record<string, number>, lang: UiLang): string {
  const tr = translator(lang);
  return Object.entries(reasons)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => {
      const known = REPORT_REASONS.find((r) => r === reason);
      return `${known ? tr(`report.${known}` as UiKey) : reason} ×${n}`;
    })
    .join(', ');
}

export const ArticleLink: FC<{ comment: QueueComment; lang: UiLang }> = ({ comment: c, lang }) => {
  const tr = translator(lang);
  const title = c.article?.title || c.articleId;
  const url = c.article?.url;
  return (
    <span class="article">
      {tr('card.articleTitle')}:{' '}
      {url && /^https?:\/\//i.test(url) ? (
        <a href={url} target="_blank" rel="noopener" class="article-link">
          {title}
        </a>
      ) : (
        <span class="article-link">{title}</span>
      )}
    </span>
  );
};

export const ParentContext: FC<{ comment: QueueComment; lang: UiLang }> = ({ comment: c, lang }) => {
  if (!c.parent) return null;
  const tr = translator(lang);
  const text = c.parent.content;
  const excerpt = text.length > PARENT_EXCERPT ? `${text.slice(0, PARENT_EXCERPT).trimEnd()}…` : text;
  return (
    <details class="parent">
      <summary>
        <strong>{tr('card.replyTo', { name: c.parent.authorName })}</strong>: <span class="excerpt">“{excerpt}”</span>
      </summary>
      <p class="parent-text">{text}</p>
    </details>
  );
};

export const ReportsLine: FC<{ comment: QueueComment; lang: UiLang }> = ({ comment: c, lang }) => {
  if (!c.reports || c.reports.open <= 0) return null;
  const tr = translator(lang);
  return (
    <p class="reports">
      <strong>{tr('card.reportsLine', { n: c.reports.open })}</strong>: {reportReasonsText(c.reports.reasons, lang)}
    </p>
  );
};

export const OriginalText: FC<{ comment: QueueComment; lang: UiLang; editor: string }> = ({ comment: c, lang, editor }) => {
  if (c.originalContent == null) return null;
  const tr = translator(lang);
  return (
    <details class="original">
      <summary>
        {tr('card.original')} <span class="hint">({tr('card.editedBy', { who: editor })})</span>
      </summary>
      <p class="original-text">{c.originalContent}</p>
    </details>
  );
};

/** The queue's tabs: the store's four and the readers' reports (approved comments with open reports). */
export const QUEUE_TABS = ['pending', 'reported', 'filtered', 'approved', 'rejected'] as const satisfies readonly (Tab | 'reported')[];
export type QueueTab = (typeof QUEUE_TABS)[number];
