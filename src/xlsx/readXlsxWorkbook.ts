import { CellValue, serialFromDay, SheetSnapshot, WorkbookSnapshot } from '../core';
import { scanSheetData } from './scanSheetData';
import { findWorkbookParts, WorkbookParts } from './findWorkbookParts';
import { decodeCellText, decodeXml, findElements, stringItemText } from './xmlText';
import { ZipArchive } from './zipArchive';

export interface XlsxWorkbook {
  readonly archive: ZipArchive;
  readonly parts: WorkbookParts;
  readonly snapshot: WorkbookSnapshot;
}

/**
 * Reads an .xlsx file's values straight from its XML, as Excel's own API reports them: formulas by their
 * cached result, dates as serials of the workbook's date system, errors as `{ error }`, rich text as its
 * plain text. Styles are not read. Throws `UnreadableArchive` when the bytes are not a workbook.
 */
export function readXlsxWorkbook(bytes: Buffer): XlsxWorkbook {
  const archive = ZipArchive.fromBuffer(bytes);
  const parts = findWorkbookParts(archive);
  const sharedStrings = readSharedStrings(parts.sharedStringsPath === undefined ? undefined : archive.readText(parts.sharedStringsPath));
  const sheets = parts.sheets.map((sheet): SheetSnapshot => ({
    name: sheet.name,
    visibility: sheet.visibility,
    rows: readSheetRows(archive.readText(sheet.path) ?? '', sharedStrings, parts.date1904),
  }));
  return { archive, parts, snapshot: { date1904: parts.date1904, sheets } };
}

function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  return findElements(xml, 'si').map((item) => stringItemText(item.inner));
}

const V = /<((?:[\w.-]+:)?)v(?:\s[^>]*)?>([\s\S]*?)<\/\1v>/;
const INLINE_STRING = /<((?:[\w.-]+:)?)is(?:\s[^>]*)?>([\s\S]*?)<\/\1is>/;
const TYPE = /(?:^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function readSheetRows(xml: string, sharedStrings: readonly string[], date1904: boolean): Array<CellValue[] | undefined> {
  const rows: Array<CellValue[] | undefined> = [];
  let cells: CellValue[] = [];
  let cellsRow = 0;
  const flush = () => {
    // A row counts only when a cell in it holds a value; holes read as empty cells.
    if (cells.length > 0) {
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[cellsRow - 1] = cells;
      cells = [];
    }
  };
  scanSheetData(xml, {
    cell: ({ row, column, attributes, inner }) => {
      if (inner === null) return;
      const value = cellValue(attributes, inner, sharedStrings, date1904);
      if (value === null) return;
      if (row !== cellsRow) {
        flush();
        cellsRow = row;
        cells = rows[row - 1] ?? [];
      }
      cells[column - 1] = value;
    },
  });
  flush();
  return rows;
}

function cellValue(attributes: string, inner: string, sharedStrings: readonly string[], date1904: boolean): CellValue {
  const typeMatch = TYPE.exec(attributes);
  const type = typeMatch === null ? 'n' : (typeMatch[1] ?? typeMatch[2]);
  if (type === 'inlineStr') {
    const inline = INLINE_STRING.exec(inner);
    return inline === null ? null : stringItemText(inline[2]);
  }
  const v = V.exec(inner);
  if (v === null) return null;
  const text = v[2];
  switch (type) {
    case 's':
      return sharedStrings[Number(text)] ?? null;
    case 'str':
      return text === '' ? null : decodeCellText(text);
    case 'b':
      return text.trim() === '1' || text.trim() === 'true';
    case 'e':
      return { error: decodeXml(text).trim() };
    case 'd':
      return serialFromIsoText(text.trim(), date1904);
    default: {
      if (text.trim() === '') return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : decodeCellText(text);
    }
  }
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** A `t="d"` cell (ISO 8601 text in the file) as the serial Excel shows; unreadable text stays text. */
function serialFromIsoText(text: string, date1904: boolean): CellValue {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return text;
  const [, year, month, dayOfMonth, hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(dayOfMonth), Number(hours), Number(minutes), Number(seconds));
  if (!Number.isFinite(ms)) return text;
  const days = ms / 86_400_000;
  const whole = Math.floor(days);
  return serialFromDay(whole, date1904) + (days - whole);
}
