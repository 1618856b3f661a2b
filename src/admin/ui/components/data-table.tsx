/**
 * The list tables of the admin pages (bans, word lists, accounts, audit, history, stats):
 * a header row of column headings, one row per item, and a note instead of the table when a
 * list has nothing to show.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';

export interface Column {
  label: string;
  /** A column of counts: right-aligned like its cells. */
  numeric?: boolean;
  /** An action column: the heading is for screen readers only. */
  hidden?: boolean;
}

export interface DataTableProps<T> {
  /** A plain heading as a string; null for a column this viewer does not get (admin-only actions). */
  columns: ReadonlyArray<Column | string | null>;
  items: readonly T[];
  row: (item: T) => JSX.Element;
  /** The note shown instead of an empty table; without it, an empty table is shown. */
  empty?: string;
}

export function DataTable<T>({ columns, items, row, empty }: DataTableProps<T>): JSX.Element {
  if (empty !== undefined && items.length === 0) return <p class="empty">{empty}</p>;
  return (
    <table>
      <thead>
        <tr>{columns.map((c) => (c === null ? null : <ColumnHeading column={typeof c === 'string' ? { label: c } : c} />))}</tr>
      </thead>
      <tbody>{items.map(row)}</tbody>
    </table>
  );
}

/** A column of counts. */
export const numeric = (label: string): Column => ({ label, numeric: true });

/** The cells of a row's count columns, right-aligned under their {@link numeric} headings. */
export function NumberCells({ values }: { values: readonly number[] }): JSX.Element {
  return (
    <>
      {values.map((n) => (
        <td class="num">{n}</td>
      ))}
    </>
  );
}

function ColumnHeading({ column }: { column: Column }): JSX.Element {
  const label = column.hidden ? <span class="visually-hidden">{column.label}</span> : column.label;
  return (
    <th scope="col" class={column.numeric ? 'num' : undefined}>
      {label}
    </th>
  );
}
