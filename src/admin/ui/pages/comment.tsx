/**
 * One comment's page (linked from the audit log and the queue): the comment, its article, the
 * comment it answers, and its whole history oldest first (./comment-history.ts). Decisions are
 * taken in the queue, which this page links to.
 */
import type { FC } from 'hono/jsx';
import type { Comment } from '../../../comments/types.js';
import type { HistoryEvent } from '../comment-history.js';
import { translator } from '../i18n/index.js';
import { Layout, type PageContext } from '../layout.js';
import { formatTime } from '../time.js';

export interface ArticleRef {
  id: string;
  title: string | null;
  url: string | null;
}

export const CommentPage: FC<{
  page: PageContext;
  comment: Comment;
  article: ArticleRef;
  parent: Pick<Comment, 'id' | 'authorName' | 'content'> | null;
  events: HistoryEvent[];
}> = ({ page, comment: c, article, parent, events }) => {
  const tr = translator(page.lang);
  const lang = page.lang;
  const queueHref = `/admin/queue?${new URLSearchParams({ article: article.id })}`;
  return (
    <Layout page={page} title={tr('commentPage.title')} nav="queue">
      <h1>{tr('commentPage.title')}</h1>
      <section class="panel comment-detail" aria-labelledby="cd-author">
        <p class="meta">
          <strong id="cd-author" class="author">
            {c.authorName}
          </strong>
          <span>{c.authorEmail ?? tr('card.noEmail')}</span>
          <span>
            {tr('card.ip')} {c.ip ?? '—'}
          </span>
          <time datetime={c.createdAt.toISOString()}>{formatTime(c.createdAt, lang)}</time>
          <span class={`status-${c.status}`}>{tr(`status.${c.status}`)}</span>
        </p>
        <p class="content">{c.content}</p>
        <dl class="facts">
          <dt>{tr('commentPage.article')}</dt>
          <dd>
            {article.url && /^https?:\/\//i.test(article.url) ? (
              <a href={article.url} target="_blank" rel="noopener noreferrer">
                {article.title ?? article.id}
              </a>
            ) : (
              (article.title ?? article.id)
            )}{' '}
            · <a href={queueHref}>{tr('commentPage.articleQueue')}</a>
          </dd>
          {c.originalContent !== null ? (
            <>
              <dt>{tr('commentPage.original')}</dt>
              <dd class="original">{c.originalContent}</dd>
            </>
          ) : null}
          {parent ? (
            <>
              <dt>{tr('commentPage.parent')}</dt>
              <dd class="parent">
                <a href={`/admin/comments/${encodeURIComponent(parent.id)}`}>{parent.authorName}</a>: {parent.content}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <h2 id="history">{tr('commentPage.history')}</h2>
      <ol class="timeline" aria-labelledby="history">
        {events.map((e) => (
          <li>
            <time datetime={e.at.toISOString()}>{formatTime(e.at, lang)}</time>
            <strong class="what">{e.what}</strong>
            {e.who ? <span class="who-did">{e.who}</span> : null}
            {e.detail ? <span class="detail">{e.detail}</span> : null}
            {e.before !== undefined ? (
              <div class="edit">
                <p>
                  <span class="label">{tr('commentPage.before')}</span> <del>{e.before}</del>
                </p>
                <p>
                  <span class="label">{tr('commentPage.after')}</span> <ins>{e.after}</ins>
                </p>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </Layout>
  );
};
