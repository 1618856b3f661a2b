/**
 * The page the script runs in: the body (its data attributes), the UI strings the server
 * sent for the script (data-i18n, see CLIENT_KEYS in ../i18n) and the session's CSRF token.
 */
type Strings = Record<string, string>;

export const body = document.body;
const strings: Strings = JSON.parse(body.dataset.i18n ?? '{}');
export const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

export function tr(key: string, vars: Record<string, string | number> = {}): string {
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function statusWord(status: string): string {
  return tr(`status.${status}`);
}
