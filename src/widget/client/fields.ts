/**
 * One labelled input with its error line. An error is tied to its input for assistive
 * technology (aria-invalid + aria-describedby), not only painted red.
 */
import { h, uniqueId, type Child } from './dom.js';

export interface Field<T extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement | HTMLTextAreaElement> {
  wrapper: HTMLElement;
  control: T;
  setError(message: string | null): void;
}

export function createField<T extends HTMLInputElement | HTMLTextAreaElement>(
  name: string,
  label: Child[],
  control: T,
  extras: { describedBy?: string[]; before?: Child[]; after?: Child[]; className?: string } = {},
): Field<T> {
  const id = uniqueId(name);
  const errorId = `${id}-error`;
  control.id = id;
  control.name = name;
  const described = extras.describedBy || [];
  if (described.length) control.setAttribute('aria-describedby', described.join(' '));
  const error = h('p', { class: 'error', id: errorId });
  const wrapper = h('div', { class: `field ${extras.className || ''}`.trim() }, [
    ...(extras.before || []),
    h('label', { for: id }, label),
    control,
    ...(extras.after || []),
    error,
  ]);
  return {
    wrapper,
    control,
    setError(message) {
      error.textContent = message || '';
      if (message) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', described.concat(errorId).join(' '));
      } else {
        control.removeAttribute('aria-invalid');
        if (described.length) control.setAttribute('aria-describedby', described.join(' '));
        else control.removeAttribute('aria-describedby');
      }
    },
  };
}

/** Length as a reader counts it: characters (code points), not UTF-16 units. */
export function charCount(text: string): number {
  return Array.from(text).length;
}
