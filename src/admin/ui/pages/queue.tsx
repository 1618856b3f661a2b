/** The queue: five tabs with live counts, filters, a bulk bar, the cards, a cursor pager. */
import type { FC } from 'hono/jsx';
import type { TabCounts } from '../../../store/comment-listing.js';
import type { HistorySummary } from '../../../store/commenter-history.js';
import { QUEUE_TABS, type QueueComment, type QueueTab } from '../components/card-context.js';
import { CommentCard, RejectReasonSelect } from '../components/comment-card.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { InputField, SelectField, type Choice } from '../components/forms.js';
import { Pager } from '../components/pager.js';
import { FILTERABLE_RULES, ruleLabel } from '../reasons.js';

export interface QueueFilters {
  article?: string;
  rule?: string;
  q?: string;
}

export interface QueuePageProps {
  page: PageContext;
  tab: QueueTab;
  filters: QueueFilters;
  /** `reported` is counted once the reports backend answers it. */
  counts: TabCounts & { reported?: number };
  comments: QueueComment[];
  /** Preset rejection reasons, in number-key order (keys 1–9). */
  presets: readonly string[];
  histories: Map<string, HistorySummary>;
  moderatorNames: Map<string, string>;
  nextCursor: string | null;
  isFirstPage: boolean;
  now: Date;
}

export function queueHref(tab: QueueTab, filters: QueueFilters, cursor?: string): string {
  const params = new URLSearchParams({ tab });
  if (filters.article) params.set('article', filters.article);
  if (filters.rule) params.set('rule', filters.rule);
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  return `/admin/queue?${params}`;
}

export const QueuePage: FC<QueuePageProps> = (props) => {
  const { page, tab, filters, counts } = props;
  const tr = translator(page.lang);
  return (
    <Layout page={page} title={tr(`tab.${tab}`)} nav="queue">
      <h1 class="visually-hidden">{tr(`tab.${tab}`)}</h1>
      <nav aria-label={tr('tab.list')}>
        <ul class="tabs">
          {QUEUE_TABS.map((t) => (
            <li>
              <a href={queueHref(t, filters)} aria-current={t === tab ? 'page' : undefined} data-tab={t}>
                {tr(`tab.${t}`)}
                <span class="count" data-count={t} title={t === 'pending' || t === 'reported' ? undefined : tr('tab.last24h')}>
                  {counts[t] ?? ''}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <form class="filters" method="get" action="/admin/queue" role="search">
        <input type="hidden" name="tab" value={tab} />
        <InputField id="f-article" label={tr('filter.article')} name="article" type="text" value={filters.article ?? ''} size={18} />
        <SelectField
          id="f-rule"
          label={tr('filter.rule')}
          name="rule"
          selected={filters.rule}
          choices={[['', tr('filter.anyRule')], ...FILTERABLE_RULES.map((r): Choice => [r, ruleLabel(r, page.lang)])]}
        />
        <InputField id="f-q" label={tr('filter.q')} class="grow" name="q" type="search" value={filters.q ?? ''} aria-keyshortcuts="/" />
        <button type="submit" class="primary">
          {tr('filter.submit')}
        </button>
        {filters.article || filters.rule || filters.q ? <a href={queueHref(tab, {})}>{tr('filter.clear')}</a> : null}
      </form>

      <div class="bulkbar" role="region" aria-label={tr('bulk.selectAll')}>
        <input type="checkbox" id="select-all" />
        <label for="select-all">{tr('bulk.selectAll')}</label>
        <span class="sel" id="selected-count" aria-live="polite">
          {tr('bulk.selected', { n: 0 })}
        </span>
        {tab !== 'approved' && tab !== 'reported' ? (
          <button type="button" class="approve" data-bulk="approve" aria-keyshortcuts="Shift+A">
            {tr('bulk.approve')}
          </button>
        ) : null}
        {tab === 'pending' || tab === 'approved' ? (
          <>
            <button type="button" class="reject" data-bulk="reject" aria-keyshortcuts="Shift+R">
              {tr('bulk.reject')}
            </button>
            <RejectReasonSelect lang={page.lang} id="bulk-reason" label={tr('card.reason')} presets={props.presets} />
          </>
        ) : null}
        <span class="keys">
          <kbd>j</kbd>/<kbd>k</kbd> · <kbd>a</kbd> · <kbd>r</kbd> · <kbd>1</kbd>–<kbd>9</kbd> · <kbd>e</kbd> · <kbd>x</kbd> · <kbd>u</kbd> ·{' '}
          <button type="button" class="link" data-open-help>
            {tr('nav.shortcuts')}
          </button>
        </span>
      </div>

      <div id="arrivals" class="banner" hidden>
        <span></span> <a href={queueHref(tab, filters)}>{tr('queue.reload')}</a>
      </div>

      {props.comments.length === 0 ? (
        <p class="empty">{tr('queue.empty')}</p>
      ) : (
        <ol class="cards" id="cards" data-tab={tab}>
          {props.comments.map((c) => (
            <CommentCard
              comment={c}
              tab={tab}
              lang={page.lang}
              now={props.now}
              history={props.histories.get(c.id)}
              moderatorNames={props.moderatorNames}
              presets={props.presets}
            />
          ))}
        </ol>
      )}
      <Pager
        first={props.isFirstPage ? null : queueHref(tab, filters)}
        firstLabel={tr('queue.first')}
        next={props.nextCursor ? queueHref(tab, filters, props.nextCursor) : null}
        nextLabel={tr('queue.more')}
      />
      <HelpDialog page={page} presets={props.presets} />
    </Layout>
  );
};

const HelpDialog: FC<{ page: PageContext; presets: readonly string[] }> = ({ page, presets }) => {
  const tr = translator(page.lang);
  const rows: Array<[string, Parameters<typeof tr>[0]]> = [
    ['j', 'help.j'],
    ['k', 'help.k'],
    ['a', 'help.a'],
    ['r', 'help.r'],
    ['1–9', 'help.digits'],
    ['e', 'help.e'],
    ['x', 'help.x'],
    ['A', 'help.A'],
    ['R', 'help.R'],
    ['u', 'help.u'],
    ['/', 'help.slash'],
    ['?', 'help.question'],
  ];
  return (
    <dialog id="help" aria-labelledby="help-title">
      <h2 id="help-title">{tr('help.title')}</h2>
      <dl>
        {rows.map(([key, label]) => (
          <>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{tr(label)}</dd>
          </>
        ))}
      </dl>
      <h3 class="presets-title">{tr('help.presets')}</h3>
      <ol class="presets">
        {presets.slice(0, 9).map((text, i) => (
          <li>
            <kbd>{i + 1}</kbd> {text}
          </li>
        ))}
      </ol>
      <p>
        <a href="/admin/reject-reasons">{tr('presets.edit')}</a>
      </p>
      <form method="dialog">
        <button type="submit">{tr('help.close')}</button>
      </form>
    </dialog>
  );
};
