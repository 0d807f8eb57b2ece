import { CellRange, CellValue, formatSheetRangeAddress, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../core';
import { readInChunks } from './readInChunks';

/** Excel's error values as `range.values` reports them; any other text is text. */
const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!',
  '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!', '#TIMEOUT!',
]);
/** DATE(2000, 1, 1) in the 1904 date system; in the 1900 system it is 36526. */
const JANUARY_2000_IN_1904 = 35_064;

export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
  /** Protected sheets refuse every write: the add-in paints and edits nothing there. */
  readonly protected: boolean;
}

export interface ReadOptions {
  /** Asked before each sync; a true answer stops the read with `CheckCancelled`. Reading writes nothing. */
  readonly cancelled?: () => boolean;
  /** Bytes of values the previous read got: over the limit, the read goes straight to chunks. */
  readonly previousValueBytes?: number;
}

/** The user cancelled a check while it was still reading, before anything was written. */
export class CheckCancelled extends Error {
  constructor() {
    super('The check was cancelled before anything was changed.');
    this.name = 'CheckCancelled';
  }
}

export interface WorkbookRead {
  readonly snapshot: WorkbookSnapshot;
  readonly sheets: readonly SheetInfo[];
  /** About how many bytes the values took on the wire, to size the next read. */
  readonly valueBytes: number;
}

/** A table as sync 1 lists it; its range comes in the next sync. */
export interface ListedTable {
  readonly name: string;
  readonly sheetId: string;
  readonly hasHeaderRow: boolean;
  readonly hasTotalsRow: boolean;
  readonly columns: readonly string[];
}

/** Excel on the web's 5 MB, with room for the answer's own wrapping. */
export const ANSWER_BUDGET_BYTES = 4_000_000;
/** About what a cell of a capacity sheet takes: a sheet this big goes straight to chunks rather than fail a whole read. */
const TYPICAL_BYTES_PER_CELL = 10;
/** Rows of the active sheet whose values sync 1 reads, to weigh its cells (a few kilobytes). */
const SAMPLE_ROWS = 50;

/**
 * Reads every sheet's values and Excel tables into a snapshot in two syncs: the sheets, the workbook's
 * tables and its date system; then all used ranges and table ranges at once. Only when that answer would
 * pass Excel on the web's 5 MB does it read the sizes and then the values in chunks of about 4 MB.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const stopIfCancelled = () => {
    if (options.cancelled?.()) throw new CheckCancelled();
  };
  const { sheets, tables, date1904, active } = await listWorkbook(context);
  const activeCells = active === undefined ? 0 : active.range.rowCount * active.range.columnCount;
  const tooBig = (options.previousValueBytes ?? 0) > ANSWER_BUDGET_BYTES || activeCells * TYPICAL_BYTES_PER_CELL > ANSWER_BUDGET_BYTES;
  if (tooBig) return readInChunks(context, { sheets, tables, date1904, active }, stopIfCancelled);
  const whole = sheets.map((sheet) => context.workbook.worksheets.getItem(sheet.id).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount,values'));
  const tableRanges = loadTableRanges(context, tables);
  stopIfCancelled();
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    return readInChunks(context, { sheets, tables, date1904 }, stopIfCancelled);
  }
  const rowsBySheet = new Map<string, CellValue[][]>();
  let valueBytes = 0;
  whole.forEach((range, index) => {
    const rows: CellValue[][] = [];
    rowsBySheet.set(sheets[index].name, rows);
    if (range.isNullObject) return;
    const area = { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
    valueBytes += storeRows(rows, area, checkedValues(range.values, area, sheets[index].name));
  });
  return toWorkbookRead(sheets, rowsBySheet, tableSnapshots(tables, tableRanges), date1904, valueBytes);
}

/** The active sheet's used range, and about how many bytes its cells take, from a sample of its first rows. */
export interface ActiveArea {
  readonly sheetId: string;
  readonly range: CellRange;
  readonly bytesPerCell: number | undefined;
}

/** What sync 1 learns: the sheets, the tables, the date system and the active sheet's size. */
export interface WorkbookListing {
  readonly sheets: SheetInfo[];
  readonly tables: ListedTable[];
  readonly date1904: boolean;
  readonly active?: ActiveArea;
}

/**
 * Sync 1: the sheets (with their protection), the workbook's tables, DATE(2000, 1, 1), which tells 1904
 * from 1900, and the size of the active sheet, usually the allocation table, with a sample of its first
 * rows: they tell a read too big for one answer before it is tried, and how to cut it.
 */
async function listWorkbook(context: Excel.RequestContext): Promise<WorkbookListing> {
  const worksheets = context.workbook.worksheets.load('items/id,items/name,items/visibility,items/protection/protected');
  const tables = context.workbook.tables.load('items/name,items/showHeaders,items/showTotals,items/worksheet/id,items/columns/items/name');
  const january2000 = context.workbook.functions.date(2000, 1, 1).load('value');
  const activeSheet = context.workbook.worksheets.getActiveWorksheet().load('id');
  const activeUsed = activeSheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  const sample = activeUsed.getIntersectionOrNullObject(`1:${SAMPLE_ROWS}`).load('values,rowCount,columnCount');
  await context.sync();
  const sheets = worksheets.items.map((worksheet) => ({
    id: worksheet.id,
    name: worksheet.name,
    visibility: worksheet.visibility === 'VeryHidden' ? ('veryHidden' as const) : worksheet.visibility === 'Hidden' ? ('hidden' as const) : ('visible' as const),
    protected: worksheet.protection.protected,
  }));
  const listed = tables.items.map((table) => ({
    name: table.name,
    sheetId: table.worksheet.id,
    hasHeaderRow: table.showHeaders,
    hasTotalsRow: table.showTotals,
    columns: table.columns.items.map((column) => column.name),
  }));
  const active = activeUsed.isNullObject
    ? undefined
    : {
        sheetId: activeSheet.id,
        range: { row: activeUsed.rowIndex, column: activeUsed.columnIndex, rowCount: activeUsed.rowCount, columnCount: activeUsed.columnCount },
        bytesPerCell: sample.isNullObject ? undefined : jsonBytes(checkedValues(sample.values, { row: activeUsed.rowIndex, column: activeUsed.columnIndex, rowCount: sample.rowCount, columnCount: sample.columnCount }, activeSheetName(sheets, activeSheet.id))) / Math.max(1, sample.rowCount * sample.columnCount),
      };
  return { sheets, tables: listed, date1904: january2000.value === JANUARY_2000_IN_1904, active };
}

function activeSheetName(sheets: readonly SheetInfo[], id: string): string {
  return sheets.find((sheet) => sheet.id === id)?.name ?? id;
}

export function loadTableRanges(context: Excel.RequestContext, tables: readonly ListedTable[]): Excel.Range[] {
  return tables.map((table) => context.workbook.tables.getItem(table.name).getRange().load('rowIndex,columnIndex,rowCount,columnCount'));
}

export function tableSnapshots(tables: readonly ListedTable[], ranges: readonly Excel.Range[]): Map<string, TableSnapshot[]> {
  const bySheet = new Map<string, TableSnapshot[]>();
  tables.forEach((table, index) => {
    const range = ranges[index];
    const snapshot: TableSnapshot = {
      name: table.name,
      range: { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount },
      hasHeaderRow: table.hasHeaderRow,
      hasTotalsRow: table.hasTotalsRow,
      columns: table.columns,
    };
    bySheet.set(table.sheetId, [...(bySheet.get(table.sheetId) ?? []), snapshot]);
  });
  return bySheet;
}

/** The values of a range as Excel answered them, or a clear error when the answer holds none (Excel sometimes answers null). */
export function checkedValues(values: unknown, area: CellRange, sheetName: string): unknown[][] {
  const complete = Array.isArray(values) && values.length === area.rowCount && values.every((row) => Array.isArray(row) && row.length === area.columnCount);
  if (!complete) throw new UnreadableValues(formatSheetRangeAddress(sheetName, area));
  return values as unknown[][];
}

/** Excel answered a read without the values asked for. */
export class UnreadableValues extends Error {
  constructor(address: string) {
    super(`Excel answered the read of ${address} without its values; nothing was changed. Check again in a moment.`);
    this.name = 'UnreadableValues';
  }
}

/** Stores the rows of an area (rows[0] is sheet row 1); returns how many bytes their JSON took on the wire. */
export function storeRows(rows: CellValue[][], area: CellRange, values: unknown[][]): number {
  values.forEach((cells, offset) => {
    const row: CellValue[] = new Array(area.column).fill(null);
    for (const value of cells) row.push(toCellValue(value));
    rows[area.row + offset] = row;
  });
  return jsonBytes(values);
}

/** UTF-8 bytes of a value's JSON, as it travels. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

export function toWorkbookRead(
  sheets: readonly SheetInfo[],
  rowsBySheet: Map<string, CellValue[][]>,
  tablesBySheet: Map<string, TableSnapshot[]>,
  date1904: boolean,
  valueBytes: number,
): WorkbookRead {
  const snapshotSheets: SheetSnapshot[] = sheets.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility, rows: rowsBySheet.get(sheet.name) ?? [], tables: tablesBySheet.get(sheet.id) ?? [] }));
  return { snapshot: { sheets: snapshotSheets, date1904 }, sheets, valueBytes };
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  // Excel names the two directions differently; a too-large answer to a read is the response one.
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || /payload size/i.test(String((error as Error)?.message ?? ''));
}

/** A value of `range.values` as the core reads it: "" is empty, error strings are errors. */
export function toCellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  return ERROR_VALUES.has(text) ? { error: text } : text;
}
