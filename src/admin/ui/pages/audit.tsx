/** The audit log: who decided or changed what, when; overturns marked. */
import type { FC } from 'hono/jsx';
import type { AuditEntry } from '../../../store/audit.js';
import { AUDIT_KINDS } from '../../../moderation/audit.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, type Choice } from '../components/forms.js';
import { Pager } from '../components/pager.js';
import { formatTime } from '../time.js';

const ACTION_LABELS: Record<string, { vi: string; en: string }> = {
  'comment.approve': { vi: 'Duyệt bình luận', en: 'Approved a comment' },
  'comment.reject': { vi: 'Từ chối bình luận', en: 'Rejected a comment' },
  'ban.create': { vi: 'Cấm', en: 'Ban' },
  'ban.lift': { vi: 'Gỡ cấm', en: 'Lifted a ban' },
  'lexicon.add': { vi: 'Thêm từ khóa', en: 'Added a word' },
  'lexicon.remove': { vi: 'Xóa từ khóa', en: 'Removed a word' },
  'moderator.create': { vi: 'Tạo tài khoản', en: 'Created an account' },
  'moderator.disable': { vi: 'Khóa tài khoản', en: 'Disabled an account' },
  'moderator.enable': { vi: 'Mở khóa tài khoản', en: 'Enabled an account' },
  'moderator.reset_password': { vi: 'Đặt lại mật khẩu', en: 'Reset a password' },
  'moderator.change_password': { vi: 'Đổi mật khẩu của mình', en: 'Changed own password' },
};

const KIND_LABELS: Record<(typeof AUDIT_KINDS)[number], { vi: string; en: string }> = {
  'comment.': { vi: 'Bình luận', en: 'Comments' },
  'article.': { vi: 'Bài viết', en: 'Articles' },
  'ban.': { vi: 'Cấm', en: 'Bans' },
  'lexicon.': { vi: 'Từ khóa', en: 'Word lists' },
  'moderator.': { vi: 'Tài khoản', en: 'Accounts' },
};

/** Details worth a glance, as "key: value" pairs; nested values as compact JSON. */
function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && k !== 'overturn')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

export const AuditPage: FC<{ page: PageContext; entries: AuditEntry[]; kind?: string; nextBefore: number | null }> = ({
  page,
  entries,
  kind,
  nextBefore,
}) => {
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
              {ACTION_LABELS[e.action]?.[lang] ?? e.action}
              {e.details.overturn === true ? <strong class="status-rejected"> ({tr('audit.overturn')})</strong> : null}
            </td>
            <td>
              {e.targetType === 'comment' && e.targetId ? (
                <a href={`/admin/comments/${encodeURIComponent(e.targetId)}`}>{e.targetId}</a>
              ) : (
                `${e.targetType} ${e.targetId ?? ''}`
              )}
            </td>
            <td>{detailText(e.details)}</td>
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
