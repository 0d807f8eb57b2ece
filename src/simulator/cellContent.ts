import { SimulatedOfficeError } from './simulatedOfficeError';
import { ScalarValue, StoredCell } from './workbookModel';

/** A cell as tests and `toSheets` spell it: a value, null for empty, or an error value. */
export type CellInput = number | string | boolean | null | { readonly error: string };

/** The content part of a cell (value, error, formula) without its formatting. */
export interface CellContent {
  readonly value: ScalarValue | '';
  readonly error?: string;
  readonly formula?: string;
  /** A number format Excel picks while parsing typed text (ISO dates); applied only over 'General'. */
  readonly impliedNumberFormat?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Serial 0 of the 1904 date system (Mac-era workbooks) is 1 Jan 1904. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Stores a test-setup value as given, with no parsing. */
export function rawContent(input: CellInput): CellContent {
  if (input === null) return { value: '' };
  if (typeof input === 'object') return { value: '', error: input.error };
  return { value: input };
}

/**
 * What Excel stores for one element of a `values` write, or undefined for null (the cell is left
 * unchanged; learn.microsoft.com "Blank and null values in Excel add-ins"). Text is parsed the way Excel
 * parses typed text: "12" becomes a number, "TRUE" a boolean, ISO dates a date serial (typings of
 * Range.values), a leading apostrophe forces text, and "=…", "+x", "-x", "@x" become formulas, which the
 * simulator does not evaluate: they read back as the error '#NAME?' so that unescaped user text shows in
 * tests. In a cell formatted as Text ('@') strings are kept as they are.
 */
export function contentFromApiValue(input: unknown, location: string, textFormatted = false, date1904 = false): CellContent | undefined {
  if (input === null) return undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw SimulatedOfficeError.invalidArgument('values', location);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') throw SimulatedOfficeError.invalidArgument('values', location);
  return parseTypedText(input, textFormatted, date1904);
}

function parseTypedText(text: string, textFormatted: boolean, date1904: boolean): CellContent {
  if (text === '') return { value: '' };
  // The apostrophe is a prefix Excel keeps out of the value, whatever the cell's format.
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (textFormatted) return { value: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = dateSerialOrUndefined(trimmed, date1904);
  if (date !== undefined) return date;
  if (text.length > 1 && '=+-@'.includes(text[0])) return { value: '', error: '#NAME?', formula: text };
  return { value: text };
}

/** "2025-03-01" and (assumed, as typed into en-US Excel) "2025-03-01 10:00[:00]" as serials of the workbook's date system. */
function dateSerialOrUndefined(text: string, date1904: boolean): CellContent | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const days = (utc - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  if (match[4] === undefined) return { value: days, impliedNumberFormat: DATE_FORMAT };
  return { value: days + (hours * 3600 + minutes * 60 + seconds) / 86_400, impliedNumberFormat: DATE_TIME_FORMAT };
}

/** What `Range.values` reports for a cell: the value, '' when empty, the error text for errors. */
export function apiValue(cell: StoredCell): ScalarValue | '' {
  return cell.error ?? cell.value;
}

/** `Range.valueTypes` for a cell. */
export function valueType(cell: StoredCell): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (cell.error !== undefined) return 'Error';
  if (cell.value === '') return 'Empty';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}

/** A number format that shows a date: it names days or years and no digit placeholders ("d mmm yyyy", "m/d/yy"). */
function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const unquoted = format.replace(/"[^"]*"|\\./g, '');
  return /[dy]/i.test(unquoted) && !/[0#?]/.test(unquoted);
}

/**
 * `Range.text`, simplified: numbers print plainly, except under a date format, where the date shows as ISO
 * (with its time when the format has one) counted in the workbook's date system.
 */
export function displayText(cell: StoredCell, date1904 = false): string {
  if (cell.error !== undefined) return cell.error;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  if (typeof cell.value === 'number' && isDateFormat(cell.numberFormat)) {
    const iso = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(cell.value * 86_400) * 1000).toISOString();
    return /h/i.test(cell.numberFormat ?? '') ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
  }
  return String(cell.value);
}

/** `Range.formulas` for a cell: the formula text, else the value as `values` gives it. */
export function formulaText(cell: StoredCell): ScalarValue | '' {
  return cell.formula ?? apiValue(cell);
}

/** The cell as `toSheets` exports it. */
export function cellInputOf(cell: StoredCell): CellInput {
  if (cell.error !== undefined) return { error: cell.error };
  return cell.value === '' ? null : cell.value;
}
