/**
 * "Bình luận bạn đọc (N)": the approved comments of one article in the order the reader picks
 * (Cũ nhất / Mới nhất / Nổi bật), replies nested one level under their parent, "Xem thêm bình
 * luận" for the next page. The reader's own comments that wait for a moderator are shown at
 * their place until the page is left. The list also tells the widget whether the article is
 * closed.
 */
import type { ArticleState, PublicComment, Sort } from './api.js';
import { renderComment, type ItemDeps } from './comment-item.js';
import { h } from './dom.js';
import { foldLong } from './fold.js';
import { createSortTabs } from './sort-tabs.js';

export interface CommentList {
  element: HTMLElement;
  /** Loads the first page (again), replacing what is shown; `fresh` skips the browser's cache. */
  reload(fresh?: boolean): Promise<void>;
  /** Shows the reader's own comment, just sent, greyed at its place. */
  addPending(comment: PublicComment): void;
}

export interface ListOptions extends ItemDeps {
  articleId: string;
  headingId: string;
  /** The article's state as each page of the list reports it. */
  onArticle(article: ArticleState): void;
}

export function createCommentList(options: ListOptions): CommentList {
  const { api, t, articleId } = options;
  const heading = h('h2', { id: options.headingId }, [t.listHeading(0)]);
  const list = h('ol', { class: 'comments' });
  const note = h('p', { class: 'note' }, [t.loading]);
  const more = h('button', { type: 'button', class: 'more' }, [t.more]);
  more.hidden = true;
  let sort: Sort = 'oldest';
  const tabs = createSortTabs(t, sort, (chosen) => {
    sort = chosen;
    void loadPage(null);
  });
  const element = h('section', { 'aria-labelledby': options.headingId }, [heading, tabs, note, list, more]);

  /** Reply lists of the top-level comments shown, by id; replies waiting for a parent not shown yet. */
  let replySlots: Record<string, HTMLElement> = {};
  let orphans: Record<string, HTMLElement[]> = {};
  let shown: Record<string, HTMLElement> = {};
  const pending: PublicComment[] = [];
  let nextCursor: string | null = null;

  /** Puts one comment in its place; returns its text element, to fold once on the page. */
  function place(comment: PublicComment, isPending: boolean, atTop: boolean): HTMLElement | null {
    if (shown[comment.id]) return null;
    const parentId = comment.parentId;
    const rendered = renderComment(comment, !parentId, isPending, options);
    shown[comment.id] = rendered.item;
    if (rendered.replies) {
      replySlots[comment.id] = rendered.replies;
      // Newest first shows a reply before its parent: it moves under the parent once that arrives.
      for (const orphan of orphans[comment.id] || []) rendered.replies.appendChild(orphan);
      delete orphans[comment.id];
    }
    const parentSlot = parentId ? replySlots[parentId] : undefined;
    if (parentSlot) parentSlot.appendChild(rendered.item);
    else {
      if (parentId) (orphans[parentId] = orphans[parentId] || []).push(rendered.item);
      list.insertBefore(rendered.item, atTop ? list.firstChild : null);
    }
    return rendered.content;
  }

  function showEmptyNote() {
    note.textContent = list.childElementCount ? '' : t.empty;
    note.hidden = list.childElementCount > 0;
  }

  async function loadPage(cursor: string | null, fresh?: boolean): Promise<void> {
    more.disabled = true;
    const result = await api.comments(articleId, cursor, sort, fresh);
    more.disabled = false;
    if (result.kind !== 'ok') {
      note.textContent = t.loadFailed + ' ';
      const retry = h('button', { type: 'button', class: 'link' }, [t.retry]);
      retry.addEventListener('click', () => void loadPage(cursor));
      note.appendChild(retry);
      note.hidden = false;
      return;
    }
    const page = result.data;
    if (page.article) options.onArticle(page.article);
    if (!cursor) {
      list.textContent = '';
      replySlots = {};
      orphans = {};
      shown = {};
    }
    heading.textContent = t.listHeading(page.count);
    const contents = page.comments.map((comment) => place(comment, false, false));
    // The reader's own pending comments are the newest: last (oldest first, or top with no like), or first.
    if (!cursor) for (const own of pending) contents.push(place(own, true, sort === 'newest' && !own.parentId));
    else if (sort !== 'newest') for (const own of pending) if (!own.parentId && shown[own.id]) list.appendChild(shown[own.id]);
    foldLong(
      contents.filter((c): c is HTMLElement => c !== null),
      t,
    );
    nextCursor = page.nextCursor;
    more.hidden = !nextCursor;
    showEmptyNote();
  }

  more.addEventListener('click', () => void loadPage(nextCursor));

  function addPending(comment: PublicComment) {
    pending.push(comment);
    const content = place(comment, true, sort === 'newest' && !comment.parentId);
    if (content) foldLong([content], t);
    showEmptyNote();
  }

  return { element, reload: (fresh) => loadPage(null, fresh), addPending };
}
