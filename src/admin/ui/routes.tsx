/**
 * The moderator pages under /admin. Every page needs a session (no session: redirect to the
 * login form, with "session expired" when a cookie was sent); pages send a strict CSP without
 * inline scripts or styles. Routes stay thin: read the query, load through a store or a
 * domain service, render.
 *
 * Middleware is attached per route, not with use('*'): this sub-app is mounted at /admin, and
 * a '*' middleware would also run for /admin/api (JSON) and /admin/queues (dashboard).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { toAppError } from '../../http/errors.js';
import { serveStaticAsset } from '../../http/static-asset.js';
import { errorMessages } from '../../http/messages.js';
import type { Services } from '../../services.js';
import { TABS } from '../../store/comment-listing.js';
import { decodeCursor, encodeCursor } from '../../store/page-cursor.js';
import {
  endBrowserSession,
  refuseCrossSiteLogin,
  requireCsrf,
  requireSession,
  SESSION_COOKIE,
  startBrowserSession,
} from '../auth/index.js';
import { commenterQuery } from '../api/commenters.js';
import { cssAsset, scriptAsset } from './assets.js';
import { inQueueContext, listReported } from './queue-comments.js';
import { QUEUE_TABS } from './components/card-context.js';
import { resolveUiLang, t, type UiLang } from './i18n/index.js';
import type { PageContext } from './layout.js';
import { mountNewsroomPages } from './newsroom-routes.js';
import { BansPage } from './pages/bans.js';
import { CommenterPage } from './pages/commenter.js';
import { LexiconPage } from './pages/lexicon.js';
import { LoginPage } from './pages/login.js';
import { QueuePage } from './pages/queue.js';
import { RejectReasonsPage } from './pages/reject-reasons.js';
import { StatsPage } from './pages/stats.js';
import { UsersPage } from './pages/users.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Language of the moderator pages (cookie or ?lang=). */
    uiLang: UiLang;
  }
}

const LANG_COOKIE = 'cm_lang';
export const PAGE_SIZE = 30;

/** default-src 'self', no inline script or style, no framing. */
export const adminSecureHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
});

/** Language: ?lang= wins and is remembered for a year; then the cookie; then Vietnamese. */
const uiLanguage: MiddlewareHandler = async function uiLanguage(c, next) {
  const query = c.req.query('lang');
  const lang = resolveUiLang(query, getCookie(c, LANG_COOKIE));
  if (query === 'vi' || query === 'en') {
    setCookie(c, LANG_COOKIE, lang, { path: '/admin', sameSite: 'Lax', maxAge: 365 * 86_400, httpOnly: true });
  }
  c.set('uiLang', lang);
  await next();
};

const noStore: MiddlewareHandler = async function noStore(c, next) {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** A local path under /admin, never another site (no open redirect through ?next=). */
/**
 * Where to come back to after logging in. A very long query (a pasted search) is dropped
 * rather than echoed: every character of it would be encoded again into the Location header.
 */
function returnPath(requestUrl: string): string {
  const url = new URL(requestUrl);
  const full = url.pathname + url.search;
  return full.length <= 1_000 ? full : url.pathname.slice(0, 1_000);
}

function safeNext(value: string | undefined): string {
  const fallback = '/admin/queue';
  // CR/LF or other control characters would end up in the Location header (a 500, or worse).
  if (!value || /[\u0000-\u001f\u007f-\u009f]/.test(value)) return fallback;
  // Resolved as the browser would (dot segments, backslashes), then percent-encoded, so the
  // Location header holds plain ASCII and names the path that is really opened.
  const base = 'http://admin.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  return url.origin === base && value.startsWith('/') && /^\/admin(\/[^/\\]|$|\?)/.test(path) && !path.startsWith('/admin/login')
    ? path
    : fallback;
}

const render = (c: Context, page: JSX.Element, status: 200 | 400 | 401 | 403 | 404 | 429 | 503 = 200) =>
  c.html(`<!DOCTYPE html>${String(page)}`, status);

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
const queueQuery = z.object({
  tab: z.enum(QUEUE_TABS).catch('pending'),
  article: text(200),
  rule: text(60),
  q: text(200),
  cursor: text(400),
});

export function adminUiRoutes(services: Services): Hono {
  const ui = new Hono();
  const { commentListing: listing, commenterHistory: history, moderators, banService, lexiconService, statsService } = services;

  const pageSession = requireSession(services, {
    onMissing: (c) => {
      const expired = getCookie(c, SESSION_COOKIE) ? 'expired=1&' : '';
      return c.redirect(`/admin/login?${expired}next=${encodeURIComponent(returnPath(c.req.url))}`, 303);
    },
  });
  const page = [adminSecureHeaders, noStore, uiLanguage, pageSession] as const;
  const pageContext = (c: Context): PageContext => {
    const url = new URL(c.req.url);
    url.searchParams.delete('lang');
    return { lang: c.get('uiLang'), user: c.get('moderator'), csrfToken: c.get('session').csrfToken, path: url.pathname + url.search };
  };
  /** Admin-only pages answer a page, not JSON, to a moderator who follows a link. */
  const adminOnly: MiddlewareHandler = async (c, next) => {
    if (c.get('moderator').role !== 'admin') return render(c, <p>{t(c.get('uiLang'), 'common.forbidden')}</p>, 403);
    await next();
  };

  mountNewsroomPages(ui, services, { page, pageContext, render });

  // --- static assets (no session: the login page needs them) ---
  ui.get('/assets/admin.css', ...serveStaticAsset(() => cssAsset, 'no-cache'));
  ui.get('/assets/admin.js', ...serveStaticAsset(scriptAsset, 'no-cache'));

  // --- login / logout ---
  ui.get('/login', adminSecureHeaders, noStore, uiLanguage, (c) => {
    const lang = c.get('uiLang');
    const notice = c.req.query('expired') ? t(lang, 'login.expired') : c.req.query('out') ? t(lang, 'login.loggedOut') : undefined;
    return render(c, <LoginPage lang={lang} next={safeNext(c.req.query('next'))} notice={notice} />);
  });

  // Another site's page may not log the browser in (login CSRF, src/admin/auth/origin.ts):
  // refused before uiLanguage, so not even the language cookie is set.
  const crossSiteLogin = refuseCrossSiteLogin(services, {
    onRefused: (c) => {
      const lang = resolveUiLang(c.req.query('lang'), getCookie(c, LANG_COOKIE));
      return render(c, <LoginPage lang={lang} next="/admin/queue" error={errorMessages.csrf_failed[lang]} />, 403);
    },
  });
  ui.post('/login', adminSecureHeaders, noStore, crossSiteLogin, uiLanguage, async (c) => {
    const lang = c.get('uiLang');
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const email = field('email').trim().slice(0, 254);
    const next = safeNext(field('next'));
    try {
      if (!email || !field('password')) throw new AppError('invalid_credentials');
      await startBrowserSession(c, services, { email, password: field('password').slice(0, 1024), clientIp: c.get('clientIp') });
      return c.redirect(next, 303);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal_error') throw error;
      if (appError.retryAfterSeconds) c.header('Retry-After', String(appError.retryAfterSeconds));
      const status = appError.code === 'rate_limited' ? 429 : appError.code === 'unavailable' ? 503 : 401;
      return render(c, <LoginPage lang={lang} next={next} email={email} error={errorMessages[appError.code][lang]} />, status);
    }
  });

  ui.post('/logout', noStore, requireSession(services, { onMissing: (c) => c.redirect('/admin/login', 303) }), requireCsrf(), async (c) => {
    await endBrowserSession(c, services);
    return c.redirect('/admin/login?out=1', 303);
  });

  // --- the queue ---
  const presetTexts = async () => (await services.rejectReasonService.list()).map((r) => r.text);
  ui.get('/', ...page, (c) => c.redirect('/admin/queue', 302));
  ui.get('/queue', ...page, async (c) => {
    const query = queueQuery.parse(c.req.query());
    // A damaged cursor is treated as none: the first page.
    const after = (query.cursor && decodeCursor(query.cursor)) || undefined;
    const filters = { article: query.article, rule: query.rule, q: query.q };
    const [list, counts, presets] = await Promise.all([
      query.tab === 'reported'
        ? listReported(services, { articleId: query.article, limit: PAGE_SIZE, after })
        : listing.list({
            ...TABS[query.tab],
            articleId: query.article,
            rule: query.rule,
            q: query.q,
            qInEmail: true,
            limit: PAGE_SIZE,
            after,
          }),
      listing.tabCounts(),
      presetTexts(),
    ]);
    const [histories, moderatorNames, comments] = await Promise.all([
      history.summaries(list.items.map((cm) => cm.id)),
      moderators.emailsByIds(list.items.flatMap((cm) => [cm.decidedBy ?? '', cm.editedBy ?? ''])),
      inQueueContext(services, list.items),
    ]);
    return render(
      c,
      <QueuePage
        page={pageContext(c)}
        tab={query.tab}
        filters={filters}
        counts={counts}
        comments={comments}
        histories={histories}
        moderatorNames={moderatorNames}
        nextCursor={list.next && encodeCursor(list.next)}
        isFirstPage={!after}
        now={new Date()}
        presets={presets}
      />,
    );
  });

  ui.get('/commenters', ...page, async (c) => {
    const parsed = commenterQuery.safeParse(c.req.query());
    const { email, ip } = parsed.success ? parsed.data : { email: undefined, ip: undefined };
    const entries = await history.entries({ email, ip, limit: 100 });
    return render(c, <CommenterPage page={pageContext(c)} email={email} ip={ip} entries={entries} />);
  });

  // --- bans, word lists, accounts, audit, statistics ---
  ui.get('/bans', ...page, async (c) => {
    const active = await banService.listActive();
    const names = await moderators.emailsByIds(active.map((b) => b.createdBy));
    const prefill = { email: c.req.query('email')?.slice(0, 254), ip: c.req.query('ip')?.slice(0, 45) };
    return render(c, <BansPage page={pageContext(c)} bans={active} names={names} prefill={prefill} />);
  });

  ui.get('/lexicon', ...page, async (c) => {
    const entries = await lexiconService.list();
    const names = await moderators.emailsByIds(entries.map((e) => e.createdBy));
    return render(c, <LexiconPage page={pageContext(c)} entries={entries} names={names} />);
  });

  ui.get('/reject-reasons', ...page, async (c) => {
    const reasons = await services.rejectReasonService.list();
    const names = await moderators.emailsByIds(reasons.map((r) => r.createdBy));
    return render(c, <RejectReasonsPage page={pageContext(c)} reasons={reasons} names={names} />);
  });

  ui.get('/users', ...page, adminOnly, async (c) => {
    return render(c, <UsersPage page={pageContext(c)} users={await moderators.list()} />);
  });

  ui.get('/stats', ...page, async (c) => {
    const now = new Date();
    return render(c, <StatsPage page={pageContext(c)} stats={await statsService.load(now)} now={now} />);
  });

  return ui;
}
