/**
 * The audit log: who did what, when, in words ("Duyệt bình luận", "Mở lại"), with the start of
 * the comment and its article's title linked to the comment's page; overturns marked.
 */
import type { FC } from 'hono/jsx';
import type { AuditEntry } from '../../../store/audit.js';
import { AUDIT_KINDS } from '../../../moderation/audit.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, type Choice } from '../components/forms.js';
import { Pager } from '../components/pager.js';
import { formatTime } from '../time.js';
import { auditActionLabel, detailString, excerpt } from '../audit-labels.js';

const KIND_LABELS: Record<(typeof AUDIT_KINDS)[number], { vi: string; en: string }> = {
  'comment.': { vi: 'Bình luận', en: 'Comments' },
  'article.': { vi: 'Bài viết', en: 'Articles' },
  'ban.': { vi: 'Cấm', en: 'Bans' },
  'lexicon.': { vi: 'Từ khóa', en: 'Word lists' },
  'moderator.': { vi: 'Tài khoản', en: 'Accounts' },
};

/** The comment an entry is about, as the audit page shows it: the start of its text and its article. */
export interface AuditCommentRef {
  content: string;
  authorName: string;
  articleId: string;
  articleTitle: string | null;
}

/** What an entry is about, in words: a comment's excerpt and article, a ban's email/IP, a word, an account. */
const Target: FC<{ entry: AuditEntry; comment: AuditCommentRef | undefined }> = ({ entry: e, comment }) => {
  if (e.targetType === 'comment' && e.targetId) {
    const href = `/admin/comments/${encodeURIComponent(e.targetId)}`;
    if (!comment) return <a href={href}>{e.targetId}</a>;
    return (
      <>
        <a href={href} class="excerpt">
          “{excerpt(comment.content, 90)}”
        </a>{' '}
        <span class="by">— {comment.authorName}</span>
        <br />
        <span class="article-title">{comment.articleTitle ?? comment.articleId}</span>
      </>
    );
  }
  if (e.targetType === 'article' && e.targetId) {
    return <a href={`/admin/articles?${new URLSearchParams({ q: e.targetId })}`}>{detailString(e, 'title') ?? e.targetId}</a>;
  }
  const words = [detailString(e, 'title'), detailString(e, 'email'), detailString(e, 'ip'), detailString(e, 'term')].filter(Boolean);
  return <>{words.join(' · ') || e.targetId || '—'}</>;
};

/** The details worth a glance: a reason, a notice, an expiry; never raw JSON. */
function detailText(e: AuditEntry): string {
  const { before, after } = e.details;
  if (typeof before === 'string' && typeof after === 'string') return `“${excerpt(before, 60)}” → “${excerpt(after, 60)}”`;
  return [detailString(e, 'reason'), detailString(e, 'notice'), detailString(e, 'expiresAt'), detailString(e, 'tier')]
    .filter(Boolean)
    .join(' · ');
}

export const AuditPage: FC<{
  page: PageContext;
  entries: AuditEntry[];
  /** Comment id → what the log shows of it. */
  comments: Map<string, AuditCommentRef>;
  kind?: string;
  nextBefore: number | null;
}> = ({ page, entries, comments, kind, nextBefore }) => {
  const tr = translator(page.lang);
  const lang = page.lang;
  return (
    <Layout page={page} title={tr('audit.title')} nav="audit">
      <h1>{tr('audit.title')}</h1>
      <form method="get" action="/admin/audit" class="filters">
        <SelectField
          id="a-kind"
          label={tr('audit.filterAction')}
          name="kind"
          selected={kind}
          choices={[['', tr('audit.all')], ...AUDIT_KINDS.map((k): Choice => [k, KIND_LABELS[k][lang]])]}
        />
        <button type="submit" class="primary">
          {tr('filter.submit')}
        </button>
      </form>
      <DataTable
        columns={[tr('audit.when'), tr('audit.actor'), tr('audit.action'), tr('audit.target'), tr('audit.details')]}
        items={entries}
        empty={tr('audit.none')}
        row={(e) => (
          <tr data-action={e.action}>
            <td>{formatTime(e.createdAt, lang)}</td>
            <td>{e.actor === 'filter' ? tr('card.byFilter') : (e.actorEmail ?? e.actor)}</td>
            <td>
              {auditActionLabel(e, lang)}
              {e.details.overturn === true ? <strong class="status-rejected"> ({tr('audit.overturn')})</strong> : null}
            </td>
            <td>
              <Target entry={e} comment={e.targetId ? comments.get(e.targetId) : undefined} />
            </td>
            <td>{detailText(e)}</td>
          </tr>
        )}
      />
      {nextBefore ? (
        <Pager
          next={`/admin/audit?${new URLSearchParams({ ...(kind ? { kind } : {}), before: String(nextBefore) })}`}
          nextLabel={tr('queue.more')}
        />
      ) : null}
    </Layout>
  );
};
