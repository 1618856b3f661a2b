/** The public API under /v1, as one router: captchas, comment submission, readers' likes and reports, public reads. */
import { documentedRoutes, type DocumentedRoutes } from '../openapi/declare.js';
import type { Services } from '../../services.js';
import { captchaRoutes } from './captcha.js';
import { publicCommentRoutes } from './comments.js';
import { publicReadRoutes } from './public-read.js';
import { reactionRoutes } from './reactions.js';

export function publicApiRoutes(services: Services): DocumentedRoutes {
  // Documented: app.route() merges each router's declarations into GET /openapi.json.
  const v1 = documentedRoutes();
  v1.route('/', captchaRoutes(services));
  v1.route('/', publicCommentRoutes(services));
  v1.route('/', reactionRoutes(services));
  v1.route('/', publicReadRoutes(services));
  return v1;
}
