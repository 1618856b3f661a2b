/**
 * Keyboard triage in the queue: j/k move, a/r decide, 1–9 reject with that preset reason,
 * e edits, x selects, A/R act on the selection, u undoes (reopens), / jumps to the search field,
 * ? opens the help. Keys typed into a field are left alone.
 */
import { bulk } from './bulk.js';
import { currentCard, currentIndex, setCurrent, updateSelection } from './cards.js';
import { decide } from './decide.js';
import { openEditor } from './edit.js';
import { undoLast } from './undo.js';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** Keys 1–9: the card's reason select holds the presets in key order (option 0 is "no reason"). */
function rejectWithPreset(card: HTMLElement, n: number): void {
  const preset = card.querySelector<HTMLSelectElement>('select.reason')?.options[n];
  // Only cards that offer a rejection (not the rejected tabs) and only keys that have a preset.
  if (!preset || !card.querySelector('button[data-action="reject"]')) return;
  void decide(card, 'reject', { reason: preset.value });
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
    case 'e':
      if (card) openEditor(card);
      break;
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      if (card) rejectWithPreset(card, Number(event.key));
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
