/** Helpers for moderator API tests: log in, and send requests with the session and CSRF token. */
import type { TestService } from '../helpers/service.js';

export const ADMIN_EMAIL = 'admin@example.vn';
export const ADMIN_PASSWORD = 'mat-khau-rat-dai-1';
export const adminEnv = { ADMIN_EMAIL, ADMIN_PASSWORD };

export interface Moderator {
  id: string;
  cookie: string;
  csrfToken: string;
  /** fetch with the session cookie (and the CSRF token unless `csrf: false`). */
  fetch(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
  post(path: string, body?: unknown, init?: { csrf?: boolean | string }): Promise<Response>;
}

export function sessionCookie(res: Response): string {
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('cm_session='));
  if (!setCookie) throw new Error('no session cookie');
  return setCookie.split(';')[0];
}

export async function login(
  svc: Pick<TestService, 'post' | 'fetch'>,
  email = ADMIN_EMAIL,
  password = ADMIN_PASSWORD,
): Promise<Moderator> {
  const res = await svc.post('/admin/api/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string }; csrfToken: string };
  const cookie = sessionCookie(res);
  const withSession = (init: RequestInit & { csrf?: boolean | string } = {}): RequestInit => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    if (init.csrf !== false) headers.set('x-csrf-token', typeof init.csrf === 'string' ? init.csrf : body.csrfToken);
    return { ...init, headers };
  };
  return {
    id: body.user.id,
    cookie,
    csrfToken: body.csrfToken,
    fetch: (path, init) => svc.fetch(path, withSession(init)),
    post: (path, payload, init = {}) =>
      svc.fetch(
        path,
        withSession({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload ?? {}),
          csrf: init.csrf,
        }),
      ),
  };
}
