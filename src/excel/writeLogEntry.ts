import { formatRangeAddress, LogEntry, logRowValues, normalizeHeader, RESOLUTION_LOG_COLUMNS, RESOLUTION_LOG_SHEET } from '../core';

/** What the guard sync learnt about the log sheet, to append the next entry. */
export interface LogSheetProbe {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly tables: Excel.TableCollection;
  /** The number formats of the first table's last data row, loaded when the sheet holds a table. */
  readonly lastTableRow?: Excel.Range;
}

/** Queues what tells where the next log entry goes: the log sheet, its used range and its tables. */
export function probeLogSheet(context: Excel.RequestContext): LogSheetProbe {
  const sheet = context.workbook.worksheets.getItemOrNullObject(RESOLUTION_LOG_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
  const tables = sheet.tables.load('items/name,items/columns/items/name');
  return { sheet, used, tables };
}

/** The queued row that will hold the entry, loaded to read back what Excel stored and where. */
export interface QueuedLogRow {
  readonly range: Excel.Range;
}

/**
 * Queues log entries, one row each, in order. When the `Resolution log` sheet holds an Excel table, each
 * entry is a new table row (`rows.add`), so the table's formatting and calculated columns extend; columns
 * the log does not know are left to the table. Else the entries go under the sheet's last row, the sheet
 * and its header created the first time. Cells are formatted as Text first, where Excel keeps what is
 * written as it is ("2026-02-01 10:00:00" stays text, "=…" never becomes a formula).
 */
export function queueLogRows(probe: LogSheetProbe, entries: readonly LogEntry[], added?: Excel.Worksheet): QueuedLogRow[] {
  const table = added === undefined ? probe.tables.items[0] : undefined;
  if (table !== undefined) return entries.map((entry) => queueTableRow(table, entry));
  const sheet = added ?? probe.sheet;
  // 0-based index of the row the first entry goes on: under the header, or under the log's last row.
  let nextRow = 1;
  if (added !== undefined || probe.used.isNullObject) {
    const header = sheet.getRange(formatRangeAddress({ row: 0, column: 0, rowCount: 1, columnCount: RESOLUTION_LOG_COLUMNS.length }));
    header.values = [[...RESOLUTION_LOG_COLUMNS]];
    // A new log's When column is wide enough to show its date-times, which a default column shows as ####.
    if (added !== undefined) sheet.getRange('A:A').format.columnWidth = WHEN_COLUMN_POINTS;
  } else {
    nextRow = probe.used.rowIndex + probe.used.rowCount;
  }
  return entries.map((entry, index) => {
    const values = logRowValues(entry);
    const row = sheet.getRange(formatRangeAddress({ row: nextRow + index, column: 0, rowCount: 1, columnCount: values.length }));
    row.numberFormat = [values.map(formatOfLogCell)];
    row.values = [values];
    return { range: row.load('values,rowIndex,columnIndex') };
  });
}

/** One entry as a new row of the log's table, filling the columns the log knows. */
function queueTableRow(table: Excel.Table, entry: LogEntry): QueuedLogRow {
  const values = logRowValues(entry);
  const columns = table.columns.items.map((column) => column.name);
  const byHeader = new Map(RESOLUTION_LOG_COLUMNS.map((header, index) => [normalizeHeader(header), values[index]]));
  const cells = columns.map((name) => byHeader.get(normalizeHeader(name)) ?? null);
  const row = table.rows.add(undefined, [cells.map((cell) => (cell === null ? null : '') as string)]);
  const range = row.getRange();
  const known = cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell !== null);
  for (const { cell, index } of known) {
    const target = range.getCell(0, index);
    target.numberFormat = [[formatOfLogCell(cell as string | number)]];
    target.values = [[cell as string | number]];
  }
  return { range: range.load('values,rowIndex,columnIndex') };
}

/** When is a real date-time, shown in the user's reading order; every other cell is Text, kept as written. */
const WHEN_FORMAT = 'yyyy-mm-dd hh:mm';
const WHEN_COLUMN_POINTS = 90;
const formatOfLogCell = (value: string | number): string => (typeof value === 'number' ? WHEN_FORMAT : '@');

/** Adds the log sheet when the guard sync found none; it must come first in its request. */
export function addLogSheetIfMissing(context: Excel.RequestContext, probe: LogSheetProbe): Excel.Worksheet | undefined {
  return probe.sheet.isNullObject ? context.workbook.worksheets.add(RESOLUTION_LOG_SHEET) : undefined;
}
