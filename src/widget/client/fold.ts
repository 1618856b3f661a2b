/**
 * Long comments fold after about eight lines, with a real button ("Xem thêm" / "Thu gọn",
 * aria-expanded) to unfold them. Measured, not guessed from the length: eight lines of a
 * phone hold far fewer characters than eight lines of a desktop. Screen readers read the
 * whole text either way (it is clipped, not hidden).
 */
import { h, uniqueId } from './dom.js';
import type { Messages } from './i18n/index.js';

const FOLDED = 'folded';

/** For contents already on the page: all folded first, then measured in one layout, then buttons. */
export function foldLong(contents: HTMLElement[], t: Messages): void {
  for (const content of contents) content.classList.add(FOLDED);
  const long = contents.filter((content) => content.scrollHeight > content.clientHeight + 2);
  for (const content of contents) if (long.indexOf(content) < 0) content.classList.remove(FOLDED);
  for (const content of long) {
    if (!content.id) content.id = uniqueId('content');
    const toggle = h('button', { type: 'button', class: 'link fold', 'aria-expanded': 'false', 'aria-controls': content.id }, [t.showMore]);
    toggle.addEventListener('click', () => {
      const open = content.classList.toggle(FOLDED) === false;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? t.showLess : t.showMore;
    });
    content.after(toggle);
  }
}
