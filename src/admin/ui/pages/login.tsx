/** The login form. A plain POST (no script needed); errors and "session expired" show above it. */
import type { FC } from 'hono/jsx';
import { Document } from '../layout.js';
import { translator, type UiLang } from '../i18n/index.js';

export const LoginPage: FC<{ lang: UiLang; next: string; notice?: string; error?: string; email?: string }> = (p) => {
  const tr = translator(p.lang);
  return (
    <Document lang={p.lang} title={tr('login.title')} bodyClass="login-page">
      <main id="main">
        <form class="login" method="post" action="/admin/login">
          <h1>{tr('login.heading')}</h1>
          {p.notice ? (
            <p class="notice" role="status">
              {p.notice}
            </p>
          ) : null}
          {p.error ? (
            <p class="error" role="alert">
              {p.error}
            </p>
          ) : null}
          <input type="hidden" name="next" value={p.next} />
          <div>
            <label for="email">{tr('login.email')}</label>
            <input id="email" name="email" type="email" autocomplete="username" required value={p.email ?? ''} autofocus />
          </div>
          <div>
            <label for="password">{tr('login.password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit" class="primary">
            {tr('login.submit')}
          </button>
          <p class="hint">
            <a href={`/admin/login?lang=${p.lang === 'vi' ? 'en' : 'vi'}`} lang={p.lang === 'vi' ? 'en' : 'vi'}>
              {tr('nav.lang')}
            </a>
          </p>
        </form>
      </main>
    </Document>
  );
};
