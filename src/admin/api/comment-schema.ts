/**
 * The Comment of the moderator API (API.md) as a schema, for the OpenAPI document. The
 * compile-time check below keeps it and src/admin/api/serialize.ts's AdminComment the same shape.
 */
import { z } from '@hono/zod-openapi';
import type { AdminComment } from './serialize.js';

const reason = z.object({
  rule: z.string().openapi({ example: 'profanity.vi' }),
  tier: z.enum(['review', 'block']),
  match: z.string(),
  start: z.number().int().openapi({ description: 'UTF-16 index into content, as JavaScript strings count' }),
  end: z.number().int(),
  confidence: z.number().optional().openapi({ description: 'only on reasons of the span model, 0..1' }),
});

export const adminCommentSchema = z
  .object({
    id: z.string(),
    articleId: z.string(),
    parentId: z.string().nullable(),
    authorName: z.string(),
    authorEmail: z.string().nullable(),
    content: z.string(),
    status: z.enum(['queued', 'pending', 'approved', 'rejected']),
    createdAt: z.string(),
    decidedBy: z.string().nullable().openapi({ description: '"filter" or a moderator id' }),
    decidedAt: z.string().nullable(),
    verdict: z.object({ action: z.enum(['pass', 'review', 'block']), score: z.number(), reasons: z.array(reason) }).nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    decisionReason: z.string().nullable(),
    lexiconVersion: z.string().nullable(),
    publishedAt: z.string().nullable(),
    moderatedAt: z.string().nullable().openapi({ description: "when the filter's result was stored; null while queued" }),
    originalContent: z
      .string()
      .nullable()
      .openapi({ description: "the reader's own text once a moderator edited it; null when never edited" }),
    editedBy: z.string().nullable().openapi({ description: 'moderator id of the last edit' }),
    editedAt: z.string().nullable(),
    article: z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable() }),
    parent: z
      .object({ id: z.string(), authorName: z.string(), content: z.string() })
      .nullable()
      .openapi({ description: 'the comment this one answers' }),
  })
  .openapi('Comment');

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesAdminComment: Same<z.infer<typeof adminCommentSchema>, AdminComment> = true;
void schemaMatchesAdminComment;
