/**
 * Keyboard triage in the queue: j/k move, a/r decide, x selects, A/R act on the selection,
 * u undoes, / jumps to the search field, ? opens the help. Keys typed into a field are left alone.
 */
import { bulk } from './bulk.js';
import { currentCard, currentIndex, setCurrent, updateSelection } from './cards.js';
import { decide, undoLast } from './decide.js';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

export function onKey(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target)) {
    if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
    return;
  }
  const help = document.getElementById('help') as HTMLDialogElement | null;
  if (help?.open) return;
  const card = currentCard();
  const current = currentIndex();
  switch (event.key) {
    case 'j':
      setCurrent(current + 1);
      break;
    case 'k':
      setCurrent(current <= 0 ? 0 : current - 1);
      break;
    case 'a':
      if (card) void decide(card, 'approve');
      break;
    case 'r':
      if (card) void decide(card, 'reject');
      break;
    case 'x': {
      const box = card?.querySelector<HTMLInputElement>('input.select');
      if (box && !box.disabled) {
        box.checked = !box.checked;
        updateSelection();
      }
      break;
    }
    case 'A':
      void bulk('approve');
      break;
    case 'R':
      void bulk('reject');
      break;
    case 'u':
      undoLast();
      break;
    case '/':
      document.getElementById('f-q')?.focus();
      break;
    case '?':
      help?.showModal();
      break;
    default:
      return;
  }
  event.preventDefault();
}
