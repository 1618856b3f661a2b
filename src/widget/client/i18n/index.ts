/**
 * Every word the reader sees, Vietnamese first (./vi.ts), English with `data-lang="en"`
 * (./en.ts): one file per language, each typed as the same Messages (./types.ts), so the two
 * languages cannot drift apart.
 */
import { en } from './en.js';
import type { Lang, Messages } from './types.js';
import { vi } from './vi.js';

export type { Lang, Messages } from './types.js';

export const MESSAGES: Record<Lang, Messages> = { vi, en };

export function langOf(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
