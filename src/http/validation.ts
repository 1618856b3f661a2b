/**
 * The one mapping from zod issues to the contract's `400 validation_failed`, with
 * `details.fields` naming each bad field (API.md). Every edge validates through here:
 *
 *   routes.get('/path', validate('query', schema), handler)      // a zValidator hook
 *   const input = parseInput(schema, value)                       // input read by hand
 *
 * A field is named by its path (`a.b`); an issue about the input as a whole by `whole`
 * (`_` unless told, `body` on POST /v1/comments). The first issue of a field wins, and its
 * message is the field's reason: schemas word their messages for the client.
 * Malformed JSON is Hono's own HTTPException(400), which app.onError maps to invalid_json.
 *
 * Text must be well-formed Unicode: JSON's `\ud800` escape yields a lone surrogate, which no
 * UTF-8 column can store (PostgreSQL's jsonb refuses it, text columns would silently turn it
 * into U+FFFD). It is refused here as validation_failed naming the field, unless a schema
 * checks its text itself (`checkText: false`, the comment submission).
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { hasLoneSurrogate } from '../util/text.js';

type Issues = ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;

export interface ValidationOptions {
  /** The name of the input as a whole in `details.fields` (default `_`). */
  whole?: string;
  /** Refuse lone surrogates in the parsed text (default true). */
  checkText?: boolean;
}

export function fieldsOf(issues: Issues, whole = '_'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || whole] ??= issue.message;
  return fields;
}

export function validationFailed(issues: Issues, whole?: string): AppError {
  return new AppError('validation_failed', { fields: fieldsOf(issues, whole) });
}

/**
 * The hook behind validate(), and the defaultHook of the routes declared for the OpenAPI
 * document (src/http/openapi/declare.ts): one mapping from a zod result to the contract.
 */
export function checkValidated(
  result: { success: true; data: unknown } | { success: false; error: { issues: Issues } },
  options: ValidationOptions = {},
): void {
  if (!result.success) throw validationFailed(result.error.issues, options.whole);
  if (options.checkText !== false) assertWellFormed(result.data);
}

/** The schema's output for `value`, or 400 validation_failed. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, options: ValidationOptions = {}): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(parsed.error.issues, options.whole);
  if (options.checkText !== false) assertWellFormed(parsed.data);
  return parsed.data;
}

export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S, options: ValidationOptions = {}) {
  return zValidator(target, schema, (result) => checkValidated(result, options));
}

/** Throws validation_failed naming every field (or key) of `value` whose text holds a lone surrogate. */
export function assertWellFormed(value: unknown): void {
  const fields: Record<string, string> = {};
  // Iterative: validated input is shallow, but nothing here should depend on that.
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (hasLoneSurrogate(item)) fields[path || '_'] ??= 'invalid text (lone surrogate)';
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const childPath = path ? `${path}.${key}` : key;
        if (hasLoneSurrogate(key)) fields[childPath] ??= 'invalid text (lone surrogate)';
        stack.push([child, childPath]);
      }
    }
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
}
