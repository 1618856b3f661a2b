/**
 * One comment in the queue: who, where, when, the text with every filter match marked, the
 * reasons, the commenter's history, and the actions for its tab. All text goes through
 * JSX, which escapes it: a comment holding <script> shows as text.
 */
import type { FC } from 'hono/jsx';
import type { Comment } from '../../../comments/types.js';
import type { Tab } from '../../../store/comment-listing.js';
import type { HistorySummary } from '../../../store/commenter-history.js';
import { highlightSegments } from '../highlight.js';
import { translator, type UiLang } from '../i18n/index.js';
import { REJECT_PRESETS, reasonLabel, ruleLabel } from '../reasons.js';
import { formatAge, formatTime } from '../time.js';

export interface CardProps {
  comment: Comment;
  tab: Tab;
  lang: UiLang;
  now: Date;
  history: HistorySummary | undefined;
  /** Moderator id → email, for "decided by". */
  moderatorNames: Map<string, string>;
}

export const RejectReasonSelect: FC<{ lang: UiLang; id: string; label: string }> = ({ lang, id, label }) => {
  const tr = translator(lang);
  return (
    <select id={id} class="reason" aria-label={label}>
      <option value="">{tr('card.noReason')}</option>
      {REJECT_PRESETS.map((p) => (
        <option value={p.value}>{tr(p.key)}</option>
      ))}
    </select>
  );
};

export const CommentCard: FC<CardProps> = ({ comment: c, tab, lang, now, history, moderatorNames }) => {
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
            <span>
              {tr('card.article')} <a href={`/admin/queue?${new URLSearchParams({ tab, article: c.articleId })}`}>{c.articleId}</a>
            </span>
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
          <p class="content">
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
          <CardActions comment={c} tab={tab} lang={lang} />
          <p class="state" aria-live="polite"></p>
        </div>
      </article>
    </li>
  );
};

const CardActions: FC<{ comment: Comment; tab: Tab; lang: UiLang }> = ({ comment: c, tab, lang }) => {
  const tr = translator(lang);
  const reasonId = `reason-${c.id}`;
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
        <RejectReasonSelect lang={lang} id={reasonId} label={tr('card.reason')} />
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
      <RejectReasonSelect lang={lang} id={reasonId} label={tr('card.reason')} />
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
