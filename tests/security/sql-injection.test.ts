/**
 * SQL injection strings in every field a reader or a moderator sends are stored and shown
 * verbatim (the queries are parameterised), and in every filter they are plain text.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CAPTCHA_ANSWER } from '../support/env.js';
import { adminEnv, login, type Moderator } from '../support/moderators.js';
import { startTestService, type TestService } from '../support/service.js';
import { waitFor } from '../support/wait.js';

export const SQL_STRINGS = [
  "Robert'); DROP TABLE comments;--",
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR ""="',
  '1; SELECT pg_sleep(10); --',
  "'; UPDATE moderators SET role='admin'; --",
  "\\'; DELETE FROM audit_log; --",
  '$$ ; DROP TABLE decisions; $$',
  "' UNION SELECT email, password_hash FROM moderators --",
  "%' AND content LIKE '%",
  "Nguyễn'); TRUNCATE comments CASCADE; --",
  "x\u0000'); --",
];

interface AdminComment {
  id: string;
  articleId: string;
  authorName: string;
  authorEmail: string | null;
  content: string;
}

describe('SQL injection strings', () => {
  let svc: TestService;
  let admin: Moderator;
  beforeAll(async () => {
    svc = await startTestService({ engine: 'postgres', env: adminEnv });
    admin = await login(svc);
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
  }, 60_000);

  async function submit(fields: Record<string, string>) {
    const { id: captchaId } = (await (await svc.fetch('/v1/captcha')).json()) as { id: string };
    return svc.post(
      '/v1/comments',
      { articleId: 'bai-sql', authorName: 'Bạn đọc', content: 'Nội dung', captchaId, captchaAnswer: TEST_CAPTCHA_ANSWER, ...fields },
      { 'idempotency-key': fields.idem ?? `k-${Math.random()}` },
    );
  }

  it('stores them verbatim in name, content, email and idempotency key, and the tables survive', async () => {
    const sent: Array<{ id: string; name: string; content: string; email: string }> = [];
    for (const [i, s] of SQL_STRINGS.entries()) {
      const name = s.replace(/\u0000/g, '').slice(0, 80);
      const content = `${s} (${i})`;
      const email = `o'brien+${i}--@example.vn`;
      const res = await submit({
        authorName: name,
        content,
        authorEmail: email,
        idem: s.replace(/[^\x20-\x7e]/g, '').slice(0, 100) || 'k',
      });
      if (res.status !== 202) {
        // Control characters may be refused by validation; nothing else is acceptable.
        expect(res.status, `${s}: ${await res.clone().text()}`).toBe(400);
        continue;
      }
      const { id } = (await res.json()) as { id: string };
      sent.push({ id, name: name.normalize('NFC').trim(), content: content.normalize('NFC').trim(), email });
    }
    expect(sent.length).toBeGreaterThanOrEqual(SQL_STRINGS.length - 1);

    for (const s of sent) {
      const res = await waitFor(
        async () => {
          const r = await admin.fetch(`/admin/api/comments/${s.id}`);
          return r.status === 200 ? r : undefined;
        },
        30_000,
        100,
      );
      const comment = (await res.json()) as AdminComment;
      expect(comment.authorName).toBe(s.name);
      expect(comment.content).toBe(s.content);
      expect(comment.authorEmail).toBe(s.email);
    }

    const db = new pg.Client({ connectionString: svc.config.databaseUrl });
    await db.connect();
    try {
      const tables = await db.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('comments','decisions','audit_log','moderators')`,
      );
      expect(tables.rows[0].n).toBe(4);
      const roles = await db.query(`SELECT count(*)::int AS n FROM moderators WHERE role = 'admin'`);
      expect(roles.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  }, 120_000);

  it('treats them as text in every query parameter and in login', async () => {
    for (const s of SQL_STRINGS) {
      const q = encodeURIComponent(s);
      const list = await admin.fetch(`/admin/api/comments?status=pending&q=${q}`);
      expect([200, 400]).toContain(list.status);
      await list.arrayBuffer();
      expect((await svc.fetch(`/v1/counts?articles=${q}`)).status).toBeLessThan(500);
      expect((await svc.fetch(`/v1/articles/${q}/comments?cursor=${q}`)).status).toBeLessThan(500);
      const loginRes = await svc.post('/admin/api/login', { email: s, password: s });
      expect([400, 401, 429]).toContain(loginRes.status);
    }
  }, 120_000);
});
