/**
 * Reader-facing error messages, Vietnamese first (./messages/vi.ts), English when the client
 * prefers it (./messages/en.ts): one file per language, each a record of every ErrorCode.
 * Codes are the contract; messages may be reworded freely.
 */
import type { ErrorCode } from '../errors.js';
import { en } from './messages/en.js';
import { vi } from './messages/vi.js';

export type Lang = 'vi' | 'en';

/** Per code, the message in each language: `errorMessages[code][lang]`. */
export const errorMessages = Object.fromEntries(
  (Object.keys(vi) as ErrorCode[]).map((code) => [code, { vi: vi[code], en: en[code] }]),
) as Record<ErrorCode, Record<Lang, string>>;

/** The preferred of vi/en from an Accept-Language header; Vietnamese unless English wins. */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return 'vi';
  let best: { lang: Lang; q: number } = { lang: 'vi', q: -1 };
  for (const part of acceptLanguage.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const lang: Lang | null = tag.startsWith('en') ? 'en' : tag.startsWith('vi') ? 'vi' : null;
    if (lang && Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
}
