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
 * - Every answer (page, JSON, assets, refusals) can never be framed (CSP frame-ancestors
 *   'none', X-Frame-Options DENY) and is never cached (no-store). The dashboard is
 *   self-contained: bull-board's page template links Google Fonts, which offlineDashboard()
 *   strips (the page falls back to the system sans-serif), and the CSP allows no other origin,
 *   so anything such an upgrade brings back is refused by the browser rather than fetched.
 * - Bad input is a 400, never a 5xx: dashboardInput() checks the query values bull-board reads
 *   (it decodes some of them again, and hands `status` straight to BullMQ), and its error
 *   handler is replaced by one that answers our error shape, 503 when Redis is down, and never
 *   the exception's message or stack (bull-board's own sends both in development).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isOwnOrigin, requireCsrf, requireRole, requireSession } from './auth/index.js';
import { AppError } from '../errors.js';
import { errorMessages } from '../http/messages.js';
import { statusOf, toAppError } from '../http/errors.js';
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
    if (!SAFE_METHODS.has(c.req.method) && origin !== undefined && !isOwnOrigin(c, origin)) throw new AppError('csrf_failed');
    await next();
  };
}

/**
 * The dashboard's policy: everything from this origin; inline styles only because bull-board's
 * page carries style attributes and a <style> element (its scripts stay 'self' only); <base
 * href> needs base-uri 'self'.
 */
export const dashboardSecureHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
});

/** A <link> or <script> whose URL names another origin (absolute or protocol-relative). */
const EXTERNAL_TAG =
  /<link\b[^>]*\bhref\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\/[^>]*>\s*|<script\b[^>]*\bsrc\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\/[^>]*>\s*<\/script>\s*/gi;

export function stripExternalTags(html: string): string {
  return html.replace(EXTERNAL_TAG, '');
}

/** no-store on every answer; bull-board's HTML without tags that load from another origin. */
export function offlineDashboard(): MiddlewareHandler {
  return async function offlineDashboardMiddleware(c, next) {
    await next();
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html') && c.res.body) {
      const headers = new Headers(c.res.headers);
      headers.delete('content-length');
      c.res = new Response(stripExternalTags(await c.res.text()), { status: c.res.status, headers });
    }
    c.res.headers.set('Cache-Control', 'no-store');
  };
}

const JOB_STATUSES = new Set([
  'latest',
  'active',
  'waiting',
  'waiting-children',
  'prioritized',
  'completed',
  'failed',
  'delayed',
  'paused',
]);
const COUNT = /^\d{1,6}$/;
const MILLIS = /^\d{1,15}$/;

/** Why a query value bull-board reads is refused, or null when it is fine. */
function badDashboardQuery(name: string, value: string): string | null {
  try {
    decodeURIComponent(value); // bull-board decodes activeQueue and queueName a second time
  } catch {
    return 'malformed percent-encoding';
  }
  if (name === 'status' && !JOB_STATUSES.has(value)) return 'unknown job status';
  if (['page', 'jobsPerPage', 'depth', 'maxChildren'].includes(name) && !COUNT.test(value)) return 'a whole number';
  if (['from', 'to'].includes(name) && !MILLIS.test(value)) return 'milliseconds since 1970';
  return null;
}

/** 400 validation_failed for query values bull-board would throw on (a 500 before). */
export function dashboardInput(): MiddlewareHandler {
  return async function dashboardInputMiddleware(c, next) {
    const fields: Record<string, string> = {};
    for (const [name, values] of Object.entries(c.req.queries())) {
      for (const value of values) {
        const problem = badDashboardQuery(name, value);
        if (problem) fields[name] ??= problem;
      }
    }
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
    await next();
  };
}

/**
 * bull-board's handler for what its handlers throw: our error shape (with bull-board's `key`,
 * which its page translates), 503 when Redis is unreachable, a logged 500 otherwise.
 */
function dashboardErrorHandler(services: Services) {
  return (error: Error & { statusCode?: number }) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : undefined;
    const appError = status ? new AppError(status === 404 ? 'not_found' : 'validation_failed') : toAppError(error);
    if (appError.code === 'internal_error') services.logger.error({ err: error }, 'queue dashboard error');
    const key = appError.code === 'internal_error' ? 'ERRORS.INTERNAL_SERVER_ERROR' : `ERRORS.${appError.code.toUpperCase()}`;
    return {
      status: (status ?? statusOf[appError.code]) as 500,
      body: { error: { code: appError.code, message: errorMessages[appError.code].vi, key } },
    };
  };
}

export function queueDashboardRoutes(services: Services, basePath = QUEUE_DASHBOARD_PATH): Hono {
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(basePath);
  createBullBoard({
    queues: services.queues.all().map((q) => new BullMQAdapter(q)),
    // @bull-board/hono 9.10.1 declares its own nested copy of @bull-board/api's types (we run
    // api 9.10.2); the runtime contract is the same, only the private fields' declarations differ.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    // miscLinks: bull-board's header menu, the way back to the moderator pages.
    options: {
      uiConfig: {
        boardTitle: 'Hàng đợi bình luận',
        miscLinks: [
          { text: '← Về hàng chờ duyệt', url: '/admin/queue' },
          { text: 'Bài viết', url: '/admin/articles' },
        ],
      },
    },
  });
  serverAdapter.setErrorHandler(dashboardErrorHandler(services));

  const routes = new Hono();
  routes.use('*', dashboardSecureHeaders, offlineDashboard());
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
  routes.use('/api/*', dashboardInput());
  routes.route('/', serverAdapter.registerPlugin());
  return routes;
}
