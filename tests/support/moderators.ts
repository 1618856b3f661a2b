/** Moderators under test: the bootstrap admin, new accounts, and requests with their session and CSRF token. */
import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import { hashPassword } from '../../src/moderation/accounts/password.js';
import type { TestService, TestServiceOptions } from './service.js';
import { started, useTestService } from './hooks.js';

export const ADMIN_EMAIL = 'admin@example.vn';
export const ADMIN_PASSWORD = 'mat-khau-rat-dai-1';
export const adminEnv = { ADMIN_EMAIL, ADMIN_PASSWORD };
/**
 * A password the policy accepts (at least 12 characters, not a common one), for accounts that
 * tests create; src/util/password-policy.ts refuses short and common ones.
 */
export const MODERATOR_PASSWORD = 'mat-khau-kiem-duyet';

export interface Moderator {
  id: string;
  cookie: string;
  csrfToken: string;
  /** fetch with the session cookie (and the CSRF token unless `csrf: false`). */
  fetch(path: string, init?: RequestInit & { csrf?: boolean | string }): Promise<Response>;
  post(path: string, body?: unknown, init?: { csrf?: boolean | string }): Promise<Response>;
}

export function sessionCookie(res: Response): string {
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('cm_session='));
  if (!setCookie) throw new Error('no session cookie');
  return setCookie.split(';')[0];
}

export async function login(svc: Pick<TestService, 'post' | 'fetch'>, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<Moderator> {
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

/** Creates a moderator account and logs it in. */
export async function addModerator(svc: TestService, role: 'admin' | 'moderator' = 'moderator'): Promise<Moderator> {
  const email = `mod-${randomUUID()}@example.vn`;
  await svc.services.moderators.createIfAbsent({ id: randomUUID(), email, role, passwordHash: await hashPassword(MODERATOR_PASSWORD) });
  return login(svc, email, MODERATOR_PASSWORD);
}

/**
 * For one describe block: a service (on PostgreSQL and without workers unless asked) with the
 * bootstrap admin (plus `env`), started before the tests and stopped after; the tests read it
 * as `.svc` and the admin's logged-in session as `.admin`.
 */
export function useAdminService(options: Pick<TestServiceOptions, 'engine' | 'workers' | 'env'> = {}): {
  readonly svc: TestService;
  readonly admin: Moderator;
} {
  const service = useTestService({
    engine: options.engine ?? 'postgres',
    workers: options.workers ?? false,
    env: { ...adminEnv, ...options.env },
  });
  let admin: Moderator | undefined;
  beforeAll(async () => {
    admin = await login(service.svc);
  }, 60_000);
  return {
    get svc() {
      return service.svc;
    },
    get admin() {
      return started(admin, 'the admin session');
    },
  };
}
