/**
 * `GET /v1/captcha`: a fresh single-use captcha. Rate limited per client IP
 * (RATE_LIMIT_CAPTCHAS); never cached, because every answer is a new secret.
 *
 * The limit is not the rateLimit() middleware: the captcha service counts it in the same Redis
 * round trip that takes the image and stores the answer (src/captcha/store.ts), on the counter
 * the middleware would use (limiter.counter), so the limit and its 429 are the same. The
 * answer's headers are a plain object: c.header() costs a web Headers object per request
 * (src/http/hot-path/README.md has the figures).
 *
 * The body is written as bytes, not JSON.stringify(): the image (~5 KB) stays the bytes Redis
 * sent, copied between the JSON around it (captchaJson below; docs/BENCHMARKS.md has the figures).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { IssuedCaptcha } from '../../captcha/index.js';
import type { Services } from '../../services.js';
import { createRateLimiter, ipBucket } from '../middleware/rate-limit/index.js';
import { declareRoute, documentedRoutes, type DocumentedRoutes } from '../openapi/declare.js';
import { errorAnswers, jsonAnswer } from '../openapi/schemas.js';

const issuedCaptcha = z.object({
  id: z.string().openapi({ description: 'opaque; send it back as captchaId' }),
  image: z.string().openapi({ description: 'data:image/png;base64,… or data:image/svg+xml;base64,…' }),
  expiresIn: z.number().int().openapi({ description: 'seconds', example: 300 }),
});

const NO_STORE_JSON = { 'cache-control': 'no-store', 'content-type': 'application/json' };

const ID_OPEN = Buffer.from('{"id":"');
const IMAGE_OPEN = Buffer.from('","image":"');

/**
 * `{"id":…,"image":…,"expiresIn":…}`, what JSON.stringify(issued) would write, made of bytes:
 * the id is base64url and the image a data URL of bytes that need no escaping (the captcha
 * service's promise, src/captcha/store.ts), so both are copied as they are.
 */
export function captchaJson({ id, image, expiresIn }: IssuedCaptcha): Buffer<ArrayBuffer> {
  const tail = `","expiresIn":${expiresIn}}`;
  const body = Buffer.allocUnsafe(ID_OPEN.length + id.length + IMAGE_OPEN.length + image.length + tail.length);
  let at = ID_OPEN.copy(body, 0);
  at += body.write(id, at, 'latin1');
  at += IMAGE_OPEN.copy(body, at);
  at += image.copy(body, at);
  body.write(tail, at, 'latin1');
  return body;
}

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
    responses: { 200: jsonAnswer('the captcha', issuedCaptcha), ...errorAnswers('rate_limited', 'unavailable') },
  });
  declareRoute(routes, issue, async (c) => {
    const issued = await captcha.issue(limiter.counter(ipBucket(c.get('clientIp'))));
    return new Response(captchaJson(issued), { status: 200, headers: NO_STORE_JSON });
  });

  return routes;
}
