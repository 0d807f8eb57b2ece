import type { Workbook, Worksheet, CellValue as ExcelJsValue } from 'exceljs';
import { CellValue, parseRangeAddress, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../core';

const MS_PER_DAY = 86_400_000;
/** ExcelJS turns serials into Dates counting from these epochs; undo it exactly to get the serial back. */
const EXCELJS_EPOCH_1900 = 25_569;
const EXCELJS_EPOCH_1904 = 24_107;
/** ExcelJS's ValueType.Merge: a cell covered by a merged area; Excel reports only the top-left value. */
const MERGED_CELL_TYPE = 1;

/** Plain-data snapshot of a workbook read with ExcelJS, as Office.js would give its values. */
export function snapshotFromExcelJs(workbook: Workbook): WorkbookSnapshot {
  const date1904 = Boolean(workbook.properties?.date1904);
  return { date1904, sheets: workbook.worksheets.map((worksheet) => sheetSnapshot(worksheet, date1904)) };
}

function sheetSnapshot(worksheet: Worksheet, date1904: boolean): SheetSnapshot {
  const rows: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.type === MERGED_CELL_TYPE) return;
      cells[columnNumber - 1] = toCellValue(cell.value, date1904);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  const visibility = worksheet.state === 'veryHidden' ? 'veryHidden' : worksheet.state === 'hidden' ? 'hidden' : 'visible';
  return { name: worksheet.name, rows, visibility, tables: tablesOf(worksheet) };
}

/** What ExcelJS keeps of a table it read (its `Table` wraps this model as `table`). */
interface ExcelJsTableModel {
  readonly name: string;
  readonly displayName?: string;
  readonly tableRef?: string;
  readonly ref?: string;
  readonly headerRow?: boolean;
  readonly totalsRow?: boolean;
  readonly columns?: ReadonlyArray<{ readonly name?: string }>;
}

/**
 * The sheet's tables as ExcelJS read them. ExcelJS takes `headerRow` as `headerRowCount === "1"`, so a
 * table that leaves the attribute out (as Excel does for its default of one header row) reads here as
 * having none: compare `hasHeaderRow` only on files that write the attribute.
 */
function tablesOf(worksheet: Worksheet): TableSnapshot[] {
  const tables = worksheet.getTables() as unknown as ReadonlyArray<{ readonly table: ExcelJsTableModel }>;
  return tables.flatMap(({ table }) => {
    const range = parseRangeAddress(table.tableRef ?? table.ref ?? '')?.range;
    if (range === undefined) return [];
    return [{
      name: table.displayName ?? table.name,
      range,
      hasHeaderRow: table.headerRow !== false,
      hasTotalsRow: table.totalsRow === true,
      columns: (table.columns ?? []).map((column) => column.name ?? ''),
    }];
  });
}

/** One ExcelJS value as Excel's own API reports it: formulas by their cached result, dates as serials. */
export function toCellValue(value: ExcelJsValue | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const epoch = date1904 ? EXCELJS_EPOCH_1904 : EXCELJS_EPOCH_1900;
    return value.getTime() / MS_PER_DAY + epoch;
  }
  if (typeof value !== 'object') return null;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return toCellValue((value as { result?: ExcelJsValue }).result, date1904);
  if ('text' in value && 'hyperlink' in value) return typeof value.text === 'string' ? value.text : toCellValue(value.text as ExcelJsValue, date1904);
  return null;
}
