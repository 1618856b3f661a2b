/**
 * The queue's cards: which one is current (j/k, click, Tab focus), which are selected (x,
 * checkboxes), and a decided card's state (marked done; in the pending tab it leaves the list).
 */
import { tr } from './dom.js';

export const list = document.getElementById('cards');
export const tab = list?.dataset.tab ?? document.querySelector<HTMLElement>('.tabs [aria-current=page]')?.dataset.tab ?? '';
let current = -1;

export const cards = (): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>('#cards article.card:not(.gone)'));

export function setCurrent(index: number, focus = true): void {
  const all = cards();
  if (all.length === 0) {
    current = -1;
    return;
  }
  current = Math.max(0, Math.min(index, all.length - 1));
  all.forEach((card, i) => {
    card.classList.toggle('current', i === current);
  });
  const card = all[current];
  if (focus) {
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  }
}

export const currentIndex = (): number => current;

export const currentCard = (): HTMLElement | undefined => (current >= 0 ? cards()[current] : undefined);

/** Focus moving into a card (Tab key) makes it the current one, without moving focus again. */
export function focusMoved(card: HTMLElement): void {
  const index = cards().indexOf(card);
  if (index !== current) {
    current = index;
    cards().forEach((c, i) => {
      c.classList.toggle('current', i === current);
    });
  }
}

export function selectedIds(): string[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('#cards input.select:checked')).map((box) => box.value);
}

export function updateSelection(): void {
  const n = selectedIds().length;
  const label = document.getElementById('selected-count');
  if (label) label.textContent = tr('bulk.selected', { n });
  for (const box of document.querySelectorAll<HTMLInputElement>('#cards input.select')) {
    box.closest('.card')?.classList.toggle('selected', box.checked);
  }
}

export function cardOf(id: string): HTMLElement | null {
  return document.getElementById(`c-${id}`);
}

export function setCardState(card: HTMLElement, text: string, elsewhere = false): void {
  const state = card.querySelector<HTMLElement>('.state');
  if (state) {
    state.textContent = text;
    state.classList.toggle('elsewhere', elsewhere);
  }
  card.classList.add('done');
  for (const button of card.querySelectorAll<HTMLButtonElement>('button[data-action]')) button.disabled = true;
  const box = card.querySelector<HTMLInputElement>('input.select');
  if (box) {
    box.checked = false;
    box.disabled = true;
  }
}

/** Tabs whose decided cards leave the list (what is left is still to do). */
const leavesList = tab === 'pending' || tab === 'reported';
/** Cards taken out of the list, kept to put back where they were when undone. */
const detached = new Map<string, { item: Element; parent: Element; next: Element | null }>();

/** In the pending and reported tabs a decided card leaves the list, so j/k and a/r keep working on what is left. */
export function retire(card: HTMLElement): void {
  const wasCurrent = card.classList.contains('current');
  const index = cards().indexOf(card);
  const item = card.closest('li');
  if (leavesList && item?.parentElement) {
    card.classList.add('gone');
    detached.set(card.dataset.id ?? '', { item, parent: item.parentElement, next: item.nextElementSibling });
    item.remove();
  }
  updateSelection();
  if (wasCurrent || index <= current)
    setCurrent(leavesList ? Math.min(index, cards().length - 1) : current, document.activeElement === document.body || wasCurrent);
}

/** Undo: the card is pending again; in the pending tab it comes back where it was, ready to decide. */
export function restore(id: string, status: string): void {
  const place = detached.get(id);
  detached.delete(id);
  if (place) place.parent.insertBefore(place.item, place.next?.isConnected ? place.next : null);
  const card = cardOf(id);
  if (!card) return;
  card.dataset.status = status;
  if (!place || tab !== 'pending') {
    // Other tabs keep (or put back) the card, marked with its new state: it is in Chờ duyệt now.
    setCardState(card, tr(`status.${status}`));
    return;
  }
  card.classList.remove('gone', 'done');
  const state = card.querySelector<HTMLElement>('.state');
  if (state) state.textContent = '';
  for (const button of card.querySelectorAll<HTMLButtonElement>('button[data-action]')) button.disabled = false;
  const box = card.querySelector<HTMLInputElement>('input.select');
  if (box) box.disabled = false;
  setCurrent(cards().indexOf(card));
}
