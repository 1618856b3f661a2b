/**
 * The moderator JSON API under /admin/api. Login is the only route without a session; every
 * other route needs one (401 unauthenticated), and every state-changing one also needs the
 * session's CSRF token (403 csrf_failed), checked in that order. Each file below declares its
 * routes with inline Hono handlers that call one domain service of `services`.
 */
import { documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import type { Services } from '../../services.js';
import { articleRoutes } from './articles.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth-routes.js';
import { banRoutes } from './bans.js';
import { commenterRoutes } from './commenters.js';
import { EventHub } from './events-hub.js';
import { lexiconRoutes } from './lexicon.js';
import { privacyRoutes } from './privacy.js';
import { rejectReasonRoutes } from './reject-reasons.js';
import { commentRoutes, eventRoutes } from './routes.js';
import { statsRoutes } from './stats.js';
import { userRoutes } from './users.js';

export function adminApiRoutes(services: Services): DocumentedRoutes {
  const hub = new EventHub({ redis: services.config, channel: services.keys.eventsChannel, logger: services.logger });
  services.onClose(() => hub.close());

  const api = documentedRoutes();
  api.route('/', authRoutes(services));
  api.route('/comments', commentRoutes(services));
  api.route('/articles', articleRoutes(services));
  api.route('/events', eventRoutes(services, hub));
  api.route('/privacy', privacyRoutes(services));
  api.route('/bans', banRoutes(services));
  api.route('/lexicon', lexiconRoutes(services));
  api.route('/reject-reasons', rejectReasonRoutes(services));
  api.route('/users', userRoutes(services));
  api.route('/commenters', commenterRoutes(services));
  api.route('/stats', statsRoutes(services));
  api.route('/audit', auditRoutes(services));
  return api;
}
