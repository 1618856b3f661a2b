/**
 * "Cũ nhất / Mới nhất / Nổi bật": three buttons in a labelled group, the current one
 * aria-pressed. Plain buttons, so Tab, Enter and Space work as everywhere else.
 */
import type { Sort } from './api.js';
import { h } from './dom.js';
import type { Messages } from './i18n/index.js';

const SORTS: Sort[] = ['oldest', 'newest', 'top'];

export function createSortTabs(t: Messages, current: Sort, onChange: (sort: Sort) => void): HTMLElement {
  const buttons = SORTS.map((sort) => h('button', { type: 'button', 'aria-pressed': String(sort === current) }, [t.sorts[sort]]));
  for (const [i, button] of buttons.entries()) {
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-pressed') === 'true') return;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
      onChange(SORTS[i]);
    });
  }
  return h('div', { class: 'sorts', role: 'group', 'aria-label': t.sortLabel }, buttons);
}
