/**
 * `npm run export:decisions` on an embedded PGlite directory (DATA_DIR), as a single-process
 * install runs it; export-decisions.test.ts has the whole contract against PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditStore } from '../../src/store/audit.js';
import { CommentStore } from '../../src/store/comments.js';
import { CountStore } from '../../src/store/counts.js';
import { DecisionStore } from '../../src/store/decisions.js';
import { openDb, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { OutboxStore } from '../../src/store/outbox.js';
import { cli, parse, PERSONAL, submitted, verdictOf, asWorker } from './export-fixtures.js';

describe('npm run export:decisions (embedded PGlite)', () => {
  let dir: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'export-decisions-pglite-'));
    const db: Db = await openDb({ dataDir: dir });
    try {
      await migrate(db);
      const comments = new CommentStore(db);
      const decisions = new DecisionStore(db, new CountStore(db), new AuditStore(db), new OutboxStore(db));
      const pendingText = 'Chờ duyệt thôi';
      const approvedText = 'Cảm ơn tòa soạn';
      const filterText = 'đm bài viết';
      ids.pending = (
        await comments.saveModerated(asWorker(submitted(pendingText, 0), verdictOf(pendingText, 'pass', []), false))
      ).comment.id;
      ids.approved = (
        await comments.saveModerated(asWorker(submitted(approvedText, 1), verdictOf(approvedText, 'pass', []), false))
      ).comment.id;
      ids.filter = (
        await comments.saveModerated(
          asWorker(submitted(filterText, 2), verdictOf(filterText, 'block', [['profanity.vi', 'block', 'đm']]), true),
        )
      ).comment.id;
      await decisions.apply({
        commentId: ids.approved,
        decision: 'approve',
        decidedBy: randomUUID(),
        reason: null,
        allowedFrom: ['pending'],
      });
      await db.query(`UPDATE comments SET decided_at = '2026-11-01T00:00:00Z' WHERE id = $1`, [ids.filter]);
      await db.query(`UPDATE comments SET decided_at = '2026-11-02T00:00:00Z' WHERE id = $1`, [ids.approved]);
    } finally {
      await db.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads DATA_DIR when DATABASE_URL is unset', async () => {
    const { code, stdout, stderr } = await cli({ DATA_DIR: dir });
    expect(code).toBe(0);
    const rows = parse(stdout);
    expect(rows.map((r) => [r.id, r.decision, r.decidedBy, r.rescued])).toEqual([
      [ids.filter, 'rejected', 'filter', false],
      [ids.approved, 'approved', 'moderator', false],
    ]);
    expect(rows[0].reasons).toEqual([{ rule: 'profanity.vi', tier: 'block', start: 0, end: 2 }]);
    expect(stderr).toContain('2 decisions exported');
    for (const value of [...PERSONAL.names, ...PERSONAL.emails, ...PERSONAL.ips, ...PERSONAL.userAgents])
      expect(stdout).not.toContain(value);
  });

  it('says so when DATA_DIR holds no database, instead of creating one', async () => {
    const missing = join(dir, 'khong-co');
    const { code, stderr } = await cli({ DATA_DIR: missing });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`export:decisions: no database: DATABASE_URL is unset and DATA_DIR ${missing} does not exist`);
    expect(existsSync(missing)).toBe(false);
  });
});
