import { CellValue, columnLetters, MAX_COLUMNS, MAX_ROWS, parseRangeAddress, SheetSnapshot, WorkbookSnapshot } from '../core';
import { inferDate1904 } from './inferDate1904';

/** Excel's error values as `range.values` reports them; any other text is text. */
const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!',
  '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!', '#TIMEOUT!',
]);
/** Cells loaded per sync; about 3 MB of values, under Excel on the web's 5 MB response limit. */
export const CELLS_PER_SYNC = 250_000;
/** Rows whose displayed text is read to tell the 1900 date system from 1904. */
const DATE_SAMPLE_ROWS = 30;

export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface ReadOptions {
  readonly cellsPerSync?: number;
  /** Asked before each sync; a true answer stops the read with `CheckCancelled`. Reading writes nothing. */
  readonly cancelled?: () => boolean;
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
}

interface UsedArea {
  readonly sheet: SheetInfo;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

interface Chunk {
  readonly area: UsedArea;
  readonly firstRow: number;
  readonly rowCount: number;
}

/** Where the 1900/1904 date system is sampled: displayed text of the top-left corner of each sheet. */
const DATE_SAMPLE_ADDRESS = `A1:AD${DATE_SAMPLE_ROWS}`;

/**
 * Reads every sheet's values into a snapshot in two syncs: the sheets, then all used ranges at once.
 * Only when that answer would pass Excel on the web's 5 MB limit does it read the sizes and load the
 * values in chunks of CELLS_PER_SYNC cells, one sync each.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const cellsPerSync = options.cellsPerSync ?? CELLS_PER_SYNC;
  const stopIfCancelled = () => {
    if (options.cancelled?.()) throw new CheckCancelled();
  };
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name,items/visibility');
  await context.sync();
  const sheets: SheetInfo[] = worksheets.items.map((worksheet) => ({
    id: worksheet.id,
    name: worksheet.name,
    visibility: worksheet.visibility === 'VeryHidden' ? 'veryHidden' : worksheet.visibility === 'Hidden' ? 'hidden' : 'visible',
  }));

  const whole = worksheets.items.map((worksheet) => {
    const range = worksheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount,values');
    const sample = worksheet.getRange(DATE_SAMPLE_ADDRESS);
    sample.load('values,text');
    return { range, sample };
  });
  const rowsBySheet = new Map<string, CellValue[][]>(sheets.map((sheet) => [sheet.name, []]));
  const dateSamples: Array<{ value: unknown; text: string }> = [];
  stopIfCancelled();
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    return readInChunks(context, sheets, cellsPerSync, stopIfCancelled);
  }
  whole.forEach(({ range, sample }, index) => {
    if (sheets[index].visibility !== 'veryHidden') collectDateSamples(sample, dateSamples);
    if (range.isNullObject) return;
    const area = { sheet: sheets[index], rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
    storeRows(rowsBySheet, { area, firstRow: area.rowIndex, rowCount: area.rowCount }, range.values);
  });
  return toWorkbookRead(sheets, rowsBySheet, dateSamples);
}

async function readInChunks(context: Excel.RequestContext, sheets: readonly SheetInfo[], cellsPerSync: number, stopIfCancelled: () => void): Promise<WorkbookRead> {
  const used = sheets.map((sheet) => {
    const worksheet = context.workbook.worksheets.getItem(sheet.name);
    const range = worksheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    const sample = worksheet.getRange(DATE_SAMPLE_ADDRESS);
    sample.load('values,text');
    return { range, sample };
  });
  await context.sync();
  const rowsBySheet = new Map<string, CellValue[][]>(sheets.map((sheet) => [sheet.name, []]));
  const dateSamples: Array<{ value: unknown; text: string }> = [];
  const areas: UsedArea[] = [];
  used.forEach(({ range, sample }, index) => {
    if (sheets[index].visibility !== 'veryHidden') collectDateSamples(sample, dateSamples);
    if (range.isNullObject) return;
    areas.push({ sheet: sheets[index], rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount });
  });
  for (const batch of batchChunks(splitIntoChunks(areas, cellsPerSync), cellsPerSync)) {
    stopIfCancelled();
    const loaded = batch.map((chunk) => {
      const range = context.workbook.worksheets.getItem(chunk.area.sheet.name).getRange(chunkAddress(chunk));
      range.load('values');
      return { chunk, range };
    });
    await context.sync();
    for (const { chunk, range } of loaded) storeRows(rowsBySheet, chunk, range.values);
  }
  return toWorkbookRead(sheets, rowsBySheet, dateSamples);
}

function storeRows(rowsBySheet: Map<string, CellValue[][]>, chunk: Chunk, values: unknown[][]): void {
  const rows = rowsBySheet.get(chunk.area.sheet.name) as CellValue[][];
  values.forEach((cells, offset) => {
    const row: CellValue[] = new Array(chunk.area.columnIndex).fill(null);
    for (const value of cells) row.push(toCellValue(value));
    rows[chunk.firstRow + offset] = row;
  });
}

function collectDateSamples(sample: Excel.Range, into: Array<{ value: unknown; text: string }>): void {
  sample.values.forEach((cells, r) => cells.forEach((value, c) => into.push({ value, text: String(sample.text[r][c]) })));
}

function toWorkbookRead(sheets: readonly SheetInfo[], rowsBySheet: Map<string, CellValue[][]>, dateSamples: Array<{ value: unknown; text: string }>): WorkbookRead {
  const snapshotSheets: SheetSnapshot[] = sheets.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility, rows: rowsBySheet.get(sheet.name) ?? [] }));
  return { snapshot: { sheets: snapshotSheets, date1904: inferDate1904(dateSamples) }, sheets };
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

function splitIntoChunks(areas: readonly UsedArea[], cellsPerSync: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const area of areas) {
    const rowsPerChunk = Math.max(1, Math.floor(cellsPerSync / Math.max(1, area.columnCount)));
    for (let offset = 0; offset < area.rowCount; offset += rowsPerChunk) {
      chunks.push({ area, firstRow: area.rowIndex + offset, rowCount: Math.min(rowsPerChunk, area.rowCount - offset) });
    }
  }
  return chunks;
}

/** Groups chunks so each sync loads at most `cellsPerSync` cells. */
function batchChunks(chunks: readonly Chunk[], cellsPerSync: number): Chunk[][] {
  const batches: Chunk[][] = [];
  let current: Chunk[] = [];
  let cells = 0;
  for (const chunk of chunks) {
    const size = chunk.rowCount * chunk.area.columnCount;
    if (current.length > 0 && cells + size > cellsPerSync) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(chunk);
    cells += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function chunkAddress(chunk: Chunk): string {
  const { columnIndex, columnCount } = chunk.area;
  return `${columnLetters(columnIndex)}${chunk.firstRow + 1}:${columnLetters(columnIndex + columnCount - 1)}${chunk.firstRow + chunk.rowCount}`;
}

/** An edit reported by `onChanged`, as the live check collects them. */
export interface SheetChange {
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: string;
}

/** More changed rows than this re-reads the whole workbook instead. */
const MAX_PATCHED_ROWS = 20_000;

/**
 * The previous read with only the edited rows read again, in one sync; null when the edits are of a kind
 * that needs a whole read (rows or columns inserted or deleted, whole columns, sheets it does not know).
 */
export async function readChangedRows(context: Excel.RequestContext, previous: WorkbookRead, changes: readonly SheetChange[]): Promise<WorkbookRead | null> {
  const bands: Array<{ sheet: SheetInfo; top: number; bottom: number; width: number }> = [];
  let rowCount = 0;
  for (const change of changes) {
    const sheet = previous.sheets.find((candidate) => candidate.id === change.worksheetId);
    const edited = parseRangeAddress(change.address)?.range;
    // Whole columns (or whole rows, whose width the event does not bound) need a whole read.
    if (sheet === undefined || change.changeType !== 'RangeEdited' || edited === undefined || edited.rowCount === MAX_ROWS) return null;
    const top = edited.row + 1;
    const bottom = edited.row + edited.rowCount;
    const known = previous.snapshot.sheets.find((candidate) => candidate.name === sheet.name)?.rows ?? [];
    const width = Math.max(columnCountOf(known), edited.columnCount === MAX_COLUMNS ? 0 : edited.column + edited.columnCount);
    rowCount += bottom - top + 1;
    if (rowCount > MAX_PATCHED_ROWS) return null;
    bands.push({ sheet, top, bottom, width });
  }
  const loaded = bands.map((band) => {
    const range = context.workbook.worksheets.getItem(band.sheet.name).getRange(`A${band.top}:${columnLetters(band.width - 1)}${band.bottom}`);
    range.load('values');
    return { band, range };
  });
  await context.sync();
  const rowsBySheet = new Map(previous.snapshot.sheets.map((sheet) => [sheet.name, [...sheet.rows] as Array<CellValue[] | undefined>]));
  for (const { band, range } of loaded) {
    const rows = rowsBySheet.get(band.sheet.name);
    if (rows === undefined) continue;
    range.values.forEach((values, offset) => {
      rows[band.top - 1 + offset] = values.map(toCellValue);
    });
  }
  const sheets = previous.snapshot.sheets.map((sheet) => ({ ...sheet, rows: rowsBySheet.get(sheet.name) ?? sheet.rows }));
  return { snapshot: { ...previous.snapshot, sheets }, sheets: previous.sheets };
}

function columnCountOf(rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>): number {
  let width = 0;
  for (const row of rows) if (row !== undefined && row.length > width) width = row.length;
  return width;
}
