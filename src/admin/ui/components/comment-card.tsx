/**
 * One comment in the queue: who, where, when, the text with every filter match marked, the
 * reasons, the commenter's history, and the actions for its tab. All text goes through
 * JSX, which escapes it: a comment holding <script> shows as text.
 */
import type { FC } from 'hono/jsx';
import type { HistorySummary } from '../../../store/commenter-history.js';
import { highlightSegments } from '../highlight.js';
import { translator, type UiLang } from '../i18n/index.js';
import { reasonLabel, ruleLabel } from '../reasons.js';
import { formatAge, formatTime } from '../time.js';
import { ArticleLink, OriginalText, ParentContext, ReportsLine, type QueueComment, type QueueTab } from './card-context.js';

/** About 8 lines of the card's text: longer comments fold behind "Xem thêm". */
const FOLD_CHARS = 640;
const FOLD_LINES = 8;
const isLong = (text: string) => text.length > FOLD_CHARS || text.split('\n').length > FOLD_LINES;

export interface CardProps {
  comment: QueueComment;
  tab: QueueTab;
  lang: UiLang;
  /** The preset rejection reasons, in number-key order. */
  presets: readonly string[];
  now: Date;
  history: HistorySummary | undefined;
  /** Moderator id → email, for "decided by". */
  moderatorNames: Map<string, string>;
}

/** The reasons' select: option N is preset N, so the number keys pick options[N] (0 is "no reason"). */
export const RejectReasonSelect: FC<{ lang: UiLang; id: string; label: string; presets: readonly string[] }> = ({
  lang,
  id,
  label,
  presets,
}) => {
  const tr = translator(lang);
  return (
    <select id={id} class="reason" aria-label={label}>
      <option value="">{tr('card.noReason')}</option>
      {presets.map((text, i) => (
        <option value={text}>{i < 9 ? tr('card.presetKey', { n: i + 1, text }) : text}</option>
      ))}
    </select>
  );
};

export const CommentCard: FC<CardProps> = ({ comment: c, tab, lang, now, history, moderatorNames, presets }) => {
  const tr = translator(lang);
  const reasons = c.verdict?.reasons ?? [];
  const action = c.verdict?.action ?? 'pass';
  const who = (id: string | null) => (id === 'filter' ? tr('card.byFilter') : id ? (moderatorNames.get(id) ?? id) : '');
  const historyHref = `/admin/commenters?${new URLSearchParams({ ...(c.authorEmail ? { email: c.authorEmail } : {}), ...(c.ip ? { ip: c.ip } : {}) })}`;
  const banHref = `/admin/bans?${new URLSearchParams({ ...(c.authorEmail ? { email: c.authorEmail } : {}), ...(c.ip ? { ip: c.ip } : {}) })}`;
  const headingId = `h-${c.id}`;
  return (
    <li>
      <article
        class={`card v-${action}`}
        id={`c-${c.id}`}
        data-id={c.id}
        data-status={c.status}
        data-tab={tab}
        tabindex={-1}
        aria-labelledby={headingId}
      >
        <div class="pick">
          <input type="checkbox" class="select" value={c.id} aria-label={tr('card.select', { name: c.authorName })} />
        </div>
        <div class="body">
          <div class="meta">
            <h3 class="author" id={headingId}>
              {c.authorName}
            </h3>
            <span>{c.authorEmail ?? tr('card.noEmail')}</span>
            <span>
              {tr('card.ip')} {c.ip ?? '—'}
            </span>
            <ArticleLink comment={c} lang={lang} />
            <a href={`/admin/queue?${new URLSearchParams({ tab, article: c.articleId })}`} title={tr('card.filterArticle')}>
              {c.articleId}
            </a>
            <time datetime={c.createdAt.toISOString()}>{formatTime(c.createdAt, lang)}</time>
            {c.status === 'pending' ? (
              <span class="age">{tr('card.waiting', { age: formatAge(c.createdAt, now, lang) })}</span>
            ) : (
              <span class={`status-${c.status}`}>
                {tr('card.decidedBy', {
                  status: tr(`status.${c.status}`),
                  who: who(c.decidedBy),
                  age: formatAge(c.decidedAt ?? c.createdAt, now, lang),
                })}
                {c.decisionReason && c.decidedBy !== 'filter' ? ` — ${c.decisionReason}` : ''}
              </span>
            )}
          </div>
          <ParentContext comment={c} lang={lang} />
          <p class={isLong(c.content) ? 'content folded' : 'content'} id={`t-${c.id}`}>
            {highlightSegments(c.content, reasons).map((s) =>
              s.tier ? (
                <mark class={`t-${s.tier}`} title={s.rules.map((r) => ruleLabel(r, lang)).join(', ')}>
                  {s.text}
                </mark>
              ) : (
                s.text
              ),
            )}
          </p>
          {isLong(c.content) ? (
            <button type="button" class="link fold" aria-expanded="false" aria-controls={`t-${c.id}`}>
              {tr('card.more')}
            </button>
          ) : null}
          <OriginalText comment={c} lang={lang} editor={who(c.editedBy ?? null)} />
          <ReportsLine comment={c} lang={lang} />
          {reasons.length ? (
            <ul class="reasons" aria-label={tr('card.reasons')}>
              {dedupeReasons(reasons).map((r) => (
                <li class={`chip t-${r.tier}`}>
                  {reasonLabel(r, lang)}
                  {r.match ? `: “${r.match}”` : ''}
                  <span class="tier">{tr(`tier.${r.tier}`)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <div class="history">
            {tr('card.history')}:{' '}
            {history && history.approved + history.rejected + history.pending > 0 ? (
              <>
                {tr('card.historyCounts', history as unknown as Record<string, number>)} ·{' '}
                <a href={historyHref}>{tr('card.historyLink')}</a>
              </>
            ) : (
              tr('card.historyNone')
            )}
            {' · '}
            <a href={banHref}>{tr('card.ban')}</a>
          </div>
        </div>
        <div class="actions" role="group" aria-label={tr('card.actions')}>
          <CardActions comment={c} tab={tab} lang={lang} presets={presets} />
          <p class="state" aria-live="polite"></p>
        </div>
      </article>
    </li>
  );
};

const CardActions: FC<{ comment: QueueComment; tab: QueueTab; lang: UiLang; presets: readonly string[] }> = ({
  comment: c,
  tab,
  lang,
  presets,
}) => {
  const tr = translator(lang);
  const reasons = <RejectReasonSelect lang={lang} id={`reason-${c.id}`} label={tr('card.reason')} presets={presets} />;
  // Pending and approved text can be edited in place ("Lưu và duyệt" / "Lưu", ../client/edit.ts).
  const edit =
    c.status === 'pending' || c.status === 'approved' ? (
      <button type="button" class="edit" data-edit="1" aria-keyshortcuts="e">
        {tr('card.edit')}
      </button>
    ) : null;
  if (tab === 'reported') {
    // Removing a reported (published) comment is a forced rejection: it unpublishes it.
    return (
      <>
        <div class="row">
          <button type="button" class="reject" data-action="reject" data-force="1" aria-keyshortcuts="r">
            {tr('card.unpublish')}
          </button>
          <button type="button" class="keep" data-action="dismiss">
            {tr('card.keep')}
          </button>
        </div>
        {reasons}
        {edit}
      </>
    );
  }
  if (tab === 'pending') {
    return (
      <>
        <div class="row">
          <button type="button" class="approve" data-action="approve" aria-keyshortcuts="a">
            {tr('card.approve')}
          </button>
          <button type="button" class="reject" data-action="reject" aria-keyshortcuts="r">
            {tr('card.reject')}
          </button>
        </div>
        {reasons}
        {edit}
      </>
    );
  }
  // Decided tabs: overturning is explicit (force) and audited.
  if (c.status === 'rejected') {
    return (
      <div class="row">
        <button type="button" class="approve" data-action="approve" data-force="1" aria-keyshortcuts="a">
          {tab === 'filtered' ? tr('card.rescue') : tr('card.overturnApprove')}
        </button>
      </div>
    );
  }
  return (
    <>
      <div class="row">
        <button type="button" class="reject" data-action="reject" data-force="1" aria-keyshortcuts="r">
          {tr('card.overturnReject')}
        </button>
      </div>
      {reasons}
      {edit}
    </>
  );
};

/** One chip per (rule, match): a word repeated five times is one reason to read. */
function dedupeReasons<T extends { rule: string; match: string }>(reasons: readonly T[]): T[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.rule}\u0000${r.match.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
