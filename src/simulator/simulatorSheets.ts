import { CellRange, columnIndex, columnLetters, formatRangeAddress, parseRangeAddress } from '../core';
import { CellInput, cellInputOf, rawContent } from './cellContent';
import { recalculate } from './hostCells';
import { normalizeColorOrUndefined } from './normalizeColor';
import { CellFill, keyCell, SheetModel, SheetVisibility, WorkbookModel } from './workbookModel';

/** A fill as tests give it: '#RRGGBB' for a solid fill, 'none' for "No Fill", or a theme colour with its tint. */
export type FillInput = string | { readonly color: string; readonly pattern?: string; readonly tintAndShade?: number };

/** An Excel table on a sheet; its columns are the header row's cells unless given. */
export interface SimulatorTable {
  readonly name: string;
  /** The whole table, header and totals rows included: 'A1:H20'. */
  readonly range: string;
  readonly showHeaders?: boolean;
  readonly showTotals?: boolean;
  readonly columns?: readonly string[];
}

/** One sheet of a simulated workbook, as the constructor takes it and `toSheets` returns it. */
export interface SimulatorSheet {
  readonly name: string;
  /** Values from A1; null is an empty cell, `{ error: '#REF!' }` an error value, `{ formula }` a formula. Ragged rows are fine. */
  readonly rows?: readonly (readonly CellInput[])[];
  /** Fills by cell or range address. */
  readonly fills?: Readonly<Record<string, FillInput>>;
  /** Number formats by cell or range address; cells not listed are 'General'. */
  readonly numberFormats?: Readonly<Record<string, string>>;
  /** Column widths in pixels by column letters ('I': 40); Excel's default is 64. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  readonly visibility?: SheetVisibility;
  /** Review › Protect Sheet: every write to its cells is refused. */
  readonly protected?: boolean;
  readonly tables?: readonly SimulatorTable[];
}

export function rectOf(address: string): CellRange {
  const parsed = parseRangeAddress(address);
  if (parsed === undefined) throw new Error(`ExcelSimulator: malformed address "${address}"`);
  return parsed.range;
}

export function forEachCellOf(rect: CellRange, visit: (row: number, column: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.column; c < rect.column + rect.columnCount; c++) visit(r, c);
}

export function fillOf(input: FillInput | null): CellFill | null {
  if (input === null || input === 'none') return null;
  const spec = typeof input === 'string' ? { color: input } : input;
  const color = normalizeColorOrUndefined(spec.color);
  if (color === undefined) throw new Error(`ExcelSimulator: not a color: "${spec.color}"`);
  return { color, pattern: spec.pattern ?? 'Solid', tintAndShade: spec.tintAndShade ?? 0 };
}

/** Builds the workbook the constructor describes, formulas calculated. */
export function buildModel(sheets: readonly SimulatorSheet[], date1904: boolean): WorkbookModel {
  const model = new WorkbookModel();
  model.date1904 = date1904;
  for (const input of sheets) addSheet(model, input);
  recalculate(model);
  return model;
}

function addSheet(model: WorkbookModel, input: SimulatorSheet): void {
  if (model.findSheet(input.name) !== undefined) throw new Error(`ExcelSimulator: duplicate sheet name "${input.name}"`);
  const sheet = model.addSheet(input.name, input.visibility ?? 'Visible');
  sheet.protected = input.protected ?? false;
  (input.rows ?? []).forEach((row, r) => row.forEach((value, c) => value !== null && model.putCell(sheet, r, c, { ...rawContent(value), fill: null })));
  for (const [address, fill] of Object.entries(input.fills ?? {})) {
    forEachCellOf(rectOf(address), (row, column) => model.putCell(sheet, row, column, { ...model.cellAt(sheet, row, column), fill: fillOf(fill) }));
  }
  for (const [address, format] of Object.entries(input.numberFormats ?? {})) {
    forEachCellOf(rectOf(address), (row, column) => model.putCell(sheet, row, column, { ...model.cellAt(sheet, row, column), numberFormat: format }));
  }
  for (const [letters, width] of Object.entries(input.columnWidths ?? {})) {
    const column = columnIndex(letters);
    if (column === undefined) throw new Error(`ExcelSimulator: "${letters}" is not a column`);
    sheet.columnWidths.set(column, width);
  }
  for (const table of input.tables ?? []) addTable(model, sheet, table);
}

function addTable(model: WorkbookModel, sheet: SheetModel, input: SimulatorTable): void {
  if (model.findTable(input.name) !== undefined) throw new Error(`ExcelSimulator: duplicate table name "${input.name}"`);
  const range = rectOf(input.range);
  const showHeaders = input.showHeaders ?? true;
  const header = Array.from({ length: range.columnCount }, (_, c) => String(model.cellAt(sheet, range.row, range.column + c).value));
  const columns = input.columns ?? (showHeaders ? header : Array.from({ length: range.columnCount }, (_, c) => `Column${c + 1}`));
  if (columns.length !== range.columnCount) throw new Error(`ExcelSimulator: table "${input.name}" has ${range.columnCount} columns, not ${columns.length}`);
  model.addTable(sheet, { name: input.name, range, showHeaders, showTotals: input.showTotals ?? false, columns: [...columns] });
}

/** Plain data for the workbench; `new ExcelSimulator({ sheets: toSheets(model) })` rebuilds the workbook. */
export function toSheets(model: WorkbookModel): SimulatorSheet[] {
  return model.sheets.map((sheet) => {
    const used = model.usedRect(sheet, true);
    const rows = used === undefined ? [] : Array.from({ length: used.row + used.rowCount }, (_, r) =>
      Array.from({ length: used.column + used.columnCount }, (_unused, c) => cellInputOf(model.cellAt(sheet, r, c))),
    );
    const fills: Record<string, FillInput> = {};
    const numberFormats: Record<string, string> = {};
    for (const [key, cell] of [...sheet.cells.entries()].sort(([a], [b]) => a - b)) {
      const { row, column } = keyCell(key);
      const address = formatRangeAddress({ row, column, rowCount: 1, columnCount: 1 });
      if (cell.fill !== null) fills[address] = cell.fill.pattern === 'Solid' && cell.fill.tintAndShade === 0 ? cell.fill.color : { ...cell.fill };
      if (cell.numberFormat !== undefined) numberFormats[address] = cell.numberFormat;
    }
    const columnWidths = Object.fromEntries([...sheet.columnWidths].map(([column, width]) => [columnLetters(column), width]));
    const tables = model.tablesOf(sheet).map((table) => ({ name: table.name, range: formatRangeAddress(table.range), showHeaders: table.showHeaders, showTotals: table.showTotals, columns: [...table.columns] }));
    return { name: sheet.name, visibility: sheet.visibility, protected: sheet.protected, rows, fills, numberFormats, columnWidths, tables };
  });
}
