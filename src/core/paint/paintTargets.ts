import { CellAddress } from '../model/address';
import { BookingField, TableLayout } from '../tables/tableLayout';
import { CheckReport } from '../model/report';

/** Columns painted on each row of an unaccepted conflict, where the table has them. */
export const PAINTED_FIELDS: readonly BookingField[] = ['silicon', 'start', 'end', 'block', 'chips'];

/** The cells to fill yellow: painted columns of every row of every unaccepted conflict, row by row. */
export function conflictCells(report: CheckReport): CellAddress[] {
  const rows = new Set<number>();
  for (const conflict of report.conflicts) if (!conflict.accepted) for (const row of conflict.rows) rows.add(row);
  return paintedCellsOfRows(report.allocation, rows);
}

/** The painted columns' cells of the given sheet rows, row by row. */
export function paintedCellsOfRows(layout: TableLayout, sheetRows: Iterable<number>): CellAddress[] {
  const columns = PAINTED_FIELDS.map((field) => layout.columns[field]?.index)
    .filter((index): index is number => index !== undefined)
    .sort((a, b) => a - b);
  return [...new Set(sheetRows)].sort((a, b) => a - b).flatMap((sheetRow) => columns.map((column) => ({ row: sheetRow - 1, column })));
}
