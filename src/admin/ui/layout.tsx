/**
 * The page shell of every moderator page: header with navigation, the language switch,
 * logout, a skip link, a live region for messages, and the one client script. The CSRF token
 * travels in a meta tag the script reads; UI strings for the script travel in a data
 * attribute (never an inline script: the CSP forbids them).
 */
import type { Child, FC } from 'hono/jsx';
import type { SessionUser } from '../auth/index.js';
import { CSRF_FORM_FIELD } from '../auth/index.js';
import { clientStrings, translator, type UiLang } from './i18n/index.js';
import { ASSET_PATHS } from './assets.js';

export type NavKey = 'queue' | 'articles' | 'bans' | 'lexicon' | 'stats' | 'audit' | 'reasons' | 'users' | 'queues';

export interface PageContext {
  lang: UiLang;
  user: SessionUser;
  csrfToken: string;
  /** Path and query of this page, for the language switch. */
  path: string;
}

const NAV: Array<{ key: NavKey; href: string; adminOnly?: boolean }> = [
  { key: 'queue', href: '/admin/queue' },
  { key: 'articles', href: '/admin/articles' },
  { key: 'bans', href: '/admin/bans' },
  { key: 'lexicon', href: '/admin/lexicon' },
  { key: 'stats', href: '/admin/stats' },
  { key: 'audit', href: '/admin/audit' },
  // The preset reasons behind keys 1–9 of the queue: everyone reads them, admins edit them.
  { key: 'reasons', href: '/admin/reject-reasons' },
  { key: 'users', href: '/admin/users', adminOnly: true },
  // bull-board's own pages (src/admin/queue-dashboard.ts); its menu links back to the queue.
  { key: 'queues', href: '/admin/queues', adminOnly: true },
];

/** The same page with `lang` switched (the route then remembers it in a cookie). */
export function switchLangHref(path: string, lang: UiLang): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang === 'vi' ? 'en' : 'vi');
  return url.pathname + url.search;
}

export const Document: FC<{ lang: UiLang; title: string; bodyClass?: string; csrfToken?: string; children?: Child }> = (props) => {
  const tr = translator(props.lang);
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        {props.csrfToken ? <meta name="csrf-token" content={props.csrfToken} /> : null}
        <title>{`${props.title} · ${tr('app.title')}`}</title>
        <link rel="stylesheet" href={ASSET_PATHS.css} />
        <script type="module" src={ASSET_PATHS.js}></script>
      </head>
      <body class={props.bodyClass} data-i18n={JSON.stringify(clientStrings(props.lang))} data-lang={props.lang}>
        {props.children}
      </body>
    </html>
  );
};

/** The navigation list; `current` marks this page's entry. */
const NavList: FC<{ page: PageContext; current: NavKey }> = ({ page, current }) => {
  const tr = translator(page.lang);
  return (
    <ul>
      {NAV.filter((n) => !n.adminOnly || page.user.role === 'admin').map((n) => (
        <li>
          <a href={n.href} aria-current={n.key === current ? 'page' : undefined}>
            {tr(`nav.${n.key}`)}
          </a>
        </li>
      ))}
    </ul>
  );
};

/** Who is logged in, the language switch and logout. */
const Who: FC<{ page: PageContext }> = ({ page }) => {
  const tr = translator(page.lang);
  return (
    <div class="who">
      <span class="user" title={tr(`role.${page.user.role}`)}>
        {page.user.displayName ?? page.user.email}
        <span class="role">{tr(`role.${page.user.role}`)}</span>
      </span>
      <a href={switchLangHref(page.path, page.lang)} lang={page.lang === 'vi' ? 'en' : 'vi'}>
        {tr('nav.lang')}
      </a>
      <form method="post" action="/admin/logout" class="inline">
        <input type="hidden" name={CSRF_FORM_FIELD} value={page.csrfToken} />
        <button type="submit" class="link">
          {tr('nav.logout')}
        </button>
      </form>
    </div>
  );
};

/**
 * The header holds the navigation twice: a bar for wide screens and a details/summary menu for
 * phones. CSS shows exactly one of them (display: none hides the other from screen readers
 * too), so the menu collapses without any script.
 */
export const Layout: FC<{ page: PageContext; title: string; nav: NavKey; children?: Child }> = ({ page, title, nav, children }) => {
  const tr = translator(page.lang);
  return (
    <Document lang={page.lang} title={title} csrfToken={page.csrfToken}>
      <a class="skip" href="#main">
        {tr('common.skip')}
      </a>
      <header class="topbar">
        <a class="brand" href="/admin/queue">
          {tr('app.title')}
        </a>
        <nav class="nav-wide" aria-label={tr('nav.main')}>
          <NavList page={page} current={nav} />
        </nav>
        <div class="nav-wide who-wide">
          <Who page={page} />
        </div>
        <details class="nav-narrow">
          <summary>{tr('nav.menu')}</summary>
          <nav aria-label={tr('nav.main')}>
            <NavList page={page} current={nav} />
          </nav>
          <Who page={page} />
        </details>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      <div id="toasts" class="toasts" role="status" aria-live="polite"></div>
    </Document>
  );
};

/** A message box for a form's errors, filled by the client script. */
export const FormMessage: FC = () => <p class="form-message" role="alert" hidden></p>;
