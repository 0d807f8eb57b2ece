import { CellValue, formatCellAddress, serialFromDay, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../core';
import { directoryOf, findWorkbookParts, relationships, relsPathOf, requirePart, SheetPart, WorkbookParts } from './findWorkbookParts';
import { READER_LIMITS } from './readerLimits';
import { localName, parseXmlPart } from './parseXmlPart';
import { readTablePart } from './readTablePart';
import { CellTag, scanSheetData } from './scanSheetData';
import { decodeCellText } from './xmlText';
import { ReaderLimitExceeded, UnreadableArchive, ZipArchive } from './zipArchive';

export interface XlsxWorkbook {
  readonly archive: ZipArchive;
  readonly parts: WorkbookParts;
  readonly snapshot: WorkbookSnapshot;
}

/**
 * Reads an .xlsx file's values and table definitions as Excel's own API reports them: formulas by their
 * cached result, dates as serials of the workbook's date system, errors as `{ error }`, rich text as its
 * plain text. Styles are not read. Every part is streamed through an XML parser within `READER_LIMITS`.
 * Throws `UnreadableArchive` (or `ReaderLimitExceeded`) with one sentence when the bytes are not a
 * workbook it can read whole: it never returns part of one.
 */
export function readXlsxWorkbook(bytes: Buffer): XlsxWorkbook {
  const archive = ZipArchive.fromBuffer(bytes);
  const parts = findWorkbookParts(archive);
  const sharedStrings = parts.sharedStringsPath === undefined ? undefined : readSharedStrings(archive, parts.sharedStringsPath);
  const budget = { slots: 0 };
  const sheets = parts.sheets.map((sheet) => readSheet(archive, sheet, { sharedStrings, sharedStringsPath: parts.sharedStringsPath, date1904: parts.date1904, budget }));
  return { archive, parts, snapshot: { date1904: parts.date1904, sheets } };
}

function readSharedStrings(archive: ZipArchive, partName: string): string[] {
  const strings: string[] = [];
  let item: string | null = null;
  let inText = false;
  let phoneticDepth = 0;
  parseXmlPart(archive, partName, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'si') {
        item = '';
        if (strings.length >= READER_LIMITS.maxSharedStrings) throw new ReaderLimitExceeded(`its part ${partName} has more than ${READER_LIMITS.maxSharedStrings} shared strings`);
      } else if (item === null) return;
      else if (phoneticDepth > 0 || name === 'rPh') phoneticDepth++;
      else if (name === 't') inText = true;
    },
    close(name) {
      if (item === null) return;
      const local = localName(name);
      if (phoneticDepth > 0) phoneticDepth--;
      else if (local === 't') inText = false;
      else if (local === 'si') {
        strings.push(checkedLength(decodeCellText(item), () => `its part ${partName} has a string (number ${strings.length})`));
        item = null;
      }
    },
    text(content) {
      if (inText && item !== null && phoneticDepth === 0) item += content;
    },
  });
  return strings;
}

function checkedLength(text: string, where: () => string): string {
  if (text.length > READER_LIMITS.maxStringLength) {
    throw new ReaderLimitExceeded(`${where()} of ${text.length} characters, more than the ${READER_LIMITS.maxStringLength} the reader accepts in a cell`);
  }
  return text;
}

interface SheetContext {
  readonly sharedStrings: readonly string[] | undefined;
  readonly sharedStringsPath: string | undefined;
  readonly date1904: boolean;
  /** Cell slots of every sheet read so far, against `maxCellSlots`. */
  readonly budget: { slots: number };
}

function readSheet(archive: ZipArchive, sheet: SheetPart, context: SheetContext): SheetSnapshot {
  const rows: CellValue[][] = [];
  const tableIds: string[] = [];
  const where = (cell: CellTag) => `the cell ${formatCellAddress({ row: cell.row - 1, column: cell.column - 1 })} of sheet ${sheet.name}`;
  scanSheetData(archive, sheet.path, {
    cell(cell) {
      const value = cellValue(cell, context, where);
      if (value === null) return;
      let cells = rows[cell.row - 1];
      if (cells === undefined) {
        cells = [];
        rows[cell.row - 1] = cells;
      }
      const index = cell.column - 1;
      if (index >= cells.length) {
        context.budget.slots += index + 1 - cells.length;
        if (context.budget.slots > READER_LIMITS.maxCellSlots) {
          throw new ReaderLimitExceeded(`its sheets hold more than ${READER_LIMITS.maxCellSlots} cells (each row counted to its last cell)`);
        }
        // Holes read as empty cells; filling them in order keeps the row a packed array.
        while (cells.length < index) cells.push(null);
        cells.push(value);
      } else cells[index] = value;
    },
    tablePart(id) {
      tableIds.push(id);
    },
  });
  return { name: sheet.name, visibility: sheet.visibility, rows, tables: readTables(archive, sheet, tableIds) };
}

/** The sheet's tables, in the order its `<tableParts>` lists them. */
function readTables(archive: ZipArchive, sheet: SheetPart, ids: readonly string[]): TableSnapshot[] {
  if (ids.length === 0) return [];
  const relsPath = relsPathOf(sheet.path);
  const byId = new Map(relationships(archive, relsPath, directoryOf(sheet.path)).map((rel) => [rel.id, rel]));
  return ids.map((id) => {
    const rel = byId.get(id);
    if (rel === undefined) throw new UnreadableArchive(`its sheet ${sheet.name} lists a table ${id}, which ${relsPath} does not have`);
    requirePart(archive, rel.target);
    return readTablePart(archive, rel.target);
  });
}

function cellValue(cell: CellTag, context: SheetContext, where: (cell: CellTag) => string): CellValue {
  const type = cell.type;
  if (type === 'inlineStr') return cell.inline === null ? null : checkedLength(decodeCellText(cell.inline), () => `${where(cell)} has a text`);
  const text = cell.value;
  if (text === null) return null;
  switch (type) {
    case undefined:
    case 'n': {
      if (text.trim() === '') return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : checkedLength(decodeCellText(text), () => `${where(cell)} has a text`);
    }
    case 's':
      return sharedString(cell, text, context, where);
    case 'str':
      return text === '' ? null : checkedLength(decodeCellText(text), () => `${where(cell)} has a text`);
    case 'b':
      return text.trim() === '1' || text.trim() === 'true';
    case 'e':
      return { error: text.trim() };
    case 'd':
      return serialFromIsoText(text.trim(), context.date1904);
    default:
      return checkedLength(decodeCellText(text), () => `${where(cell)} has a text`);
  }
}

function sharedString(cell: CellTag, text: string, context: SheetContext, where: (cell: CellTag) => string): CellValue {
  if (text.trim() === '') return null;
  if (context.sharedStrings === undefined) throw new UnreadableArchive(`${where(cell)} refers to a shared string, but the workbook has no shared strings part`);
  const index = Number(text);
  const value = Number.isInteger(index) && index >= 0 ? context.sharedStrings[index] : undefined;
  if (value === undefined) {
    throw new UnreadableArchive(`${where(cell)} refers to shared string ${text.trim().slice(0, 20)}, but ${context.sharedStringsPath} has ${context.sharedStrings.length}`);
  }
  return value;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?:Z|[+-]\d{2}:?\d{2})?$/;
const MS_PER_DAY = 86_400_000;

/**
 * A `t="d"` cell (ISO 8601 text in the file) as the serial Excel shows: a date and time as days since
 * the epoch plus the day's fraction, a time alone as the fraction; a zone is ignored (Excel has none).
 * Text that is no ISO date stays text.
 */
function serialFromIsoText(text: string, date1904: boolean): CellValue {
  const time = ISO_TIME.exec(text);
  if (time !== null) {
    const [, hours, minutes, seconds = '0'] = time;
    const fraction = (Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1000) / MS_PER_DAY;
    return fraction < 1 ? fraction : text;
  }
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return text;
  const [, year, month, dayOfMonth, hours = '0', minutes = '0', seconds = '0'] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(dayOfMonth), Number(hours), Number(minutes), 0) + Number(seconds) * 1000;
  if (!Number.isFinite(ms)) return text;
  const days = ms / MS_PER_DAY;
  const whole = Math.floor(days);
  return serialFromDay(whole, date1904) + (days - whole);
}
