/**
 * The form's rules, checked in the browser before sending (so a reader learns at once which
 * field to fix) and the server's `details.fields` mapped back onto the same fields.
 * The server stays the judge: these checks are deliberately no stricter than API.md.
 */
import { charCount } from './fields.js';
import type { Messages } from './i18n/index.js';

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
 * `details.fields` as the API sends it: `{ field: reason }` with reason one of `required`,
 * `too_long`, `invalid`, `invalid_characters` (src/comments/submission.ts). A list of field
 * names is read too, so a reworded contract degrades to "this field" rather than to nothing.
 */
export function reportedFields(fields: unknown): Array<[string, string]> {
  if (!fields || typeof fields !== 'object') return [];
  if (Array.isArray(fields)) return fields.filter((f): f is string => typeof f === 'string').map((f) => [f, 'invalid']);
  return Object.keys(fields).map((name) => {
    const reason = (fields as Record<string, unknown>)[name];
    return [name, typeof reason === 'string' ? reason : 'invalid'];
  });
}

function messageFor(field: FormField, reason: string, t: Messages): string {
  if (reason === 'invalid_characters') return t.invalidCharacters;
  switch (field) {
    case 'authorName':
      return reason === 'required' ? t.nameRequired : reason === 'too_long' ? t.nameTooLong : t.nameInvalid;
    case 'authorEmail':
      return t.emailInvalid;
    case 'content':
      return reason === 'required' ? t.contentRequired : reason === 'too_long' ? t.contentTooLong : t.contentInvalid;
    case 'captchaAnswer':
      return reason === 'required' ? t.captchaRequired : t.captchaInvalid;
  }
}

/** Our own wording per field and reason, in the widget's language; other fields are returned as unmatched. */
export function serverFieldErrors(fields: unknown, t: Messages): { errors: FieldErrors; unmatched: string[] } {
  const errors: FieldErrors = {};
  const unmatched: string[] = [];
  for (const [name, reason] of reportedFields(fields)) {
    const field = FIELD_OF[name];
    if (field) errors[field] = messageFor(field, reason, t);
    else unmatched.push(name);
  }
  return { errors, unmatched };
}
