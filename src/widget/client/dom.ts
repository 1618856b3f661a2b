/**
 * The one way the widget builds DOM. Children given as strings become text nodes, so text a
 * reader typed can never turn into markup: no string is parsed as HTML anywhere in the client
 * (a test greps for it).
 */
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const name of Object.keys(attributes)) element.setAttribute(name, attributes[name]);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

let counter = 0;
/** Ids unique on the page, so labels point at the right input when a page has several widgets. */
export function uniqueId(name: string): string {
  counter += 1;
  return `bl-${name}-${counter}`;
}

/** Runs fn once the document is parsed (the scripts load async, possibly before that). */
export function whenReady(fn: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
  else fn();
}
