/**
 * The likes and reports stores on both engines (PostgreSQL and PGlite): counts move only with
 * a row inserted or deleted, exactly, also when the same readers repeat at once; a dismissal
 * takes off exactly the reports it dismissed, also with a report arriving meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { LikeStore } from '../../src/store/likes.js';
import { ENGINES } from '../support/database.js';
import { useTestService } from '../support/hooks.js';
import { approvedComment, newReaderId, storedLikes } from './helpers.js';

describe.each(ENGINES)('likes and reports in the store (%s)', (engine) => {
  const app = useTestService({ engine, workers: false });

  it('likes: 40 concurrent likes from 20 readers count 20; unlikes bring it back to 0; non-approved is null', async () => {
    const { likes } = app.svc.services;
    const id = await approvedComment(app.svc, `kho/thich-${engine}`);
    const readers = Array.from({ length: 20 }, newReaderId);
    const answers = await Promise.all([...readers, ...readers].map((reader) => likes.like(id, reader)));
    expect(answers.every((answer) => answer !== null && answer.likes >= 1 && answer.likes <= 20)).toBe(true);
    expect(await storedLikes(app.svc, id)).toEqual({ count: 20, rows: 20 });
    expect(await likes.like(id, readers[0])).toEqual({ likes: 20 });
    await Promise.all([...readers, ...readers].map((reader) => likes.unlike(id, reader)));
    expect(await storedLikes(app.svc, id)).toEqual({ count: 0, rows: 0 });
    expect(await likes.like('khong-co', newReaderId())).toBeNull();
  });

  it('likes: batches of two stores (two api copies) over the same comments lock in order, count exactly, answer each call', async () => {
    const { db } = app.svc.services;
    const ids = await Promise.all([0, 1, 2, 3, 4].map((i) => approvedComment(app.svc, `kho/lo-${engine}-${i}`)));
    const readers = Array.from({ length: 30 }, newReaderId);
    const copies = [new LikeStore(db), new LikeStore(db)];
    // Every reader likes every comment twice, through both copies, in opposite comment orders,
    // mixed with likes of a comment that does not exist: one batch per copy holds all of them.
    const calls = readers.flatMap((reader, r) =>
      ids.flatMap((id, i) => [
        copies[0].like(id, reader),
        copies[1].like(ids[ids.length - 1 - i], reader),
        ...(r === 0 && i === 0 ? [copies[0].like('khong-co-binh-luan', reader)] : []),
      ]),
    );
    const answers = await Promise.all(calls);
    expect(answers.filter((answer) => answer === null)).toHaveLength(1);
    for (const id of ids) expect(await storedLikes(app.svc, id)).toEqual({ count: 30, rows: 30 });
    expect(await copies[1].like(ids[0], readers[0])).toEqual({ likes: 30 });
    // A rejected comment takes no like, in a batch with ones that do.
    await db.query("UPDATE comments SET status = 'rejected' WHERE id = $1", [ids[4]]);
    const [kept, refused] = await Promise.all([copies[0].unlike(ids[3], readers[0]), copies[0].unlike(ids[4], readers[0])]);
    expect(kept).toEqual({ likes: 29 });
    expect(refused).toBeNull();
    expect(await storedLikes(app.svc, ids[4])).toEqual({ count: 30, rows: 30 });
  });

  it('reports: once per reader; a dismissal takes off exactly what it dismissed, a report meanwhile stays open', async () => {
    const { reports, db } = app.svc.services;
    const id = await approvedComment(app.svc, `kho/bao-cao-${engine}`);
    const reader = newReaderId();
    const results = await Promise.all([0, 1, 2].map(() => reports.report({ commentId: id, readerId: reader, reason: 'spam', note: null })));
    expect(results.filter((r) => r.outcome === 'received')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'repeated')).toHaveLength(2);

    const [dismissal] = await Promise.all([
      db.transaction((tx) => reports.dismissIn(tx, id, 'moderator-1')),
      reports.report({ commentId: id, readerId: newReaderId(), reason: 'illegal', note: 'giữa chừng' }),
    ]);
    expect(dismissal?.dismissed.spam).toBe(1);
    const summary = (await reports.summaries([id])).get(id)!;
    const { rows } = await db.query<{ open_reports: number }>('SELECT open_reports FROM comments WHERE id = $1', [id]);
    // Whichever came first, the counter on the row equals the open report rows.
    expect(rows[0].open_reports).toBe(summary.open);
    expect(summary.open).toBeLessThanOrEqual(1);
    expect(await db.transaction((tx) => reports.dismissIn(tx, 'khong-co', 'moderator-1'))).toBeNull();

    // The comment page's history lists every report, oldest first, dismissed ones marked.
    const history = await reports.ofComment(id);
    expect(history.map((r) => r.reason)).toEqual(['spam', 'illegal']);
    expect(history[0].dismissedAt).toBeInstanceOf(Date);
    expect(history[1].note).toBe('giữa chừng');
    expect(await reports.ofComment('khong-co')).toEqual([]);
  });
});
