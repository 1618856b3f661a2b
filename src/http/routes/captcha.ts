/**
 * `GET /v1/captcha`: a fresh single-use captcha. Rate limited per client IP
 * (RATE_LIMIT_CAPTCHAS); never cached, because every answer is a new secret.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../../services.js';
import { createRateLimiter, rateLimit } from '../middleware/rate-limit/index.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../openapi/declare.js';
import { errorAnswers, jsonAnswer } from '../openapi/schemas.js';

const issuedCaptcha = z.object({
  id: z.string().openapi({ description: 'opaque; send it back as captchaId' }),
  image: z.string().openapi({ description: 'data:image/png;base64,… or data:image/svg+xml;base64,…' }),
  expiresIn: z.number().int().openapi({ description: 'seconds', example: 300 }),
});

export function captchaRoutes(services: Services): DocumentedRoutes {
  const { config, keys, redis, captcha } = services;
  const limiter = createRateLimiter({
    redis,
    keyPrefix: keys.rateLimit('captcha'),
    points: config.rateLimits.captchas.points,
    durationSeconds: config.rateLimits.captchas.durationSeconds,
  });
  const routes = documentedRoutes();

  const issue = createRoute({
    method: 'get',
    path: '/captcha',
    tags: ['Public API'],
    summary: 'A fresh single-use captcha (Cache-Control: no-store)',
    middleware: [rateLimit({ limiter })],
    responses: { 200: jsonAnswer('the captcha', issuedCaptcha), ...errorAnswers('rate_limited', 'unavailable') },
  });
  declareRoute(routes, issue, async (c) => {
    const issued = await captcha.issue();
    c.header('Cache-Control', 'no-store');
    return c.json(issued);
  });

  return routes;
}
