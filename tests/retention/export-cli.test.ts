import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { openDb } from '../../src/store/db.js';
import { createTestDatabase, PGLITE_IN_MEMORY, type TestDatabase } from '../support/database.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

describe('npm run export -- <email>', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const db = await openDb({ databaseUrl: database.url, dataDir: PGLITE_IN_MEMORY });
    await migrate(db);
    await db.query(
      `INSERT INTO comments (id, article_id, author_name, author_email, ip, content, status, created_at)
       VALUES ('c-1', 'bai-1', 'Phạm Thu', 'Thu.Pham@Example.vn', '192.0.2.4', 'Ý kiến của tôi', 'pending', now()),
              ('c-2', 'bai-1', 'Người khác', 'khac@example.vn', NULL, 'Không liên quan', 'pending', now())`,
    );
    await db.close();
  });
  afterAll(() => database.drop());

  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/retention/export-cli.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.url },
    });

  it('prints every comment of the address as JSON and audits the export', { timeout: 60_000 }, async () => {
    const { stdout } = await cli(['thu.pham@example.vn']);
    const data = JSON.parse(stdout) as { email: string; comments: { id: string; ip: string; content: string }[] };
    expect(data.email).toBe('thu.pham@example.vn');
    expect(data.comments).toEqual([expect.objectContaining({ id: 'c-1', ip: '192.0.2.4', content: 'Ý kiến của tôi' })]);
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    const { rows } = await c.query(`SELECT actor FROM audit_log WHERE action = 'privacy.export'`);
    await c.end();
    expect(rows).toEqual([{ actor: 'cli' }]);
  });

  it('refuses a missing or malformed address with a usage line and exit code 2', { timeout: 60_000 }, async () => {
    const failure = await cli(['khong-phai-email']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run export') });
  });
});
