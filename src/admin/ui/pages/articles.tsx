/**
 * Bài viết: the articles most recently commented first, with their title (opening the article
 * in a new tab), their pending/approved/rejected counts (each opening the queue filtered by the
 * article), and a form per row to close or reopen comments with an optional notice. The forms
 * are plain HTML posts carrying the session's CSRF token (they work without the script); the
 * route answers with a redirect back here. A small form closes an article no one has
 * commented on yet.
 */
import type { FC } from 'hono/jsx';
import { CSRF_FORM_FIELD } from '../../auth/index.js';
import { translator, type Translate } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { InputField } from '../components/forms.js';
import { Pager } from '../components/pager.js';
import { Panel } from '../components/panel.js';
import { formatTime } from '../time.js';

/** An article as GET /admin/api/articles answers it (shared/API.md "Newsroom additions"). */
export interface ArticleRow {
  id: string;
  title: string | null;
  url: string | null;
  closed: boolean;
  notice: string | null;
  counts: { pending: number; approved: number; rejected: number };
  lastCommentAt: Date | string | null;
}

const isWebUrl = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

const Csrf: FC<{ token: string }> = ({ token }) => <input type="hidden" name={CSRF_FORM_FIELD} value={token} />;

const Counts: FC<{ a: ArticleRow; tr: Translate }> = ({ a, tr }) => (
  <ul class="article-counts">
    {(['pending', 'approved', 'rejected'] as const).map((status) => (
      <li>
        <a
          href={`/admin/queue?${new URLSearchParams({ tab: status, article: a.id })}`}
          class={`status-${status}`}
          aria-label={`${tr(`tab.${status}`)}: ${a.counts[status]}`}
        >
          {tr(`tab.${status}`)} <span class="count">{a.counts[status]}</span>
        </a>
      </li>
    ))}
  </ul>
);

/** Close (with an optional notice) or reopen; the hidden field says which. */
const SwitchForm: FC<{ a: ArticleRow; page: PageContext; back: string; index: number }> = ({ a, page, back, index }) => {
  const tr = translator(page.lang);
  const noticeId = `notice-${index}`;
  return (
    <form method="post" action="/admin/articles" class="article-switch">
      <Csrf token={page.csrfToken} />
      <input type="hidden" name="articleId" value={a.id} />
      <input type="hidden" name="back" value={back} />
      <input type="hidden" name="closed" value={a.closed ? 'false' : 'true'} />
      {a.closed ? null : (
        <InputField
          id={noticeId}
          label={tr('articles.notice')}
          name="notice"
          type="text"
          maxlength={500}
          placeholder={tr('articles.noticePlaceholder')}
        />
      )}
      <button
        type="submit"
        class={a.closed ? 'approve' : 'reject'}
        aria-label={`${tr(a.closed ? 'articles.reopen' : 'articles.close')}: ${a.title ?? a.id}`}
      >
        {tr(a.closed ? 'articles.reopen' : 'articles.close')}
      </button>
    </form>
  );
};

const ArticleItem: FC<{ a: ArticleRow; page: PageContext; back: string; index: number }> = ({ a, page, back, index }) => {
  const tr = translator(page.lang);
  return (
    <li class={`article${a.closed ? ' closed' : ''}`} data-article={a.id}>
      <div class="article-head">
        <h2 class="article-title">
          {isWebUrl(a.url) ? (
            <a href={a.url} target="_blank" rel="noopener noreferrer">
              {a.title ?? a.id}
              <span class="visually-hidden"> ({tr('articles.newTab')})</span>
            </a>
          ) : (
            (a.title ?? a.id)
          )}
        </h2>
        <p class="hint">
          <code>{a.id}</code>
          {a.lastCommentAt ? ` · ${tr('articles.lastComment', { when: formatTime(new Date(a.lastCommentAt), page.lang) })}` : ''}
        </p>
      </div>
      <Counts a={a} tr={tr} />
      <div class="article-state">
        <p class={a.closed ? 'status-rejected' : 'status-approved'}>
          {tr(a.closed ? 'articles.closed' : 'articles.open')}
          {a.closed && a.notice ? `: “${a.notice}”` : ''}
        </p>
        <SwitchForm a={a} page={page} back={back} index={index} />
      </div>
    </li>
  );
};

export const ArticlesPage: FC<{
  page: PageContext;
  articles: ArticleRow[];
  q?: string;
  nextCursor: string | null;
  isFirstPage: boolean;
  /** A message after a change (?done=closed|opened) or a refusal. */
  notice?: string;
  error?: string;
}> = ({ page, articles, q, nextCursor, isFirstPage, notice, error }) => {
  const tr = translator(page.lang);
  const search: Record<string, string> = q ? { q } : {};
  return (
    <Layout page={page} title={tr('articles.title')} nav="articles">
      <h1>{tr('articles.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="get" action="/admin/articles" class="filters" role="search">
        <InputField id="articles-q" class="grow" label={tr('articles.search')} name="q" type="search" value={q ?? ''} maxlength={200} />
        <button type="submit" class="primary">
          {tr('filter.submit')}
        </button>
      </form>
      {articles.length === 0 ? (
        <p class="empty">{tr('articles.none')}</p>
      ) : (
        <ul class="articles">
          {articles.map((a, i) => (
            <ArticleItem a={a} page={page} back={page.path} index={i} />
          ))}
        </ul>
      )}
      <Pager
        first={isFirstPage ? null : `/admin/articles?${new URLSearchParams(search)}`}
        firstLabel={tr('queue.first')}
        next={nextCursor ? `/admin/articles?${new URLSearchParams({ ...search, cursor: nextCursor })}` : null}
        nextLabel={tr('queue.more')}
      />
      <Panel id="close-new" title={tr('articles.closeNew')}>
        <p class="hint">{tr('articles.closeNewHint')}</p>
        <form method="post" action="/admin/articles" class="form-grid">
          <Csrf token={page.csrfToken} />
          <input type="hidden" name="closed" value="true" />
          <InputField id="close-id" label={tr('articles.id')} name="articleId" type="text" required maxlength={200} />
          <InputField id="close-notice" label={tr('articles.notice')} name="notice" type="text" maxlength={500} />
          <button type="submit" class="reject">
            {tr('articles.close')}
          </button>
        </form>
      </Panel>
    </Layout>
  );
};
