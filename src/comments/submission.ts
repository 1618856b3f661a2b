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
 * A body that is JSON but not an object reports `{ "body": "invalid" }`. Every message of the
 * schema is one of these codes, so the route reports them as they are (src/http/validation.ts).
 *
 * Invisible text (API.md): a name loses every invisible and bidi-control character before it
 * is measured, and content made only of invisible characters counts as empty (`required`).
 * Bidi controls are removed from content too (see {@link BIDI_CONTROLS} for why).
 */
import { z } from 'zod';
import { hasLoneSurrogate } from '../util/text.js';
import { ARTICLE_ID_CHARACTERS, ARTICLE_ID_MAX_LENGTH } from './id-patterns.js';

export const LIMITS = {
  articleId: ARTICLE_ID_MAX_LENGTH,
  parentId: 64,
  authorName: 80,
  authorEmail: 254,
  content: 5000,
  captchaId: 100,
  captchaAnswer: 50,
  website: 1000,
  articleTitle: 300,
  articleUrl: 2000,
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

/**
 * Characters a reader cannot see: Unicode's default-ignorable code points (zero-width space and
 * joiners, word joiner, soft hyphen, BOM, bidi marks and controls, Hangul fillers U+115F,
 * U+1160, U+3164, U+FFA0, variation selectors, tags…) and the braille blank U+2800, which is
 * a symbol but draws nothing.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** Text with nothing a reader could see: invisible characters and white space only. */
const NOTHING_VISIBLE = /^[\p{Default_Ignorable_Code_Point}\u2800\s]*$/u;
/**
 * Bidi controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks
 * (U+200E, U+200F, U+061C). Removed from content rather than isolated: an override makes the
 * order readers see differ from the order the filter, the duplicate rule and a moderator's
 * search read ("\u202Eoảđ aừl" shows as "lừa đảo"), and wrapping it in an isolate would still
 * reverse the text inside; an unclosed embedding would also spill into the page around the
 * comment wherever a site renders it without isolation (its own templates, feeds, e-mails).
 * Vietnamese comments never need them; right-to-left words still display right to left
 * without them, by the characters' own direction.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes what `pattern` matches; NFC again if anything went (a removed joiner may have kept a mark apart). */
function without(text: string, pattern: RegExp): string {
  const kept = text.replace(pattern, '');
  return kept.length === text.length ? text : kept.normalize('NFC');
}

/**
 * A text field: NFC, `remove` taken out, optionally trimmed, then required / length /
 * character checks. `remove` is INVISIBLE for names (nothing hidden in a name, so no reader
 * can pass for another) and BIDI_CONTROLS for content, whose other invisible characters stay
 * (emoji joiners and selectors belong to what it shows) but cannot make it non-empty.
 */
function text(options: { max: number; trim: boolean; control: RegExp; remove: RegExp }) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid') })
    .transform((value) => {
      const nfc = without(value.normalize('NFC'), options.remove);
      return options.trim ? nfc.trim() : nfc;
    })
    .superRefine((value, ctx) => {
      if (value.length === 0 || NOTHING_VISIBLE.test(value)) ctx.addIssue({ code: 'custom', message: 'required' });
      else if (hasLoneSurrogate(value) || options.control.test(value)) ctx.addIssue({ code: 'custom', message: 'invalid_characters' });
      else if (characterCount(value) > options.max) ctx.addIssue({ code: 'custom', message: 'too_long' });
    });
}

/** Absent, null and "" all mean "not given". */
const blankToUndefined = (value: unknown) => (value === null || value === '' ? undefined : value);

/** An http(s) URL as the widget sends the page's canonical link; anything else is `invalid`. */
const articleUrl = z
  .string({ error: 'invalid' })
  .trim()
  .max(LIMITS.articleUrl, 'too_long')
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  }, 'invalid');

/** A moderator's text for a comment (PATCH /admin/api/comments/:id): the rules of `content` here. */
export const contentSchema = text({ max: LIMITS.content, trim: true, control: CONTROL_IN_CONTENT, remove: BIDI_CONTROLS });

/** Every message of this schema is a FieldReason: src/http/validation.ts reports messages as they are. */
export const commentSubmissionSchema = z.object(
  {
    articleId: z
      .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid') })
      .min(1, 'required')
      .max(LIMITS.articleId, 'too_long')
      .regex(ARTICLE_ID_CHARACTERS, 'invalid'),
    parentId: z.preprocess(blankToUndefined, z.string({ error: 'invalid' }).max(LIMITS.parentId, 'too_long').optional()),
    authorName: text({ max: LIMITS.authorName, trim: true, control: CONTROL_IN_NAME, remove: INVISIBLE }),
    authorEmail: z.preprocess(
      (value) => blankToUndefined(typeof value === 'string' ? value.trim() : value),
      z.email({ error: 'invalid' }).max(LIMITS.authorEmail, 'too_long').optional(),
    ),
    content: contentSchema,
    // The page's title and canonical link (optional; blank is "not given"): kept per article by the worker.
    articleTitle: z.preprocess(
      blankToUndefined,
      text({ max: LIMITS.articleTitle, trim: true, control: CONTROL_IN_NAME, remove: INVISIBLE }).optional(),
    ),
    articleUrl: z.preprocess(blankToUndefined, articleUrl.optional()),
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
  },
  { error: 'invalid' },
); // a body that is JSON but not an object

export type CommentSubmission = z.output<typeof commentSubmissionSchema>;

/** True when the hidden `website` field was filled in: only bots do that. */
export function honeypotFilled(website: unknown): boolean {
  return website !== undefined && website !== null && website !== '';
}
