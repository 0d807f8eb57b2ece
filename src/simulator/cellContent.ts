import { HostError } from './hostError';
import { ScalarValue, StoredCell } from './workbookModel';

/**
 * A cell as tests and `toSheets` spell it: a value, null for empty, an error value, or a formula with
 * the result Excel cached for it (`{ formula: '=I2+13', value: 46100 }`; without a value the host computes it).
 */
export type CellInput = number | string | boolean | null | { readonly error: string } | { readonly formula: string; readonly value?: number | string | boolean };

/** The content part of a cell (value, error, formula) without its formatting. */
export interface CellContent {
  readonly value: ScalarValue | '';
  readonly error?: string;
  readonly formula?: string;
  /** A number format Excel picks while parsing typed text (dates, percentages); applied only over 'General'. */
  readonly impliedNumberFormat?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** The format Excel gives typed dates in en-US: the locale's short date (built-in format 14). */
export const SHORT_DATE_FORMAT = 'm/d/yyyy';
const DATE_TIME_FORMAT = 'm/d/yyyy h:mm';
const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Serial 0 of the 1904 date system (Mac-era workbooks) is 1 Jan 1904. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export const epochOf = (date1904: boolean): number => (date1904 ? EPOCH_1904 : EPOCH_1900);

/** Stores a test-setup value as given, with no parsing. */
export function rawContent(input: CellInput): CellContent {
  if (input === null) return { value: '' };
  if (typeof input === 'object') {
    if ('error' in input) return { value: '', error: input.error };
    return { value: input.value ?? '', formula: input.formula };
  }
  return { value: input };
}

/**
 * What Excel stores for one element of a `values` write, or undefined for null (the cell is left
 * unchanged; learn.microsoft.com "Blank and null values in Excel add-ins"). Text is parsed the way Excel
 * parses typed text: "12" becomes a number, "50%" 0.5, "TRUE" a boolean, ISO and US dates a date serial
 * with a date format, "=…" (and "+x", "-x", "@x" that are not numbers) a formula; a leading apostrophe
 * keeps the rest as text. A cell formatted as Text ('@') keeps every string exactly as written.
 */
export function contentFromWrite(input: unknown, location: string, numberFormat: string | undefined, date1904: boolean): CellContent | undefined {
  if (input === null) return undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw HostError.invalidArgument('values', location);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') throw HostError.invalidArgument('values', location);
  if (input === '') return { value: '' };
  if (numberFormat === '@') return { value: input };
  return parseTypedText(input, date1904);
}

function parseTypedText(text: string, date1904: boolean): CellContent {
  // The apostrophe is a prefix Excel keeps out of the value.
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  const percent = PERCENT.exec(trimmed);
  if (percent !== null) return { value: Number(percent[1]) / 100, impliedNumberFormat: '0%' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = dateSerialOrUndefined(trimmed, date1904);
  if (date !== undefined) return date;
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  if (text.length > 1 && '+-@'.includes(text[0])) return { value: '', formula: `=${text}` };
  return { value: text };
}

/** "2026-03-01", "2026-03-01 10:00[:00]" and (as typed into en-US Excel) "3/1/2026" as serials of the workbook's date system. */
function dateSerialOrUndefined(text: string, date1904: boolean): CellContent | undefined {
  const iso = ISO_DATE_TIME.exec(text);
  const us = iso === null ? US_DATE.exec(text) : null;
  if (iso === null && us === null) return undefined;
  const [year, month, day, hours, minutes, seconds] =
    iso !== null ? iso.slice(1).map((part) => (part === undefined ? 0 : Number(part))) : [Number(us![3]), Number(us![1]), Number(us![2]), 0, 0, 0];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const days = (utc - epochOf(date1904)) / MS_PER_DAY;
  if (iso === null || iso[4] === undefined) return { value: days, impliedNumberFormat: SHORT_DATE_FORMAT };
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

/** `Range.formulas` for a cell: the formula text, else the value as `values` gives it. */
export function formulaText(cell: StoredCell): ScalarValue | '' {
  return cell.formula ?? apiValue(cell);
}

/** The cell as `toSheets` exports it. */
export function cellInputOf(cell: StoredCell): CellInput {
  if (cell.formula !== undefined) return { formula: cell.formula, value: cell.error ?? cell.value };
  if (cell.error !== undefined) return { error: cell.error };
  return cell.value === '' ? null : cell.value;
}
