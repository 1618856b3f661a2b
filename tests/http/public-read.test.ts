import { describe, expect, it } from 'vitest';
import { insertComment } from '../support/comments.js';
import { ENGINES } from '../support/database.js';
import { useAdminService } from '../support/moderators.js';
import { waitFor } from '../support/wait.js';

describe.each(ENGINES)('public reads (%s)', (engine) => {
  const app = useAdminService({ engine, workers: true });

  const approve = async (id: string) => expect((await app.admin.post(`/admin/api/comments/${id}/approve`, {})).status).toBe(200);

  describe('GET /v1/counts', () => {
    it('answers approved counts, 0 for unknown articles, with ETag, 304 and a short public max-age', async () => {
      const articleId = `dem-${engine}`;
      const c = await insertComment(app.svc.services, { articleId });
      await insertComment(app.svc.services, { articleId }); // pending: not counted
      await approve(c.id);
      await waitFor(async () => {
        const body = await (await app.svc.fetch(`/v1/counts?articles=${articleId},khong-co`)).json();
        return body.counts[articleId] === 1;
      }, 2_000);

      const res = await app.svc.fetch(`/v1/counts?articles=${articleId},khong-co`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ counts: { [articleId]: 1, 'khong-co': 0 } });
      const cacheControl = res.headers.get('cache-control')!;
      expect(cacheControl).toMatch(/public/);
      expect(Number(/max-age=(\d+)/.exec(cacheControl)![1])).toBeLessThanOrEqual(10);
      const tag = res.headers.get('etag');
      expect(tag).toBeTruthy();

      const again = await app.svc.fetch(`/v1/counts?articles=${articleId},khong-co`, { headers: { 'if-none-match': tag! } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const changed = await app.svc.fetch(`/v1/counts?articles=${articleId},khong-co`, {
        headers: { 'if-none-match': '"something-else"' },
      });
      expect(changed.status).toBe(200);
    });

    it('a decision on this process shows in the next answer, not after the rendered answer expires', async () => {
      const articleId = `ngay-${engine}`;
      const c = await insertComment(app.svc.services, { articleId });
      const counts = async () => (await (await app.svc.fetch(`/v1/counts?articles=${articleId}`)).json()).counts[articleId];
      expect(await counts()).toBe(0); // rendered and kept
      await approve(c.id);
      expect(await counts()).toBe(1);
    });

    it('reads PostgreSQL when the Redis cache is empty and fills it', async () => {
      const articleId = `lanh-${engine}`;
      const c = await insertComment(app.svc.services, { articleId });
      await approve(c.id);
      await app.svc.services.redis.del(app.svc.services.keys.count(articleId));
      await new Promise((r) => setTimeout(r, 1_100)); // past the 1 s memory layer
      const body = await (await app.svc.fetch(`/v1/counts?articles=${articleId}`)).json();
      expect(body.counts[articleId]).toBe(1);
      expect(await app.svc.services.redis.get(app.svc.services.keys.count(articleId))).toMatch(/^1\|\d+$/);
    });

    it('answers 400 validation_failed for no ids, more than 100 ids or a bad id', async () => {
      const tooMany = Array.from({ length: 101 }, (_, i) => `a${i}`).join(',');
      for (const query of [
        '',
        '?articles=',
        `?articles=${tooMany}`,
        `?articles=${encodeURIComponent('co dau cach')}`,
        `?articles=${'x'.repeat(201)}`,
      ]) {
        const res = await app.svc.fetch(`/v1/counts${query}`);
        expect(res.status, query).toBe(400);
        expect((await res.json()).error.code).toBe('validation_failed');
      }
      const hundred = Array.from({ length: 100 }, (_, i) => `a${i}`).join(',');
      expect((await app.svc.fetch(`/v1/counts?articles=${hundred}`)).status).toBe(200);
    });
  });

  describe('GET /v1/articles/:articleId/comments', () => {
    it('lists approved comments only, oldest first, public fields only, in pages', async () => {
      const articleId = `2026/05/bai-${engine}`;
      const approved = [];
      for (let i = 0; i < 5; i++) {
        const c = await insertComment(app.svc.services, { articleId, content: `ý kiến ${i}` });
        if (i !== 2) approved.push(c);
      }
      // Approve out of order: the list still follows creation time.
      for (const c of [...approved].reverse()) await approve(c.id);

      const seen: Array<Record<string, unknown>> = [];
      let cursor: string | null = null;
      do {
        const res = await app.svc.fetch(
          `/v1/articles/${encodeURIComponent(articleId)}/comments?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        const body = await res.json();
        expect(body.articleId).toBe(articleId);
        expect(body.count).toBe(4);
        seen.push(...body.comments);
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen.map((c) => c.id)).toEqual(approved.map((c) => c.id));
      expect(Object.keys(seen[0]).sort()).toEqual(['authorName', 'content', 'createdAt', 'id', 'likes', 'parentId', 'publishedAt']);
      expect(seen[0]).toMatchObject({ authorName: 'Nguyễn Văn A', content: 'ý kiến 0', parentId: null });
      expect(JSON.stringify(seen)).not.toMatch(/a@example\.vn|203\.0\.113\.9/);

      // The unencoded slash form reaches the same article.
      const plain = await (await app.svc.fetch(`/v1/articles/${articleId}/comments`)).json();
      expect(plain.comments).toHaveLength(4);
    });

    it('answers an empty list for an unknown article and 400 validation_failed for bad parameters', async () => {
      const empty = await app.svc.fetch('/v1/articles/chua-co/comments');
      expect(empty.status).toBe(200);
      expect(await empty.json()).toEqual({
        articleId: 'chua-co',
        article: { id: 'chua-co', title: null, closed: false, notice: null },
        count: 0,
        comments: [],
        nextCursor: null,
      });
      for (const path of [
        '/v1/articles/a/comments?limit=0',
        '/v1/articles/a/comments?limit=101',
        '/v1/articles/a/comments?cursor=%25%25',
        '/v1/articles/a/comments?cursor=eyJ4IjoxfQ',
        `/v1/articles/${encodeURIComponent('có dấu')}/comments`,
      ]) {
        const res = await app.svc.fetch(path);
        expect(res.status, path).toBe(400);
        expect((await res.json()).error.code).toBe('validation_failed');
      }
    });

    it('drops a comment from the list and the count when an approved one is rejected', async () => {
      const articleId = `go-${engine}`;
      const c = await insertComment(app.svc.services, { articleId });
      await approve(c.id);
      expect((await app.admin.post(`/admin/api/comments/${c.id}/reject`, { force: true })).status).toBe(200);
      await waitFor(async () => {
        const body = await (await app.svc.fetch(`/v1/articles/${articleId}/comments`)).json();
        return body.count === 0 && body.comments.length === 0;
      }, 2_000);
    });
  });
});
