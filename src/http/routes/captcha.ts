/**
 * `GET /v1/captcha`: a fresh single-use captcha. Rate limited per client IP
 * (RATE_LIMIT_CAPTCHAS); never cached, because every answer is a new secret.
 */
import { Hono } from 'hono';
import type { Services } from '../../services.js';
import { createRateLimiter, rateLimit } from '../middleware/rate-limit/index.js';

export function captchaRoutes(services: Services): Hono {
  const { config, keys, redis, captcha } = services;
  const limiter = createRateLimiter({
    redis,
    keyPrefix: keys.rateLimit('captcha'),
    points: config.rateLimits.captchas.points,
    durationSeconds: config.rateLimits.captchas.durationSeconds,
  });
  const routes = new Hono();

  routes.get('/captcha', rateLimit({ limiter }), async (c) => {
    const issued = await captcha.issue();
    c.header('Cache-Control', 'no-store');
    return c.json(issued);
  });

  return routes;
}
