/**
 * The queue page and GET /admin/api/comments page through one listing whose cursor keeps
 * PostgreSQL's microseconds. Two comments 300 µs apart share a millisecond: a cursor rounded to
 * milliseconds would list the older one twice (oldest first) or skip it (newest first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/admin/ui/routes.js';
import { insertComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { adminEnv, login, type Moderator } from '../support/moderators.js';
import { startTestService, type TestService } from '../support/service.js';

describe.each(ENGINES)('listing cursors keep microseconds (%s)', (engine) => {
  let svc: TestService;
  let admin: Moderator;
  beforeAll(async () => {
    svc = await startTestService({ engine, workers: false, env: adminEnv });
    admin = await login(svc);
  }, 120_000);
  afterAll(() => svc?.stop(), 60_000);

  /** `count` comments a millisecond apart, then two more 300 µs apart inside one millisecond. */
  async function seed(articleId: string, count: number, status: 'pending' | 'rejected'): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString();
      ids.push((await insertComment(svc.services, { articleId, status, createdAt })).id);
    }
    for (const micros of ['500100', '500400']) {
      ids.push((await insertComment(svc.services, { articleId, status, createdAt: `2026-01-01T00:00:01.${micros}Z` })).id);
    }
    return ids;
  }

  async function apiPages(query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.fetch(`/admin/api/comments?${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { comments: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...body.comments.map((c) => c.id));
      cursor = body.nextCursor;
    } while (cursor && seen.length < 10);
    return seen;
  }

  it('API: every comment once, oldest first for pending and newest first for rejected', async () => {
    const pending = await seed(`us-api-p-${engine}`, 1, 'pending');
    expect(await apiPages(`status=pending&articleId=us-api-p-${engine}`)).toEqual(pending);
    const rejected = await seed(`us-api-r-${engine}`, 1, 'rejected');
    expect(await apiPages(`status=rejected&articleId=us-api-r-${engine}`)).toEqual([...rejected].reverse());
  });

  it('queue page: the second page starts right after the first, to the microsecond', async () => {
    // The page boundary falls between the two comments that share a millisecond.
    const ids = await seed(`us-page-${engine}`, PAGE_SIZE - 1, 'pending');
    const idsOn = (html: string) => [...html.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]);
    const first = await (await admin.fetch(`/admin/queue?article=us-page-${engine}`)).text();
    expect(idsOn(first)).toEqual(ids.slice(0, PAGE_SIZE));
    const next = first.match(/href="([^"]*cursor=[^"]+)" rel="next"/)![1].replace(/&amp;/g, '&');
    const second = await (await admin.fetch(next)).text();
    expect(idsOn(second)).toEqual(ids.slice(PAGE_SIZE));
  });
});
