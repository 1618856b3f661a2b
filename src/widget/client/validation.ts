/**
 * The form's rules, checked in the browser before sending (so a reader learns at once which
 * field to fix) and the server's `details.fields` mapped back onto the same fields.
 * The server stays the judge: these checks are deliberately no stricter than API.md.
 */
import { charCount } from './fields.js';
import type { Messages } from './i18n.js';

export type FormField = 'authorName' | 'authorEmail' | 'content' | 'captchaAnswer';
export type FieldErrors = Partial<Record<FormField, string>>;

export const NAME_MAX = 80;
export const CONTENT_MAX = 5000;

export interface FormValues {
  authorName: string;
  authorEmail: string;
  content: string;
  captchaAnswer: string;
}

export function tidy(text: string): string {
  return text.trim().normalize('NFC');
}

export function validateForm(values: FormValues, t: Messages): FieldErrors {
  const errors: FieldErrors = {};
  const name = tidy(values.authorName);
  const email = values.authorEmail.trim();
  const content = tidy(values.content);
  if (!name) errors.authorName = t.nameRequired;
  else if (charCount(name) > NAME_MAX) errors.authorName = t.nameTooLong;
  // Only the obvious mistakes: the server applies the full address rule.
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) errors.authorEmail = t.emailInvalid;
  if (!content) errors.content = t.contentRequired;
  else if (charCount(content) > CONTENT_MAX) errors.content = t.contentTooLong;
  if (!values.captchaAnswer.trim()) errors.captchaAnswer = t.captchaRequired;
  return errors;
}

/** Field names the API may report, mapped to the input that shows the problem. */
const FIELD_OF: Record<string, FormField> = {
  authorName: 'authorName',
  authorEmail: 'authorEmail',
  content: 'content',
  captchaAnswer: 'captchaAnswer',
  captchaId: 'captchaAnswer',
};

/**
 * The names in `details.fields`, whatever its exact shape: an object keyed by field
 * (`{content: "too_long"}`), a list of names, or a list of `{field|path|name, ...}` entries.
 */
export function reportedFieldNames(fields: unknown): string[] {
  if (!fields || typeof fields !== 'object') return [];
  if (!Array.isArray(fields)) return Object.keys(fields);
  const names: string[] = [];
  for (const entry of fields) {
    if (typeof entry === 'string') names.push(entry);
    else if (entry && typeof entry === 'object') {
      const e = entry as { field?: unknown; path?: unknown; name?: unknown };
      const name = e.field ?? e.name ?? (Array.isArray(e.path) ? e.path[0] : e.path);
      if (typeof name === 'string') names.push(name);
    }
  }
  return names;
}

/** Our own wording per field, in the widget's language; unknown fields are left to the caller. */
export function serverFieldErrors(fields: unknown, t: Messages): { errors: FieldErrors; unmatched: string[] } {
  const messages: Record<FormField, string> = {
    authorName: t.nameInvalid,
    authorEmail: t.emailInvalid,
    content: t.contentInvalid,
    captchaAnswer: t.captchaRequired,
  };
  const errors: FieldErrors = {};
  const unmatched: string[] = [];
  for (const name of reportedFieldNames(fields)) {
    const field = FIELD_OF[name];
    if (field) errors[field] = messages[field];
    else unmatched.push(name);
  }
  return { errors, unmatched };
}
