/**
 * Validation at the edge of the moderator API: zod schemas through @hono/zod-validator, with
 * one hook that answers the contract's `400 validation_failed` naming each bad field.
 * Malformed JSON is Hono's own HTTPException(400), which app.onError maps to invalid_json.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../errors.js';

export function fieldsOf(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw new AppError('validation_failed', { fields: fieldsOf(result.error) });
  });
}
