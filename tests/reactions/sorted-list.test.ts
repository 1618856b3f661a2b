/**
 * GET /v1/articles/:articleId/comments with likes and `sort=oldest|newest|top`: every order
 * pages through every comment once with its own cursor, a like shows on the next read (the
 * ETag changes, no max-age keeps the old page), and bad sorts or cursors are 400.
 */
import { describe, expect, it } from 'vitest';
import { useTestService } from '../support/hooks.js';
import { approvedComment, like, newReaderId } from './helpers.js';

interface Page {
  comments: Array<{ id: string; likes: number }>;
  nextCursor: string | null;
}

describe('the public list with likes and sort (postgres)', () => {
  const app = useTestService({ engine: 'postgres', workers: false, env: { RATE_LIMIT_REACTIONS: '100000/60' } });

  const list = (articleId: string, query: string) => app.svc.fetch(`/v1/articles/${articleId}/comments?${query}`);

  async function allPages(articleId: string, sort: string): Promise<Array<{ id: string; likes: number }>> {
    const seen: Array<{ id: string; likes: number }> = [];
    let cursor: string | null = null;
    do {
      const res = await list(articleId, `sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      seen.push(...page.comments.map(({ id, likes }) => ({ id, likes })));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 20);
    return seen;
  }

  it('pages oldest first, newest first and most liked first (then oldest), every comment once', async () => {
    const articleId = 'xep/2026/bai-1';
    // Five comments, 300 µs apart inside one millisecond for the last two; likes 2, 0, 3, 2, 0.
    const times = ['00.001', '00.002', '00.003', '00.004100', '00.004400'].map((s) => `2026-01-02T00:00:${s}Z`);
    const ids: string[] = [];
    for (const time of times) ids.push(await approvedComment(app.svc, articleId, time));
    const likesOf = [2, 0, 3, 2, 0];
    for (const [i, n] of likesOf.entries())
      for (let k = 0; k < n; k++) expect((await like(app.svc, ids[i], newReaderId())).status).toBe(200);

    const oldest = ids.map((id, i) => ({ id, likes: likesOf[i] }));
    expect(await allPages(articleId, 'oldest')).toEqual(oldest);
    expect(await allPages(articleId, 'newest')).toEqual([...oldest].reverse());
    expect(await allPages(articleId, 'top')).toEqual([oldest[2], oldest[0], oldest[3], oldest[1], oldest[4]]);
    // Default: oldest first, with likes on each comment.
    expect(((await (await list(articleId, '')).json()) as Page).comments).toEqual(
      oldest.map(({ id, likes }) => expect.objectContaining({ id, likes })),
    );
  });

  it('shows a like on the next read: a new ETag, and no max-age that would keep the old page', async () => {
    const articleId = 'xep/etag';
    const id = await approvedComment(app.svc, articleId);
    const first = await list(articleId, 'sort=top');
    const tag = first.headers.get('etag')!;
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect(await list(articleId, 'sort=top').then((r) => r.headers.get('etag'))).toBe(tag);
    expect((await app.svc.fetch(`/v1/articles/${articleId}/comments?sort=top`, { headers: { 'if-none-match': tag } })).status).toBe(304);

    await like(app.svc, id, newReaderId());
    const after = await app.svc.fetch(`/v1/articles/${articleId}/comments?sort=top`, { headers: { 'if-none-match': tag } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as Page).comments[0].likes).toBe(1);
  });

  it('refuses a bad sort, and a cursor of another order, with 400 validation_failed', async () => {
    const articleId = 'xep/sai';
    for (let i = 0; i < 3; i++) await approvedComment(app.svc, articleId);
    const bad = await list(articleId, 'sort=hot');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'validation_failed', details: { fields: { sort: expect.any(String) } } });

    const topCursor = ((await (await list(articleId, 'sort=top&limit=1')).json()) as Page).nextCursor!;
    const oldestCursor = ((await (await list(articleId, 'sort=oldest&limit=1')).json()) as Page).nextCursor!;
    for (const query of [`sort=oldest&cursor=${topCursor}`, `sort=newest&cursor=${topCursor}`, `sort=top&cursor=${oldestCursor}`]) {
      const res = await list(articleId, query);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.details.fields).toHaveProperty('cursor');
    }
  });
});
