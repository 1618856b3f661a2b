/** SQL for the preset rejection reasons (migration 201), listed in the order keys 1–9 pick them. */
import type { Queryable } from './db.js';

export interface RejectReasonRecord {
  id: number;
  text: string;
  createdBy: string;
  createdAt: Date;
}

interface RejectReasonRow {
  id: number | string;
  text: string;
  created_by: string;
  created_at: Date | string;
}

function fromRow(row: RejectReasonRow): RejectReasonRecord {
  return { id: Number(row.id), text: row.text, createdBy: row.created_by, createdAt: new Date(row.created_at) };
}

export class RejectReasonStore {
  constructor(private readonly db: Queryable) {}

  /** Oldest first: a new preset takes the next free number key. */
  async list(): Promise<RejectReasonRecord[]> {
    const { rows } = await this.db.query<RejectReasonRow>(`SELECT * FROM reject_reasons ORDER BY id`);
    return rows.map(fromRow);
  }

  /** Null when the same text is already a preset. */
  async add(req: { text: string; createdBy: string }, q: Queryable = this.db): Promise<RejectReasonRecord | null> {
    const { rows } = await q.query<RejectReasonRow>(
      `INSERT INTO reject_reasons (text, created_by) VALUES ($1, $2) ON CONFLICT (text) DO NOTHING RETURNING *`,
      [req.text, req.createdBy],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** The removed preset, or null when there was none. */
  async remove(id: number, q: Queryable = this.db): Promise<RejectReasonRecord | null> {
    const { rows } = await q.query<RejectReasonRow>(`DELETE FROM reject_reasons WHERE id = $1 RETURNING *`, [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }
}
