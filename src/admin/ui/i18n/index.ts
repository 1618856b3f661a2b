/**
 * Every string of the moderator UI, Vietnamese first (./vi.ts, with its diacritics), English
 * as the switch (./en.ts); one dictionary per language. `t(lang, key, vars)` fills `{name}`
 * placeholders.
 */
import { en } from './en.js';
import { vi, type UiKey } from './vi.js';

export type { UiKey } from './vi.js';

export type UiLang = 'vi' | 'en';

const dictionaries: Record<UiLang, Record<UiKey, string>> = { vi, en };

export function t(lang: UiLang, key: UiKey, vars: Record<string, string | number> = {}): string {
  const template = dictionaries[lang][key] ?? dictionaries.vi[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A bound translator, so pages write `tr('tab.pending')`. */
export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;
export const translator =
  (lang: UiLang): Translate =>
  (key, vars) =>
    t(lang, key, vars);

/** `?lang=en` wins (and is remembered in a cookie by the routes), then the cookie, then Vietnamese. */
export function resolveUiLang(query: string | undefined, cookie: string | undefined): UiLang {
  if (query === 'en' || query === 'vi') return query;
  if (cookie === 'en' || cookie === 'vi') return cookie;
  return 'vi';
}

/** The keys the client script needs, sent once per page as a JSON data block. */
export const CLIENT_KEYS = [
  'toast.approved',
  'toast.rejected',
  'toast.undo',
  'toast.undone',
  'toast.alreadyDecided',
  'toast.anotherModerator',
  'toast.expired',
  'toast.failed',
  'toast.saved',
  'toast.offline',
  'bulk.selected',
  'bulk.done',
  'bulk.none',
  'queue.newArrivals',
  'queue.reload',
  'status.pending',
  'status.approved',
  'status.rejected',
  'status.queued',
  'card.decidedElsewhere',
  'card.byFilter',
  // issue 14, queue side
  'toast.approvedN',
  'toast.rejectedN',
  'toast.reopenedN',
  'toast.keptN',
  'toast.edited',
  'toast.failedN',
  'card.more',
  'card.less',
  'card.editLabel',
  'card.saveApprove',
  'card.save',
  'card.cancelEdit',
] as const satisfies readonly UiKey[];

export function clientStrings(lang: UiLang): Record<string, string> {
  return Object.fromEntries(CLIENT_KEYS.map((k) => [k, dictionaries[lang][k]]));
}
