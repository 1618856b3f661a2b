/** Helpers for moderator API tests: log in, and send requests with the session and CSRF token. */
import { afterAll, beforeAll } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/moderation/accounts/password.js';
import { newCommentId } from '../../src/comments/ids.js';
import type { Comment, SubmittedComment } from '../../src/comments/types.js';
import type { Verdict } from '../../src/filters/index.js';
import type { Services } from '../../src/services.js';

export const ADMIN_EMAIL = 'admin@example.vn';
export const ADMIN_PASSWORD = 'mat-khau-rat-dai-1';
export const adminEnv = { ADMIN_EMAIL, ADMIN_PASSWORD };
/**
 * A password the policy accepts (at least 12 characters, not a common one), for accounts that
 * tests create; src/admin/auth/password-policy.ts refuses short and common ones.
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


/** Creates a moderator account and logs it in. */
export async function addModerator(svc: TestService, role: 'admin' | 'moderator' = 'moderator'): Promise<Moderator> {
  const email = `mod-${randomUUID()}@example.vn`;
  await svc.services.moderators.createIfAbsent({ id: randomUUID(), email, role, passwordHash: await hashPassword(MODERATOR_PASSWORD) });
  return login(svc, email, MODERATOR_PASSWORD);
}

export const REVIEW_VERDICT: Verdict = {
  action: 'review',
  score: 0.5,
  reasons: [{ rule: 'profanity.vi', tier: 'review', match: 'abc', start: 0, end: 3 }],
  lexiconVersion: 'test-1',
};

let clock = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * Writes a pending comment straight through the store, as the moderation worker would, so
 * these tests do not depend on the accept path. createdAt increases by 1 ms per call unless given.
 */
export async function insertComment(
  services: Pick<Services, 'comments'>,
  overrides: Partial<SubmittedComment> & { status?: 'pending' | 'rejected' } = {},
): Promise<Comment> {
  clock += 1;
  const { status = 'pending', ...rest } = overrides;
  const comment: SubmittedComment = {
    id: newCommentId(),
    articleId: 'bai-viet-1',
    parentId: null,
    authorName: 'Nguyễn Văn A',
    authorEmail: 'a@example.vn',
    content: 'abc bình luận thử',
    ip: '203.0.113.9',
    userAgent: 'vitest',
    createdAt: new Date(clock).toISOString(),
    ...rest,
  };
  const { comment: stored } = await services.comments.saveModerated({
    comment,
    verdict: REVIEW_VERDICT,
    status,
    decidedBy: status === 'rejected' ? 'filter' : null,
    decisionReason: status === 'rejected' ? 'profanity.vi' : null,
  });
  return stored;
}

/**
 * For one describe block: a service on PostgreSQL without workers, with the bootstrap admin
 * (plus `env`), started before the tests and stopped after; `ready` receives it and the admin's
 * logged-in session.
 */
export function withAdminService(ready: (svc: TestService, admin: Moderator) => void, env: Record<string, string> = {}): void {
  let svc: TestService | undefined;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres', workers: false, env: { ...adminEnv, ...env } });
    ready(svc, await login(svc));
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
  }, 60_000);
}
