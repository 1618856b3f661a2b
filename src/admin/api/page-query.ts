/** The query of the moderator API's searchable keyset lists (comments, articles): `q`, `limit`, `cursor`. */
import { z } from '@hono/zod-openapi';

export const searchPageQuery = z.object({
  // PostgreSQL refuses a NUL byte in text (SQLSTATE 22021): refuse it here as bad input, not a 500.
  q: z
    .string()
    .trim()
    .max(200)
    .refine((value) => !value.includes('\u0000'), 'invalid')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
