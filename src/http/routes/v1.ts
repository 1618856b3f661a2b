/** The public API under /v1, as one router: captchas, comment submission, public reads. */
import { Hono } from 'hono';
import type { Services } from '../../services.js';
import { captchaRoutes } from './captcha.js';
import { publicCommentRoutes } from './comments.js';
import { publicReadRoutes } from './public-read.js';

export function publicApiRoutes(services: Services): Hono {
  const v1 = new Hono();
  v1.route('/', captchaRoutes(services));
  v1.route('/', publicCommentRoutes(services));
  v1.route('/', publicReadRoutes(services));
  return v1;
}
