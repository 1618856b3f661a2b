/**
 * One comment of the list: author, time, the text (folded when long), then "Thích",
 * "Trả lời" (top-level comments only: one level of replies) and "Báo vi phạm". The reader's
 * own comment that waits for a moderator is shown greyed with "Đang chờ duyệt" and none of
 * the buttons. Every piece of reader text goes in through text nodes (see dom.ts).
 */
import type { PublicComment } from './api.js';
import { h } from './dom.js';
import { createLikeButton, type ActionDeps } from './like-button.js';
import { formatDate, formatRelativeTime } from './relative-time.js';
import { createReportButton } from './report-form.js';

export interface ItemDeps extends ActionDeps {
  /** Called when a reader presses "Trả lời"; `slot` is where the reply form should appear. */
  onReply(comment: PublicComment, slot: HTMLElement): void;
}

export interface RenderedComment {
  item: HTMLElement;
  content: HTMLElement;
  /** Where the replies of a top-level comment go. */
  replies: HTMLElement | null;
}

export function renderComment(comment: PublicComment, topLevel: boolean, pending: boolean, deps: ItemDeps): RenderedComment {
  const { t } = deps;
  const created = new Date(comment.createdAt);
  const time = h('time', { class: 'time', datetime: comment.createdAt, title: formatDate(created) }, [
    formatRelativeTime(created, new Date(), t),
  ]);
  const content = h('p', { class: 'content' }, [comment.content]);
  const item = h('li', { class: pending ? 'comment pending' : 'comment', 'data-comment-id': comment.id }, [
    h('p', { class: 'meta' }, [
      h('span', { class: 'author' }, [comment.authorName]),
      time,
      pending && h('span', { class: 'badge' }, [t.pending]),
    ]),
    content,
  ]);
  const replies = topLevel ? h('ol', { class: 'replies' }) : null;
  if (!pending) {
    const note = h('p', { class: 'action-note', role: 'status', tabindex: '-1' });
    const say = (message: string, focus?: boolean) => {
      note.textContent = message;
      if (focus) note.focus();
    };
    const reportSlot = h('div');
    const actions = h('div', { class: 'actions' }, [createLikeButton(comment, deps, say)]);
    const replySlot = h('div', { class: 'reply-slot' });
    if (topLevel) {
      // The accessible name says whom the answer goes to; it starts with the visible word.
      const reply = h('button', { type: 'button', class: 'link reply', 'aria-label': t.replyTo(comment.authorName) }, [t.reply]);
      reply.addEventListener('click', () => deps.onReply(comment, replySlot));
      actions.appendChild(reply);
    }
    actions.appendChild(createReportButton(comment, deps, reportSlot, say));
    item.append(actions, note, reportSlot, replySlot);
  }
  if (replies) item.appendChild(replies);
  return { item, content, replies };
}
