import { columnLetters } from '../core';
import { SimulatedOfficeError } from './simulatedOfficeError';

/** Rows and columns of one worksheet grid (Excel 2007 and later). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based; whole rows or columns are rectangles that span the grid. */
export interface CellRect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface ParsedAddress {
  /** The sheet named before "!", unquoted; absent for a bare "A1:B2". */
  readonly sheetName?: string;
  readonly rect: CellRect;
}

export { columnLetters };

/** 0-based column index for letters ("A" → 0, "XFD" → 16383), or undefined past the grid. */
export function columnIndexOrUndefined(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMNS ? n - 1 : undefined;
}

/** A single-area rectangle in the grid, or undefined when any edge falls outside it. */
export function cellRect(row: number, column: number, rowCount: number, columnCount: number): CellRect | undefined {
  const whole = [row, column, rowCount, columnCount].every(Number.isInteger);
  if (!whole || row < 0 || column < 0 || rowCount < 1 || columnCount < 1) return undefined;
  if (row + rowCount > MAX_ROWS || column + columnCount > MAX_COLUMNS) return undefined;
  return { row, column, rowCount, columnCount };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parses "A1", "AA10", "A1:L200", "G:G", "3:5", "Sheet1!A1" and "'Resolution log'!A1:B2"; undefined if malformed. */
export function parseAddressOrUndefined(text: string): ParsedAddress | undefined {
  const split = splitSheetPrefix(text.trim());
  if (split === undefined) return undefined;
  const rect = parseRectOrUndefined(split.reference);
  if (rect === undefined) return undefined;
  return split.sheetName === undefined ? { rect } : { sheetName: split.sheetName, rect };
}

/** Like `parseAddressOrUndefined`, but a malformed address is Office.js's InvalidArgument. */
export function parseAddress(text: string): ParsedAddress {
  const parsed = parseAddressOrUndefined(text);
  if (parsed === undefined) throw SimulatedOfficeError.invalidArgument('address');
  return parsed;
}

function parseRectOrUndefined(reference: string): CellRect | undefined {
  const parts = reference.split(':');
  if (parts.length > 2 || parts.some((part) => part === '')) return undefined;
  const [first, last = first] = parts;
  const a = CELL.exec(first);
  const b = CELL.exec(last);
  if (a && b) {
    const [c1, c2] = [columnIndexOrUndefined(a[1]), columnIndexOrUndefined(b[1])];
    const [r1, r2] = [Number(a[2]) - 1, Number(b[2]) - 1];
    if (c1 === undefined || c2 === undefined || r1 < 0 || r2 < 0) return undefined;
    // Excel accepts the corners in any order ("B2:A1") and reports the normalized rectangle.
    return cellRect(Math.min(r1, r2), Math.min(c1, c2), Math.abs(r1 - r2) + 1, Math.abs(c1 - c2) + 1);
  }
  if (parts.length !== 2) return undefined;
  const colA = COLUMN.exec(first);
  const colB = COLUMN.exec(last);
  if (colA && colB) {
    const [c1, c2] = [columnIndexOrUndefined(colA[1]), columnIndexOrUndefined(colB[1])];
    if (c1 === undefined || c2 === undefined) return undefined;
    return { row: 0, column: Math.min(c1, c2), rowCount: MAX_ROWS, columnCount: Math.abs(c1 - c2) + 1 };
  }
  const rowA = ROW.exec(first);
  const rowB = ROW.exec(last);
  if (rowA && rowB) {
    const [r1, r2] = [Number(rowA[1]) - 1, Number(rowB[1]) - 1];
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return undefined;
    return { row: Math.min(r1, r2), column: 0, rowCount: Math.abs(r1 - r2) + 1, columnCount: MAX_COLUMNS };
  }
  return undefined;
}

function splitSheetPrefix(text: string): { sheetName?: string; reference: string } | undefined {
  if (text.startsWith("'")) {
    // A quoted name doubles its own apostrophes: 'Bob''s plan'!A1.
    let name = '';
    let i = 1;
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i += 1;
    }
    if (text[i] !== "'" || text[i + 1] !== '!' || name === '') return undefined;
    return { sheetName: name, reference: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { reference: text };
  const sheetName = text.slice(0, bang);
  if (sheetName === '' || /[\s'!]/.test(sheetName)) return undefined;
  return { sheetName, reference: text.slice(bang + 1) };
}

/** Splits a `getRanges` address list on commas or semicolons outside quoted sheet names. */
export function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';')) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts;
}

/** The rectangle as Excel writes it: "A1", "A1:B2", and whole columns or rows as "G:G", "3:3". */
export function formatRect(rect: CellRect): string {
  const lastRow = rect.row + rect.rowCount;
  const lastColumn = columnLetters(rect.column + rect.columnCount - 1);
  // Excel spells a rectangle spanning the grid as whole rows ("1:1") before whole columns ("A:A").
  if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) return `${rect.row + 1}:${lastRow}`;
  if (rect.row === 0 && rect.rowCount === MAX_ROWS) return `${columnLetters(rect.column)}:${lastColumn}`;
  const first = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${lastColumn}${lastRow}`;
}

/** A sheet-qualified address as `Range.address` gives it: "Allocations!A1:L200", "'Resolution log'!A1". */
export function formatAddress(sheetName: string, rect: CellRect): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect)}`;
}

/** Quotes a sheet name when Excel would: anything but letters, digits, "_" and ".", or a name that reads as a cell. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeReference = CELL.test(name) || /^[RrCc]\d*([Cc]\d*)?$/.test(name);
  return plain && !looksLikeReference ? name : `'${name.replace(/'/g, "''")}'`;
}

/** True when two rectangles share at least one cell. */
export function rectsIntersect(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}
