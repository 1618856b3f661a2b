/** One commenter's comments (same email or IP), newest first, with their outcomes. */
import type { FC } from 'hono/jsx';
import type { HistoryEntry } from '../../../store/commenter-history.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { DataTable } from '../components/data-table.js';
import { formatTime } from '../time.js';

export const CommenterPage: FC<{ page: PageContext; email?: string; ip?: string; entries: HistoryEntry[] }> = ({
  page,
  email,
  ip,
  entries,
}) => {
  const tr = translator(page.lang);
  const banHref = `/admin/bans?${new URLSearchParams({ ...(email ? { email } : {}), ...(ip ? { ip } : {}) })}`;
  return (
    <Layout page={page} title={tr('history.title')} nav="queue">
      <h1>{tr('history.title')}</h1>
      <p class="hint">
        {tr('history.for', { email: email ?? '—', ip: ip ?? '—' })} · <a href={banHref}>{tr('card.ban')}</a>
      </p>
      <DataTable
        columns={[tr('audit.when'), tr('card.article'), tr('users.status'), tr('audit.details')]}
        items={entries}
        row={(h) => (
          <tr>
            <td>{formatTime(h.createdAt, page.lang)}</td>
            <td>{h.articleId}</td>
            <td class={`status-${h.status}`}>
              {tr(`status.${h.status}`)}
              {h.decidedBy === 'filter' ? ` (${tr('card.byFilter')})` : ''}
            </td>
            <td>{h.content.length > 200 ? `${h.content.slice(0, 200)}…` : h.content}</td>
          </tr>
        )}
      />
    </Layout>
  );
};
