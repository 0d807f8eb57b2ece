/**
 * Cell addresses, one convention for every layer: a cell or range is addressed as Office.js's `Range`
 * does, by **0-based** row and column indexes (A1 is row 0, column 0). The 1-based number a user sees
 * beside a row is its *sheet row* (`row + 1`) and appears only in reports, issues and the log.
 */

/** Rows and columns of one worksheet (Excel 2007 and later). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellAddress {
  readonly row: number;
  readonly column: number;
}

/** A rectangle of cells: its top-left cell and its size. Whole rows or columns span the grid. */
export interface CellRange {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Column letters for a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(column: number): string {
  let letters = '';
  let n = column + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index of column letters ("A" → 0, "XFD" → 16383), or undefined past the grid. */
export function columnIndex(letters: string): number | undefined {
  if (letters.length === 0 || letters.length > 3) return undefined;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) return undefined;
    n = n * 26 + (code - 0x60);
  }
  return n <= MAX_COLUMNS ? n - 1 : undefined;
}

/** "G12" for a cell; `$` never, as Excel writes addresses in `Range.address`. */
export function formatCellAddress(cell: CellAddress): string {
  return `${columnLetters(cell.column)}${cell.row + 1}`;
}

/** "G12" for the cell in column `column` (0-based) on the row a user calls `sheetRow` (1-based). */
export function sheetCellAddress(sheetRow: number, column: number): string {
  return `${columnLetters(column)}${sheetRow}`;
}

/**
 * The cell "G12" or "$G$12" names, or undefined for anything else (ranges, sheet prefixes, cells past
 * XFD1048576). Char codes, not a regular expression: the `.xlsx` reader parses every cell's address.
 */
export function parseCellAddress(text: string): CellAddress | undefined {
  let i = text.charCodeAt(0) === 0x24 ? 1 : 0;
  const lettersStart = i;
  while (i < text.length && ((text.charCodeAt(i) | 0x20) >= 0x61 && (text.charCodeAt(i) | 0x20) <= 0x7a)) i++;
  const column = columnIndex(text.slice(lettersStart, i));
  if (column === undefined) return undefined;
  if (text.charCodeAt(i) === 0x24) i++;
  if (i === text.length || i + 7 < text.length || text.charCodeAt(i) === 0x30) return undefined;
  let row = 0;
  for (; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    row = row * 10 + digit;
  }
  return row <= MAX_ROWS ? { row: row - 1, column } : undefined;
}

/** A range inside the grid, or undefined when an edge falls outside it or a size is not a whole count. */
export function rangeOrUndefined(row: number, column: number, rowCount: number, columnCount: number): CellRange | undefined {
  const whole = [row, column, rowCount, columnCount].every(Number.isInteger);
  if (!whole || row < 0 || column < 0 || rowCount < 1 || columnCount < 1) return undefined;
  if (row + rowCount > MAX_ROWS || column + columnCount > MAX_COLUMNS) return undefined;
  return { row, column, rowCount, columnCount };
}

/** The one-cell range of a cell. */
export function cellRange(cell: CellAddress): CellRange {
  return { row: cell.row, column: cell.column, rowCount: 1, columnCount: 1 };
}

const COLUMN_ONLY = /^\$?([A-Za-z]{1,3})$/;
const ROW_ONLY = /^\$?(\d{1,7})$/;

/**
 * Parses "A1", "AA10", "A1:L200", "B2:A1" (corners in any order), "G:G", "3:5", "Sheet1!A1" and
 * "'Resolution log'!A1:B2"; undefined if malformed or outside the grid.
 */
export function parseRangeAddress(text: string): { readonly sheetName?: string; readonly range: CellRange } | undefined {
  const split = splitSheetPrefix(text.trim());
  if (split === undefined) return undefined;
  const range = parseRangeReference(split.reference);
  if (range === undefined) return undefined;
  return split.sheetName === undefined ? { range } : { sheetName: split.sheetName, range };
}

function parseRangeReference(reference: string): CellRange | undefined {
  const parts = reference.split(':');
  if (parts.length > 2 || parts.some((part) => part === '')) return undefined;
  const [first, last = first] = parts;
  const a = parseCellAddress(first);
  const b = parseCellAddress(last);
  if (a !== undefined && b !== undefined) {
    return { row: Math.min(a.row, b.row), column: Math.min(a.column, b.column), rowCount: Math.abs(a.row - b.row) + 1, columnCount: Math.abs(a.column - b.column) + 1 };
  }
  if (parts.length !== 2) return undefined;
  const columnA = COLUMN_ONLY.exec(first);
  const columnB = COLUMN_ONLY.exec(last);
  if (columnA && columnB) {
    const [c1, c2] = [columnIndex(columnA[1]), columnIndex(columnB[1])];
    if (c1 === undefined || c2 === undefined) return undefined;
    return { row: 0, column: Math.min(c1, c2), rowCount: MAX_ROWS, columnCount: Math.abs(c1 - c2) + 1 };
  }
  const rowA = ROW_ONLY.exec(first);
  const rowB = ROW_ONLY.exec(last);
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

/** Splits an address list ("A1:B2, D4" or "A1;B2") on commas or semicolons outside quoted sheet names. */
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

/** The range as Excel writes it: "A1", "A1:B2", and whole rows or columns as "1:1", "G:G". */
export function formatRangeAddress(range: CellRange): string {
  const lastRow = range.row + range.rowCount;
  const lastColumn = columnLetters(range.column + range.columnCount - 1);
  // Excel spells a range spanning the grid as whole rows ("1:1") before whole columns ("A:A").
  if (range.column === 0 && range.columnCount === MAX_COLUMNS) return `${range.row + 1}:${lastRow}`;
  if (range.row === 0 && range.rowCount === MAX_ROWS) return `${columnLetters(range.column)}:${lastColumn}`;
  const first = formatCellAddress(range);
  if (range.rowCount === 1 && range.columnCount === 1) return first;
  return `${first}:${lastColumn}${lastRow}`;
}

/** A sheet-qualified address as `Range.address` gives it: "Allocations!A1:L200", "'Resolution log'!A1". */
export function formatSheetRangeAddress(sheetName: string, range: CellRange): string {
  return `${quoteSheetName(sheetName)}!${formatRangeAddress(range)}`;
}

/** Quotes a sheet name when Excel would: anything but letters, digits, "_" and ".", or a name that reads as a cell. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeReference = parseCellAddress(name) !== undefined || /^[RrCc]\d*([Cc]\d*)?$/.test(name);
  return plain && !looksLikeReference ? name : `'${name.replace(/'/g, "''")}'`;
}

/** True when two ranges share at least one cell. */
export function rangesIntersect(a: CellRange, b: CellRange): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

/** True when the range holds the cell. */
export function rangeContains(range: CellRange, cell: CellAddress): boolean {
  return cell.row >= range.row && cell.row < range.row + range.rowCount && cell.column >= range.column && cell.column < range.column + range.columnCount;
}

/** Every cell of the range, row by row. */
export function cellsOfRange(range: CellRange): CellAddress[] {
  const cells: CellAddress[] = [];
  for (let row = range.row; row < range.row + range.rowCount; row++) {
    for (let column = range.column; column < range.column + range.columnCount; column++) cells.push({ row, column });
  }
  return cells;
}

/**
 * Covers exactly the given cells with few ranges: adjacent columns of a row join into a span, and
 * identical spans on consecutive rows join into a block. Ranges come top to bottom, then left to right.
 */
export function cellsToRanges(cells: readonly CellAddress[]): CellRange[] {
  const columnsByRow = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const columns = columnsByRow.get(row);
    if (columns === undefined) columnsByRow.set(row, [column]);
    else columns.push(column);
  }
  const ranges: CellRange[] = [];
  const open = new Map<string, CellRange>();
  for (const row of [...columnsByRow.keys()].sort((a, b) => a - b)) {
    const columns = [...new Set(columnsByRow.get(row))].sort((a, b) => a - b);
    const spans: Array<[number, number]> = [];
    for (const column of columns) {
      const last = spans[spans.length - 1];
      if (last !== undefined && last[1] === column - 1) last[1] = column;
      else spans.push([column, column]);
    }
    for (const [left, right] of spans) {
      const key = `${left}:${right}`;
      const previous = open.get(key);
      if (previous !== undefined && previous.row + previous.rowCount === row) {
        open.set(key, { ...previous, rowCount: previous.rowCount + 1 });
      } else {
        if (previous !== undefined) ranges.push(previous);
        open.set(key, { row, column: left, rowCount: 1, columnCount: right - left + 1 });
      }
    }
  }
  ranges.push(...open.values());
  return ranges.sort((a, b) => a.row - b.row || a.column - b.column);
}
