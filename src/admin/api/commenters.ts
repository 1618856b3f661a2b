/**
 * GET /admin/api/commenters?email=&ip= → {comments: [...]}: a commenter's comments (same
 * email or same IP), newest first, with their outcomes (session).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { AppError } from '../../errors.js';
import { validate } from '../../http/validation.js';
import { requireSession } from '../auth/index.js';

// No control characters: PostgreSQL refuses a NUL in text (SQLSTATE 22021), which was a 500.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
export const commenterQuery = z.object({
  email: z.string().trim().max(254).regex(NO_CONTROL, 'invalid').optional().transform((v) => v || undefined),
  ip: z.string().trim().max(45).regex(NO_CONTROL, 'invalid').optional().transform((v) => v || undefined),
});

export function commenterRoutes(services: Services): Hono {
  const routes = new Hono();
  routes.use('*', requireSession(services));
  routes.get('/', validate('query', commenterQuery), async (c) => {
    const { email, ip } = c.req.valid('query');
    if (!email && !ip) throw new AppError('validation_failed', { fields: { email: 'email or ip is required' } });
    const comments = await services.commenterHistory.entries({ email, ip, limit: 100 });
    return c.json({ comments: comments.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })) });
  });
  return routes;
}
