/**
 * The body of `POST /v1/comments`: its schema, and how a validation failure is reported.
 *
 * Lengths count Unicode code points (`[...text].length`) after NFC and trim, so "Bình luận"
 * is 9 characters however it was typed (precomposed or combining marks) and an emoji is one
 * character, not two UTF-16 units. The text kept is the NFC form as typed: no case change,
 * inner whitespace untouched.
 *
 * `details.fields` of a 400 `validation_failed` maps each bad field to one reason code:
 *   required            missing, null, or empty after trim
 *   too_long            more characters than the field allows
 *   invalid             wrong type, or not the expected format (articleId characters, email)
 *   invalid_characters  text PostgreSQL or a reader could not keep: NUL and other control
 *                       characters (tab and line breaks are fine in content), lone surrogates
 * A body that is JSON but not an object reports `{ "body": "invalid" }`.
 */
import { z } from 'zod';

export const LIMITS = {
  articleId: 200,
  parentId: 64,
  authorName: 80,
  authorEmail: 254,
  content: 5000,
  captchaId: 100,
  captchaAnswer: 50,
  website: 1000,
} as const;

export type FieldReason = 'required' | 'too_long' | 'invalid' | 'invalid_characters';

/** Code points, not UTF-16 units: what a reader calls "characters". */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// C0/C1 controls and DEL. Content may keep tab, line feed and carriage return.
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_IN_CONTENT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ARTICLE_ID = /^[A-Za-z0-9._:/-]+$/;

/** Marks carried in zod issue params, so one issue maps to one reason code. */
const reason = (r: FieldReason) => ({ params: { reason: r } });

/** A text field: NFC, optionally trimmed, then required / length / character checks. */
function text(options: { max: number; trim: boolean; control: RegExp }) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid') })
    .transform((value) => {
      const nfc = value.normalize('NFC');
      return options.trim ? nfc.trim() : nfc;
    })
    .superRefine((value, ctx) => {
      if (value.length === 0) ctx.addIssue({ code: 'custom', message: 'required', ...reason('required') });
      else if (LONE_SURROGATE.test(value) || options.control.test(value))
        ctx.addIssue({ code: 'custom', message: 'invalid_characters', ...reason('invalid_characters') });
      else if (characterCount(value) > options.max)
        ctx.addIssue({ code: 'custom', message: 'too_long', ...reason('too_long') });
    });
}

/** Absent, null and "" all mean "not given". */
const blankToUndefined = (value: unknown) => (value === null || value === '' ? undefined : value);

export const commentSubmissionSchema = z.object({
  articleId: z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid') })
    .min(1, 'required')
    .max(LIMITS.articleId, 'too_long')
    .regex(ARTICLE_ID, 'invalid'),
  parentId: z.preprocess(
    blankToUndefined,
    z.string({ error: 'invalid' }).max(LIMITS.parentId, 'too_long').optional(),
  ),
  authorName: text({ max: LIMITS.authorName, trim: true, control: CONTROL_IN_NAME }),
  authorEmail: z.preprocess(
    (value) => blankToUndefined(typeof value === 'string' ? value.trim() : value),
    z.email({ error: 'invalid' }).max(LIMITS.authorEmail, 'too_long').optional(),
  ),
  content: text({ max: LIMITS.content, trim: true, control: CONTROL_IN_CONTENT }),
  captchaId: z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid') })
    .min(1, 'required')
    .max(LIMITS.captchaId, 'too_long'),
  captchaAnswer: z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid') })
    .trim()
    .min(1, 'required')
    .max(LIMITS.captchaAnswer, 'too_long'),
  // The honeypot: any value is accepted here (a bot may send anything); accept.ts decides.
  website: z.unknown().optional(),
});

export type CommentSubmission = z.output<typeof commentSubmissionSchema>;

/** True when the hidden `website` field was filled in: only bots do that. */
export function honeypotFilled(website: unknown): boolean {
  return website !== undefined && website !== null && website !== '';
}

const REASONS: ReadonlySet<string> = new Set<FieldReason>(['required', 'too_long', 'invalid', 'invalid_characters']);

/** `{ field: reason }` from zod issues; the first issue of a field wins. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, FieldReason> {
  const fields: Record<string, FieldReason> = {};
  for (const issue of issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'body';
    if (field in fields) continue;
    const marked = (issue as { params?: { reason?: string } }).params?.reason;
    const candidate = marked ?? issue.message;
    fields[field] = REASONS.has(candidate) ? (candidate as FieldReason) : 'invalid';
  }
  return fields;
}
