import { CheckReport } from './checkWorkbook';
import { BookingField } from './tableLayout';

/** Columns painted on each row of an unaccepted conflict, where the table has them. */
export const PAINTED_FIELDS: readonly BookingField[] = ['silicon', 'start', 'end', 'block', 'chips'];

export interface CellRef {
  /** 1-based sheet row. */
  readonly row: number;
  /** 0-based column index. */
  readonly column: number;
}

/** The cells to fill yellow: painted columns of every row of every unaccepted conflict, row by row. */
export function conflictCells(report: CheckReport): CellRef[] {
  const rows = new Set<number>();
  for (const conflict of report.conflicts) if (!conflict.accepted) for (const row of conflict.rows) rows.add(row);
  const columns = PAINTED_FIELDS.map((field) => report.allocation.columns[field]?.index)
    .filter((index): index is number => index !== undefined)
    .sort((a, b) => a - b);
  return [...rows].sort((a, b) => a - b).flatMap((row) => columns.map((column) => ({ row, column })));
}
