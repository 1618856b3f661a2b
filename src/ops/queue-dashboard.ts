/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for admins only: see queues, inspect
 * jobs, retry failed ones. bull-board brings its own pages and JSON API; this file only
 * puts our guards in front of them.
 *
 * - No session: a browser asking for a page is redirected to /admin/login, anything else
 *   gets 401 unauthenticated. A moderator who is not an admin gets 403 forbidden.
 * - bull-board's own requests cannot carry our X-CSRF-Token, so state-changing ones
 *   (retry, clean, promote) are protected by the SameSite=Strict session cookie plus an
 *   Origin check here: a request whose Origin names another host is refused (csrf_failed).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { requireCsrf, requireRole, requireSession } from '../admin/auth/index.js';
import { AppError } from '../errors.js';
import type { Services } from '../services.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request sent from a page of another origin. Browsers send Origin
 * on every non-GET request, bull-board's own included; a write without Origin (not from a
 * browser page) must carry the session's CSRF token like every other admin write.
 */
export function sameOriginWrites(): MiddlewareHandler {
  const csrf = requireCsrf();
  return async function sameOriginWritesMiddleware(c, next) {
    const origin = c.req.header('origin');
    if (!SAFE_METHODS.has(c.req.method) && origin === undefined) return csrf(c, next);
    if (!SAFE_METHODS.has(c.req.method) && origin !== undefined) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost !== c.req.header('host')) throw new AppError('csrf_failed');
    }
    await next();
  };
}

export function queueDashboardRoutes(services: Services, basePath = QUEUE_DASHBOARD_PATH): Hono {
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(basePath);
  createBullBoard({
    queues: services.queues.all().map((q) => new BullMQAdapter(q)),
    // @bull-board/hono 9.10.1 declares its own nested copy of @bull-board/api's types (we run
    // api 9.10.2); the runtime contract is the same, only the private fields' declarations differ.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Hàng đợi bình luận' } },
  });

  const routes = new Hono();
  routes.use(
    '*',
    requireSession(services, {
      onMissing: (c) => {
        const wantsPage = c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html');
        if (wantsPage) return c.redirect(`/admin/login?next=${encodeURIComponent(basePath)}`, 302);
        throw new AppError('unauthenticated');
      },
    }),
  );
  routes.use('*', requireRole('admin'));
  routes.use('*', sameOriginWrites());
  routes.route('/', serverAdapter.registerPlugin());
  return routes;
}
