import { CellRange } from './address';

/** An Excel error value such as `#REF!` or `#N/A`, kept apart from text that merely looks like one. */
export interface CellError {
  readonly error: string;
}

/** A cell as Excel gives it: number (date serials included), text, boolean, error value or empty. */
export type CellValue = number | string | boolean | CellError | null;

/** An Excel table (ListObject) on a sheet, as its definition gives it. */
export interface TableSnapshot {
  readonly name: string;
  /** The table's whole range: its header row, data body and totals row. */
  readonly range: CellRange;
  /** Excel lets a table hide its header row; without one, every row of `range` but the totals is data. */
  readonly hasHeaderRow: boolean;
  readonly hasTotalsRow: boolean;
  /** Column names from the definition, left to right. */
  readonly columns: readonly string[];
}

/** A row of a sheet's values; a missing row (undefined, or null as JSON gives it) is a blank one. */
export type SnapshotRow = ReadonlyArray<CellValue> | undefined | null;

/** One worksheet's values; `rows[0][0]` is cell A1, rows and cells may be ragged or missing. */
export interface SheetSnapshot {
  readonly name: string;
  /** Very hidden sheets hold add-in state and are never read as tables. */
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
  readonly rows: readonly SnapshotRow[];
  /** The sheet's Excel tables, in the order the file or Office.js lists them; absent when not read. */
  readonly tables?: readonly TableSnapshot[];
}

/** Plain-data copy of a workbook, produced by both the Office.js and the `.xlsx` adapters. */
export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** True when the workbook counts dates from 1904 (Mac-era workbooks). */
  readonly date1904: boolean;
}

export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === 'object' && value !== null;
}

/** True for an empty cell or text made only of whitespace. */
export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // Text starting with a visible ASCII character is not blank; only other text needs a trim to tell.
  const first = value.charCodeAt(0);
  return !(first > 32 && first < 127) && value.trim() === '';
}

/** The text a user sees for simple values; error values read as their code. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    // Most cells have nothing to trim; checking both ends is cheaper than trimming.
    const last = value.length - 1;
    return last >= 0 && value.charCodeAt(0) > 32 && value.charCodeAt(0) < 127 && value.charCodeAt(last) > 32 && value.charCodeAt(last) < 127 ? value : value.trim();
  }
  if (isCellError(value)) return value.error;
  return String(value);
}
