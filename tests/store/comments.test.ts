/**
 * CommentStore.saveModeratedMany, the worker's one statement per batch, on both engines: the
 * ban look-up inside the insert, idempotency keyed on the id, the filter's decisions rows, and
 * all-or-nothing when the database refuses one row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCommentId } from '../../src/comments/ids.js';
import type { SubmittedComment } from '../../src/comments/types.js';
import type { Verdict } from '../../src/filters/index.js';
import type { Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { openDb } from '../../src/store/db.js';
import { CommentStore, type ModeratedOutcome, type SaveModeratedRequest } from '../../src/store/comments.js';
import { submittedComment } from '../support/comments.js';
import { createTestDatabase, ENGINES, PGLITE_IN_MEMORY, type TestDatabase } from '../support/database.js';

const PASS: Verdict = { action: 'pass', score: 0, reasons: [], lexiconVersion: 'test' } as unknown as Verdict;
const BANNED: ModeratedOutcome = {
  verdict: { ...PASS, action: 'block', reasons: [{ rule: 'ban', tier: 'block', match: '', start: 0, end: 0 }] } as Verdict,
  status: 'rejected',
  decidedBy: 'filter',
  decisionReason: 'ban',
};

/** Without email or address unless given: the ban look-up below matches on exactly those. */
const comment = (overrides: Partial<SubmittedComment> = {}) => submittedComment({ authorEmail: null, ip: null, ...overrides });

const pending = (c: SubmittedComment, checkBans = true): SaveModeratedRequest => ({
  comment: c,
  verdict: PASS,
  status: 'pending',
  decidedBy: null,
  decisionReason: null,
  ...(checkBans ? { whenBanned: BANNED } : {}),
});

describe.each(ENGINES)('CommentStore.saveModeratedMany (%s)', (engine) => {
  let database: TestDatabase | undefined;
  let db: Db;
  let store: CommentStore;
  beforeAll(async () => {
    database = engine === 'postgres' ? await createTestDatabase() : undefined;
    db = await openDb({ databaseUrl: database?.url, dataDir: PGLITE_IN_MEMORY });
    await migrate(db);
    store = new CommentStore(db);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const decisions = async (id: string) =>
    (await db.query<{ decided_by: string; reason: string }>('SELECT decided_by, reason FROM decisions WHERE comment_id = $1', [id])).rows;

  it('writes a batch in request order, rejecting the rows an active ban matches', async () => {
    await db.query(`INSERT INTO bans (email, created_by) VALUES ('ban@example.vn', 'mod')`);
    await db.query(`INSERT INTO bans (ip, created_by) VALUES ('198.51.100.1', 'mod')`);
    await db.query(`INSERT INTO bans (email, created_by, lifted_at, lifted_by) VALUES ('lifted@example.vn', 'mod', now(), 'mod')`);
    await db.query(`INSERT INTO bans (ip, created_by, expires_at) VALUES ('198.51.100.2', 'mod', now() - interval '1 minute')`);
    const byEmail = comment({ authorEmail: 'BAN@Example.vn' });
    const byIp = comment({ ip: '198.51.100.1' });
    const lifted = comment({ authorEmail: 'lifted@example.vn' });
    const expired = comment({ ip: '198.51.100.2' });
    const unchecked = comment({ authorEmail: 'ban@example.vn' });
    const results = await store.saveModeratedMany([
      pending(byEmail),
      pending(byIp),
      pending(lifted),
      pending(expired),
      pending(unchecked, false),
    ]);
    expect(results.map((r) => [r.id, r.status, r.created, r.banned])).toEqual([
      [byEmail.id, 'rejected', true, true],
      [byIp.id, 'rejected', true, true],
      [lifted.id, 'pending', true, false],
      [expired.id, 'pending', true, false],
      [unchecked.id, 'pending', true, false],
    ]);
    expect(results[0].articleId).toBe(byEmail.articleId);
    const rejected = await store.findById(byEmail.id);
    expect(rejected?.verdict?.reasons[0].rule).toBe('ban');
    expect(rejected?.decidedBy).toBe('filter');
    expect(rejected?.decidedAt).not.toBeNull();
    const kept = await store.findById(lifted.id);
    expect(kept?.decidedAt).toBeNull();
    expect(kept?.content).toBe(lifted.content);
    expect(kept?.authorEmail).toBe(lifted.authorEmail);
    expect(kept?.createdAt.toISOString()).toBe(lifted.createdAt);
    expect(await decisions(byEmail.id)).toEqual([{ decided_by: 'filter', reason: 'ban' }]);
    expect(await decisions(lifted.id)).toEqual([]);
    const { rows } = await db.query<{ verdict_action: string; lexicon_version: string }>(
      'SELECT verdict_action, lexicon_version FROM comments WHERE id = $1',
      [byIp.id],
    );
    expect(rows).toEqual([{ verdict_action: 'block', lexicon_version: 'test' }]);
  });

  it('is idempotent: existing ids and the same id twice in a batch are written once', async () => {
    const a = comment();
    const b = comment({ content: 'Khác.' });
    const rejected: SaveModeratedRequest = { ...pending(a), status: 'rejected', decidedBy: 'filter', decisionReason: 'profanity.vi' };
    const first = await store.saveModerated(rejected);
    expect(first.created).toBe(true);
    expect(first.comment).toMatchObject({ id: a.id, status: 'rejected', decidedBy: 'filter', content: a.content });
    const again = await store.saveModeratedMany([pending({ ...a, content: 'changed' }), pending(b), pending(b)]);
    expect(again.map((r) => [r.id, r.created, r.status])).toEqual([
      [a.id, false, 'rejected'],
      [b.id, true, 'pending'],
      [b.id, false, 'pending'],
    ]);
    expect((await store.findById(a.id))?.content).toBe(a.content);
    expect(await decisions(a.id)).toHaveLength(1);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE id = ANY($1)', [[a.id, b.id]]);
    expect(rows[0].n).toBe(2);
  });

  it('writes nothing of a batch when one row is refused (unknown parent: SQLSTATE 23503)', async () => {
    const good = comment();
    const orphan = comment({ parentId: newCommentId() });
    await expect(store.saveModeratedMany([pending(good), pending(orphan)])).rejects.toMatchObject({ code: '23503' });
    expect(await store.findById(good.id)).toBeNull();
  });

  it('a reply and its parent in the same batch are both written', async () => {
    const parent = comment();
    const reply = comment({ parentId: parent.id });
    const results = await store.saveModeratedMany([pending(reply), pending(parent)]);
    expect(results.map((r) => r.created)).toEqual([true, true]);
  });
});
