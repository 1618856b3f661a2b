/**
 * Everything under /admin as one router: the JSON API (/admin/api), the queue dashboard
 * (/admin/queues), and the moderator pages with their assets (/admin/…). src/http/app.ts
 * mounts it with one line.
 */
import { documentedRoutes, type DocumentedRoutes } from '../http/openapi/declare.js';
import { secureHeaders } from 'hono/secure-headers';
import type { Services } from '../services.js';
import { adminApiRoutes } from './api/index.js';
import { queueDashboardRoutes } from './queue-dashboard.js';
import { adminUiRoutes } from './ui/routes.js';

export function adminRoutes(services: Services): DocumentedRoutes {
  // Documented: app.route() merges the JSON API's declarations into GET /openapi.json.
  const admin = documentedRoutes();
  // Admin JSON: never sniffed as HTML, never framed (the pages and the dashboard set their own CSP).
  admin.use('/api/*', secureHeaders({ xFrameOptions: 'DENY' }));
  admin.route('/api', adminApiRoutes(services));
  admin.route('/queues', queueDashboardRoutes(services));
  admin.route('/', adminUiRoutes(services));
  return admin;
}
