/**
 * One short message at a time in the #toasts region: a new toast replaces the one shown (so
 * a burst of decisions never piles up), gone after five seconds, optionally with one action (undo).
 */
const toasts = document.getElementById('toasts');
let timer: ReturnType<typeof setTimeout> | undefined;

export function toast(message: string, options: { action?: { label: string; run: () => void }; bad?: boolean; ms?: number } = {}): void {
  if (!toasts) return;
  clearTimeout(timer);
  const item = document.createElement('div');
  item.className = options.bad ? 'toast bad' : 'toast';
  const text = document.createElement('span');
  text.textContent = message;
  item.append(text);
  if (options.action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = options.action.label;
    button.addEventListener('click', () => {
      item.remove();
      options.action?.run();
    });
    item.append(button);
  }
  toasts.replaceChildren(item);
  timer = setTimeout(() => item.remove(), options.ms ?? 5000);
}
