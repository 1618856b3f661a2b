/**
 * "Bình luận bạn đọc (N)": the approved comments of one article, oldest first, replies nested
 * one level under their parent, "Xem thêm" for the next page. Every piece of reader text goes
 * in through text nodes (see dom.ts), with line breaks kept by `white-space: pre-wrap`.
 */
import type { Api, PublicComment } from './api.js';
import { h } from './dom.js';
import type { Messages } from './i18n/index.js';
import { formatDate, formatRelativeTime } from './relative-time.js';

export interface CommentList {
  element: HTMLElement;
  /** Loads the first page (again), replacing what is shown. */
  reload(): Promise<void>;
}

export interface ListOptions {
  api: Api;
  t: Messages;
  articleId: string;
  headingId: string;
  /** Called when a reader presses "Trả lời"; `slot` is where the reply form should appear. */
  onReply(comment: PublicComment, slot: HTMLElement): void;
}

export function createCommentList(options: ListOptions): CommentList {
  const { api, t, articleId } = options;
  const heading = h('h2', { id: options.headingId }, [t.listHeading(0)]);
  const list = h('ol', { class: 'comments' });
  const note = h('p', { class: 'note' }, [t.loading]);
  const more = h('button', { type: 'button', class: 'more' }, [t.more]);
  more.hidden = true;
  const element = h('section', { 'aria-labelledby': options.headingId }, [heading, note, list, more]);

  /** Reply lists of the top-level comments shown so far, by comment id. */
  let replySlots: Record<string, HTMLElement> = {};
  let nextCursor: string | null = null;

  function renderComment(comment: PublicComment, isTopLevel: boolean): HTMLElement {
    const created = new Date(comment.createdAt);
    const time = h('time', { class: 'time', datetime: comment.createdAt, title: formatDate(created) }, [
      formatRelativeTime(created, new Date(), t),
    ]);
    const item = h('li', { class: 'comment', 'data-comment-id': comment.id }, [
      h('p', { class: 'meta' }, [h('span', { class: 'author' }, [comment.authorName]), time]),
      h('p', { class: 'content' }, [comment.content]),
    ]);
    if (isTopLevel) {
      // One level of replies: only top-level comments can be answered.
      // The accessible name says whom the answer goes to; it starts with the visible word.
      const replyButton = h('button', { type: 'button', class: 'link', 'aria-label': t.replyTo(comment.authorName) }, [t.reply]);
      const formSlot = h('div', { class: 'reply-slot' });
      const replies = h('ol', { class: 'replies' });
      replyButton.addEventListener('click', () => options.onReply(comment, formSlot));
      item.append(replyButton, formSlot, replies);
      replySlots[comment.id] = replies;
    }
    return item;
  }

  function append(comments: PublicComment[]) {
    for (const comment of comments) {
      const parent = comment.parentId ? replySlots[comment.parentId] : undefined;
      if (parent) parent.appendChild(renderComment(comment, false));
      // A reply whose parent is not shown (should not happen, oldest first) still appears.
      else list.appendChild(renderComment(comment, !comment.parentId));
    }
  }

  async function loadPage(cursor: string | null): Promise<void> {
    more.disabled = true;
    const result = await api.comments(articleId, cursor);
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
    if (!cursor) {
      list.textContent = '';
      replySlots = {};
    }
    heading.textContent = t.listHeading(page.count);
    append(page.comments);
    nextCursor = page.nextCursor;
    more.hidden = !nextCursor;
    note.textContent = list.childElementCount ? '' : t.empty;
    note.hidden = list.childElementCount > 0;
  }

  more.addEventListener('click', () => void loadPage(nextCursor));

  return { element, reload: () => loadPage(null) };
}
