/**
 * One row changed by id and its audit line, in the same transaction, so the log never claims a
 * change that did not happen: with no such row the answer is 404 not_found and nothing is audited.
 */
import { AppError } from '../errors.js';
import type { AuditStore, RecordAuditRequest } from '../store/audit.js';
import type { Db, Queryable } from '../store/db.js';

export function changeOneAudited<Row>(
  deps: { db: Pick<Db, 'transaction'>; audit: Pick<AuditStore, 'recordIn'> },
  run: (tx: Queryable) => Promise<Row | null>,
  auditLine: (row: Row) => RecordAuditRequest,
): Promise<Row> {
  return deps.db.transaction(async (tx) => {
    const row = await run(tx);
    if (!row) throw new AppError('not_found');
    await deps.audit.recordIn(tx, auditLine(row));
    return row;
  });
}
