/**
 * Validation at the edge of the moderator API: zod schemas through @hono/zod-validator, with
 * one hook that answers the contract's `400 validation_failed` naming each bad field.
 * Malformed JSON is Hono's own HTTPException(400), which app.onError maps to invalid_json.
 *
 * Text must be well-formed Unicode: JSON's `\ud800` escape yields a lone surrogate, which no
 * UTF-8 column can store (PostgreSQL's jsonb refuses it, text columns would silently turn it
 * into U+FFFD). It is refused here as validation_failed naming the field.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { hasLoneSurrogate } from '../util/text.js';

export function fieldsOf(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return zValidator(target, schema, checkValidated);
}

/**
 * The hook behind validate(), and the defaultHook of the routes declared for the OpenAPI
 * document (src/http/openapi/routes.ts): one mapping from a zod result to the contract.
 */
export function checkValidated(result: { success: true; data: unknown } | { success: false; error: Parameters<typeof fieldsOf>[0] }): void {
  if (!result.success) throw new AppError('validation_failed', { fields: fieldsOf(result.error) });
  assertWellFormed(result.data);
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
