/**
 * "Thích" with the comment's count. One like per reader per comment: the API counts the
 * reader id once, and the widget remembers which comments this reader liked (reader.ts).
 * The count shown after a press is the server's, never a local guess.
 */
import type { Api, PublicComment } from './api.js';
import { actionProblem } from './action-problem.js';
import { h } from './dom.js';
import type { Messages } from './i18n/index.js';
import type { Reader } from './reader.js';

export interface ActionDeps {
  api: Api;
  t: Messages;
  reader: Reader;
}

export function createLikeButton(comment: PublicComment, deps: ActionDeps, say: (message: string) => void): HTMLButtonElement {
  const { api, t, reader } = deps;
  const count = h('span', { class: 'likes' });
  const button = h('button', { type: 'button', class: 'like' }, [t.like, ' ', count]);
  const show = (likes: number, liked: boolean) => {
    count.textContent = likes > 0 ? String(likes) : '';
    button.setAttribute('aria-pressed', String(liked));
  };
  show(comment.likes || 0, reader.liked(comment.id));

  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-busy') === 'true') return;
    const wanted = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-busy', 'true');
    const result = await api.like(comment.id, reader.id, wanted);
    button.removeAttribute('aria-busy');
    if (result.kind === 'ok') {
      reader.setLiked(comment.id, result.data.liked);
      show(result.data.likes, result.data.liked);
      say('');
    } else say(actionProblem(result, t, t.likeGone, t.tooFast));
  });
  return button;
}
