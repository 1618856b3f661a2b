/**
 * GET /admin/api/commenters?email=&ip= → {comments: [...]}: a commenter's comments (same
 * email or same IP), newest first, with their outcomes (session).
 */
import { z } from '@hono/zod-openapi';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import { moderatorJsonRoute, SESSION } from '../../http/openapi/schemas.js';
import type { Services } from '../../services.js';
import { AppError } from '../../errors.js';
import { requireSession } from '../auth/index.js';

// No control characters: PostgreSQL refuses a NUL in text (SQLSTATE 22021), which was a 500.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
export const commenterQuery = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .regex(NO_CONTROL, 'invalid')
    .optional()
    .transform((v) => v || undefined),
  ip: z
    .string()
    .trim()
    .max(45)
    .regex(NO_CONTROL, 'invalid')
    .optional()
    .transform((v) => v || undefined),
});

const historyRoute = moderatorJsonRoute(
  'get',
  '/',
  "A commenter's comments (same email or same IP), newest first, with their outcomes; email or ip is required",
  ['at most 100 comments', z.object({ comments: z.array(z.record(z.string(), z.unknown())) })],
  { security: SESSION, request: { query: commenterQuery }, errors: ['validation_failed'] },
);

export function commenterRoutes(services: Services): DocumentedRoutes {
  const routes = documentedRoutes();
  routes.use('*', requireSession(services));
  declareRoute(routes, historyRoute, async (c) => {
    const { email, ip } = c.req.valid('query');
    if (!email && !ip) throw new AppError('validation_failed', { fields: { email: 'email or ip is required' } });
    const comments = await services.commenterHistory.entries({ email, ip, limit: 100 });
    return c.json({ comments: comments.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })) });
  });
  return routes;
}
