/**
 * The moderator JSON API under /admin/api. Login is the only route without a session; every
 * other route needs one (401 unauthenticated), and every state-changing one also needs the
 * session's CSRF token (403 csrf_failed), checked in that order.
 */
import { documentedRoutes, type DocumentedRoutes } from '../../http/openapi/declare.js';
import type { Services } from '../../services.js';
import { authRoutes } from './auth-routes.js';
import { EventHub } from './events-hub.js';
import { commentRoutes, eventRoutes } from './routes.js';

export function adminApiRoutes(services: Services): DocumentedRoutes {
  const hub = new EventHub({ redisUrl: services.config.redisUrl, channel: services.keys.eventsChannel, logger: services.logger });
  services.onClose(() => hub.close());

  const api = documentedRoutes();
  api.route('/', authRoutes(services));
  api.route('/comments', commentRoutes(services));
  api.route('/events', eventRoutes(services, hub));
  return api;
}
