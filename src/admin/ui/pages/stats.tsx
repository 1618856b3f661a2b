/** Statistics: the queue now, today's decisions per moderator, filter hits per rule. */
import type { FC } from 'hono/jsx';
import type { ModerationStats } from '../../../moderation/stats.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { ruleLabel } from '../reasons.js';
import { formatAge } from '../time.js';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export const StatsPage: FC<{ page: PageContext; stats: ModerationStats; now: Date }> = ({ page, stats, now }) => {
  const tr = translator(page.lang);
  return (
    <Layout page={page} title={tr('stats.title')} nav="stats">
      <h1>{tr('stats.title')}</h1>
      <div class="kpis">
        <div class="kpi">
          <div class="v" data-stat="pending">{stats.queue.pending}</div>
          <div class="l">{tr('stats.pending')}</div>
        </div>
        <div class="kpi">
          <div class="v" data-stat="oldest">
            {stats.queue.oldestPendingAt ? formatAge(stats.queue.oldestPendingAt, now, page.lang) : tr('stats.none')}
          </div>
          <div class="l">{tr('stats.oldest')}</div>
        </div>
        <div class="kpi">
          <div class="v">{stats.today.reduce((n, m) => n + m.approved + m.rejected, 0)}</div>
          <div class="l">{tr('stats.today')}</div>
        </div>
      </div>

      <h2>{tr('stats.today')}</h2>
      {stats.today.length === 0 ? (
        <p class="empty">{tr('stats.noData')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{tr('stats.moderator')}</th>
              <th scope="col" class="num">{tr('stats.approved')}</th>
              <th scope="col" class="num">{tr('stats.rejected')}</th>
              <th scope="col" class="num">{tr('stats.overturns')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.today.map((m) => (
              <tr>
                <td>{m.email ?? m.moderatorId}</td>
                <td class="num">{m.approved}</td>
                <td class="num">{m.rejected}</td>
                <td class="num">{m.overturns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{tr('stats.rules')}</h2>
      <p class="hint">{tr('stats.fpHint')}</p>
      {stats.rules.length === 0 ? (
        <p class="empty">{tr('stats.noData')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{tr('stats.rule')}</th>
              <th scope="col" class="num">{tr('stats.hits')}</th>
              <th scope="col" class="num">{tr('tab.pending')}</th>
              <th scope="col" class="num">{tr('stats.rejected')}</th>
              <th scope="col" class="num">{tr('stats.approvedAnyway')}</th>
              <th scope="col">{tr('stats.fpRate')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.rules.map((r) => (
              <tr>
                <td>
                  {ruleLabel(r.rule, page.lang)} <code>{r.rule}</code>
                </td>
                <td class="num">{r.hits}</td>
                <td class="num">{r.pending}</td>
                <td class="num">{r.rejected}</td>
                <td class="num">{r.approved}</td>
                <td>
                  <meter min={0} max={1} low={0.2} high={0.5} optimum={0} value={r.falsePositiveRate ?? 0}
                    aria-label={`${tr('stats.fpRate')} ${ruleLabel(r.rule, page.lang)}`}></meter>{' '}
                  {percent(r.falsePositiveRate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
};
