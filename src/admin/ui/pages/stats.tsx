/** Statistics: the queue now, today's decisions per moderator, filter hits per rule. */
import type { FC } from 'hono/jsx';
import type { ModerationStats } from '../../../moderation/stats.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { DataTable, NumberCells, numeric } from '../components/data-table.js';
import { ruleLabel } from '../reasons.js';
import { formatAge } from '../time.js';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export const StatsPage: FC<{ page: PageContext; stats: ModerationStats; now: Date }> = ({ page, stats, now }) => {
  const tr = translator(page.lang);
  return (
    <Layout page={page} title={tr('stats.title')} nav="stats">
      <h1>{tr('stats.title')}</h1>
      <div class="kpis">
        <Kpi stat="pending" value={stats.queue.pending} label={tr('stats.pending')} />
        <Kpi
          stat="oldest"
          value={stats.queue.oldestPendingAt ? formatAge(stats.queue.oldestPendingAt, now, page.lang) : tr('stats.none')}
          label={tr('stats.oldest')}
        />
        <Kpi value={stats.today.reduce((n, m) => n + m.approved + m.rejected, 0)} label={tr('stats.today')} />
      </div>

      <h2>{tr('stats.today')}</h2>
      <DataTable
        columns={[tr('stats.moderator'), numeric(tr('stats.approved')), numeric(tr('stats.rejected')), numeric(tr('stats.overturns'))]}
        items={stats.today}
        empty={tr('stats.noData')}
        row={(m) => (
          <tr>
            <td>{m.email ?? m.moderatorId}</td>
            <NumberCells values={[m.approved, m.rejected, m.overturns]} />
          </tr>
        )}
      />

      <h2>{tr('stats.rules')}</h2>
      <p class="hint">{tr('stats.fpHint')}</p>
      <DataTable
        columns={[
          tr('stats.rule'),
          numeric(tr('stats.hits')),
          numeric(tr('tab.pending')),
          numeric(tr('stats.rejected')),
          numeric(tr('stats.approvedAnyway')),
          tr('stats.fpRate'),
        ]}
        items={stats.rules}
        empty={tr('stats.noData')}
        row={(r) => (
          <tr>
            <td>
              {ruleLabel(r.rule, page.lang)} <code>{r.rule}</code>
            </td>
            <NumberCells values={[r.hits, r.pending, r.rejected, r.approved]} />
            <td>
              <meter
                min={0}
                max={1}
                low={0.2}
                high={0.5}
                optimum={0}
                value={r.falsePositiveRate ?? 0}
                aria-label={`${tr('stats.fpRate')} ${ruleLabel(r.rule, page.lang)}`}
              ></meter>{' '}
              {percent(r.falsePositiveRate)}
            </td>
          </tr>
        )}
      />
    </Layout>
  );
};

/** One headline figure; `stat`, when given, is a hook (data-stat) for reading it off the page. */
const Kpi: FC<{ stat?: string; value: string | number; label: string }> = ({ stat, value, label }) => (
  <div class="kpi">
    <div class="v" data-stat={stat}>
      {value}
    </div>
    <div class="l">{label}</div>
  </div>
);
