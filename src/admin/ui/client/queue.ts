/**
 * The queue page's mouse and focus wiring: clicks on a card's buttons (decide, keep, edit,
 * fold), the selection
 * checkboxes, Tab focus into cards, the bulk buttons and the help dialog.
 */
import { bulk } from './bulk.js';
import { cards, focusMoved, list, setCurrent, updateSelection } from './cards.js';
import { decide, type Action } from './decide.js';
import { openEditor, toggleFold } from './edit.js';
import { keep } from './reports.js';

export function wireQueue(): void {
  if (list) {
    list.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const card = target.closest<HTMLElement>('article.card');
      if (!card) return;
      setCurrent(cards().indexOf(card), false);
      const button = target.closest<HTMLButtonElement>('button[data-action], button[data-edit], button.fold');
      if (!button) return;
      if (button.dataset.edit) openEditor(card);
      else if (button.classList.contains('fold')) toggleFold(button);
      else if (button.dataset.action === 'dismiss') void keep(card);
      else void decide(card, button.dataset.action as Action);
    });
    list.addEventListener('change', (event) => {
      if ((event.target as HTMLElement).matches('input.select')) updateSelection();
    });
    // Focus moving into a card (Tab key) makes it the current one.
    list.addEventListener('focusin', (event) => {
      const card = (event.target as HTMLElement).closest<HTMLElement>('article.card');
      if (card) focusMoved(card);
    });
    setCurrent(0, false);
  }

  document.getElementById('select-all')?.addEventListener('change', (event) => {
    const checked = (event.target as HTMLInputElement).checked;
    for (const box of document.querySelectorAll<HTMLInputElement>('#cards input.select:not(:disabled)')) box.checked = checked;
    updateSelection();
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-bulk]')) {
    button.addEventListener('click', () => void bulk(button.dataset.bulk as Action));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-open-help]')) {
    button.addEventListener('click', () => (document.getElementById('help') as HTMLDialogElement | null)?.showModal());
  }
}
