import { CellEdit, cellText, CellValue, escapeCellText, formatRangeAddress, LogEntry, logRowValues, RESOLUTION_LOG_COLUMNS, RESOLUTION_LOG_SHEET } from '../core';
import { toCellValue } from './readWorkbook';

export interface ChangedCell {
  readonly sheet: string;
  readonly address: string;
  readonly expected: CellValue;
  readonly actual: CellValue;
}

export type ApplyOutcome = { ok: true } | { ok: false; changed: ChangedCell[] };

/**
 * Writes a resolution in two syncs: re-read the cells it changes and refuse, writing nothing, when any
 * of them no longer holds the value the resolution was computed from (a co-author edited it); else write
 * the cells and append the log row. User text is escaped so that it stays text.
 */
export async function applyCellEdits(context: Excel.RequestContext, edits: readonly CellEdit[], entry: LogEntry, logSheetExists: boolean): Promise<ApplyOutcome> {
  const reads = edits.map((edit) => {
    const range = context.workbook.worksheets.getItem(edit.sheet).getRange(edit.address);
    range.load('values');
    return { edit, range };
  });
  // Whether the log exists comes from the last check: asking a maybe-missing sheet for its used range would fail.
  const logUsed = logSheetExists ? context.workbook.worksheets.getItem(RESOLUTION_LOG_SHEET).getUsedRangeOrNullObject(true) : null;
  logUsed?.load('rowIndex,rowCount');
  await context.sync();

  const changed: ChangedCell[] = [];
  for (const { edit, range } of reads) {
    const actual = toCellValue(range.values[0][0]);
    if (!sameValue(actual, edit.before)) changed.push({ sheet: edit.sheet, address: edit.address, expected: edit.before, actual });
  }
  if (changed.length > 0) return { ok: false, changed };

  for (const edit of edits) {
    context.workbook.worksheets.getItem(edit.sheet).getRange(edit.address).values = [[toWritable(edit.after)]];
  }
  queueLogRow(context, logUsed, entry);
  await context.sync();
  return { ok: true };
}

/** Appends one row to the resolution log, creating the sheet with its header the first time. */
function queueLogRow(context: Excel.RequestContext, logUsed: Excel.Range | null, entry: LogEntry): void {
  let sheet: Excel.Worksheet;
  // 0-based index of the row the entry goes on: under the header, or under the log's last row.
  let nextRow: number;
  if (logUsed === null) {
    sheet = context.workbook.worksheets.add(RESOLUTION_LOG_SHEET);
    sheet.getRange(formatRangeAddress({ row: 0, column: 0, rowCount: 1, columnCount: RESOLUTION_LOG_COLUMNS.length })).values = [[...RESOLUTION_LOG_COLUMNS]];
    nextRow = 1;
  } else {
    sheet = context.workbook.worksheets.getItem(RESOLUTION_LOG_SHEET);
    nextRow = logUsed.isNullObject ? 1 : logUsed.rowIndex + logUsed.rowCount;
  }
  const values = logRowValues(entry).map(escapeCellText);
  const row = sheet.getRange(formatRangeAddress({ row: nextRow, column: 0, rowCount: 1, columnCount: values.length }));
  // Text format first, so Excel keeps "2026-02-01 10:00:00" and "3" as the text they are.
  row.numberFormat = [values.map(() => '@')];
  row.values = [values];
}

function toWritable(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return typeof value === 'string' ? escapeCellText(value) : value;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return cellText(a) === cellText(b) && typeof a === typeof b;
}
