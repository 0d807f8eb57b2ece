import ExcelJS from 'exceljs';
import type { CellInput, FillInput, SheetVisibility, SimulatorSheet } from '../simulator';
import { parseRangeAddress } from '../core';
import { shownColor } from './excelColors';
import { cellInputOf, solidFillOf, themeColorsOf, WorkbenchWorkbook } from './xlsxToSimulator';

const STATE: Record<SheetVisibility, ExcelJS.WorksheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/**
 * Writes the workbook as it now is to .xlsx. Given the file it was opened from, only what changed is
 * written into that file (values, solid fills, number formats, new sheets), so formulas, fonts, borders,
 * column widths and theme colours of untouched cells survive.
 */
export async function simulatorToXlsx(workbook: WorkbenchWorkbook, original?: ArrayBuffer): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  if (original !== undefined) await book.xlsx.load(original);
  book.properties.date1904 = workbook.date1904;
  const theme = themeColorsOf(book);
  for (const sheet of workbook.sheets) {
    const target = book.getWorksheet(sheet.name) ?? book.addWorksheet(sheet.name);
    target.state = STATE[sheet.visibility ?? 'Visible'];
    writeChangedCells(target, sheet, workbook.date1904, theme);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

interface WantedCell {
  value: CellInput;
  fill: string | null;
  numberFormat: string;
}

function writeChangedCells(target: ExcelJS.Worksheet, sheet: SimulatorSheet, date1904: boolean, theme: readonly string[]): void {
  const wanted = wantedCells(sheet);
  // Cells the file has and the simulator does not were cleared: visit them too.
  target.eachRow({ includeEmpty: true }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: true }, (_cell, columnNumber) => {
      const key = `${rowNumber},${columnNumber}`;
      if (!wanted.has(key)) wanted.set(key, { value: null, fill: null, numberFormat: 'General' });
    }),
  );
  for (const [key, want] of wanted) {
    const [rowNumber, columnNumber] = key.split(',').map(Number);
    const cell = target.getCell(rowNumber, columnNumber);
    if (!sameInput(cellInputOf(cell, date1904), want.value)) cell.value = excelJsValue(want.value);
    // A new style object per cell: ExcelJS may share one between cells read from the same style.
    if ((solidFillOf(cell, theme) ?? null) !== want.fill) cell.style = { ...cell.style, fill: solidFill(want.fill) };
    if ((cell.numFmt ?? 'General') !== want.numberFormat) cell.style = { ...cell.style, numFmt: want.numberFormat };
  }
}

/** Every cell the simulator sheet mentions, keyed "row,column" (1-based, as ExcelJS counts). */
function wantedCells(sheet: SimulatorSheet): Map<string, WantedCell> {
  const cells = new Map<string, WantedCell>();
  const at = (row: number, column: number): WantedCell => {
    const key = `${row + 1},${column + 1}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { value: null, fill: null, numberFormat: 'General' };
      cells.set(key, cell);
    }
    return cell;
  };
  (sheet.rows ?? []).forEach((row, r) => row.forEach((value, c) => {
    if (value !== null) at(r, c).value = value;
  }));
  const forEachCell = (address: string, visit: (cell: WantedCell) => void): void => {
    const rect = parseRangeAddress(address)?.range;
    if (rect === undefined) throw new Error(`simulatorToXlsx: malformed address "${address}"`);
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.column; c < rect.column + rect.columnCount; c++) visit(at(r, c));
  };
  for (const [address, fill] of Object.entries(sheet.fills ?? {})) forEachCell(address, (cell) => (cell.fill = fillColor(fill)));
  for (const [address, format] of Object.entries(sheet.numberFormats ?? {})) forEachCell(address, (cell) => (cell.numberFormat = format));
  return cells;
}

/** The solid colour the file gets for a fill: its colour with its tint applied. */
function fillColor(fill: FillInput): string | null {
  if (fill === 'none') return null;
  return shownColor(typeof fill === 'string' ? { color: fill.toUpperCase() } : { ...fill, color: fill.color.toUpperCase() });
}

function sameInput(a: CellInput, b: CellInput): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    if ('formula' in a || 'formula' in b) return 'formula' in a && 'formula' in b && a.formula === b.formula && a.value === b.value;
    return a.error === b.error;
  }
  return a === b;
}

function excelJsValue(value: CellInput): ExcelJS.CellValue {
  if (typeof value === 'object' && value !== null) {
    if ('formula' in value) return { formula: value.formula.replace(/^=/, ''), result: value.value } as ExcelJS.CellFormulaValue;
    return { error: value.error as ExcelJS.CellErrorValue['error'] };
  }
  // Text stays text: ExcelJS writes a formula only when given a { formula } object.
  return value;
}

function solidFill(color: string | null): ExcelJS.Fill {
  if (color === null) return { type: 'pattern', pattern: 'none' };
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${color.slice(1)}` } };
}
