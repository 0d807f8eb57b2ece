import ExcelJS from 'exceljs';
import type { CellInput, SheetVisibility, SimulatorSheet } from '../simulator';
import { formatRangeAddress } from '../core';
import { resolveColor, themeColorsFromXml, XlsxColor } from './excelColors';

/** A workbook as the workbench holds it: the simulator's sheets plus what the simulator does not model. */
export interface WorkbenchWorkbook {
  readonly sheets: SimulatorSheet[];
  /** True when the file counts dates from 1904; date cells then hold serials of that system. */
  readonly date1904: boolean;
  /** The sheet the file was saved on, if it says. */
  readonly activeSheet?: string;
  /** Column widths in pixels by sheet name, where the file sets them; the grid draws them. */
  readonly columnWidths?: Readonly<Record<string, ReadonlyArray<number | undefined>>>;
}

const MS_PER_DAY = 86_400_000;
/** 1900-system serial of 1970-01-01, and the gap between the two date systems, as ExcelJS converts them. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET = 1_462;

/** Excel's column width unit is the width of a digit: about 7 pixels plus 5 of padding in Calibri 11. */
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING_PIXELS = 5;

const VISIBILITY: Record<ExcelJS.WorksheetState, SheetVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

/** Reads an .xlsx file into the simulator's plain data: values, solid fills, number formats, sheets and their visibility. */
export async function xlsxToSimulator(data: ArrayBuffer): Promise<WorkbenchWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  return workbookToSimulator(workbook);
}

export function workbookToSimulator(workbook: ExcelJS.Workbook): WorkbenchWorkbook {
  const date1904 = workbook.properties.date1904 === true;
  const theme = themeColorsOf(workbook);
  const sheets = workbook.worksheets.map((worksheet) => sheetToSimulator(worksheet, date1904, theme));
  const activeTab = workbook.views?.[0]?.activeTab;
  const activeSheet = activeTab === undefined ? undefined : workbook.worksheets[activeTab]?.name;
  const visible = sheets.find((sheet) => sheet.name === activeSheet)?.visibility === 'Visible';
  const columnWidths = Object.fromEntries(workbook.worksheets.map((worksheet) => [worksheet.name, columnWidthsOf(worksheet)]));
  return { sheets, date1904, columnWidths, ...(visible ? { activeSheet } : {}) };
}

function columnWidthsOf(worksheet: ExcelJS.Worksheet): Array<number | undefined> {
  return (worksheet.columns ?? []).map((column) =>
    column.width === undefined ? undefined : Math.round(column.width * PIXELS_PER_CHARACTER + COLUMN_PADDING_PIXELS),
  );
}

function sheetToSimulator(worksheet: ExcelJS.Worksheet, date1904: boolean, theme: readonly string[]): SimulatorSheet {
  const rows: CellInput[][] = [];
  const fills: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: CellInput[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      values[columnNumber - 1] = cellInputOf(cell, date1904);
      const address = formatRangeAddress({ row: rowNumber - 1, column: columnNumber - 1, rowCount: 1, columnCount: 1 });
      const fill = solidFillOf(cell, theme);
      if (fill !== undefined) fills[address] = fill;
      if (cell.numFmt !== undefined && cell.numFmt !== 'General') numberFormats[address] = cell.numFmt;
    });
    rows[rowNumber - 1] = Array.from(values, (value) => value ?? null);
  });
  return { name: worksheet.name, visibility: VISIBILITY[worksheet.state] ?? 'Visible', rows: Array.from(rows, (row) => row ?? []), fills, numberFormats };
}

/**
 * The cell as the simulator holds it: dates as serials of the workbook's date system, formulas as their
 * cached results, rich text and hyperlinks as their text, error values as `{ error }`.
 */
export function cellInputOf(cell: ExcelJS.Cell, date1904: boolean): CellInput {
  // ExcelJS repeats a merged range's value in every cell of it; Excel keeps it in the first cell only.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return inputOfValue(cell.value, date1904);
}

function inputOfValue(value: ExcelJS.CellValue | undefined, date1904: boolean): CellInput {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialOfDate(value, date1904);
  if ('error' in value) return { error: value.error };
  if ('richText' in value) return value.richText.map((run) => run.text).join('') || null;
  if ('formula' in value || 'sharedFormula' in value) return inputOfValue(value.result, date1904);
  if ('hyperlink' in value) return inputOfValue(value.text as ExcelJS.CellValue, date1904);
  return null;
}

/** The serial ExcelJS read as this Date (its inverse of `excelToDate`), in the workbook's date system. */
export function serialOfDate(date: Date, date1904: boolean): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE_1904_OFFSET : 0);
}

/** '#RRGGBB' of a cell's solid fill; undefined for no fill, patterns and gradients. */
export function solidFillOf(cell: ExcelJS.Cell, theme: readonly string[]): string | undefined {
  const fill = cell.fill as ExcelJS.Fill | undefined;
  if (fill === undefined || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  return resolveColor((fill.fgColor ?? fill.bgColor) as XlsxColor | undefined, theme);
}

/** The theme colours ExcelJS kept from the file's theme part (the Office theme when there is none). */
export function themeColorsOf(workbook: ExcelJS.Workbook): string[] {
  const themes = (workbook as unknown as { _themes?: Record<string, string> })._themes;
  return themeColorsFromXml(themes?.theme1);
}
