import { dayFromSerial, dayFromYmd, fieldOfHeader, formatIsoDay, formatReadableDay, HEADER_SEARCH_ROWS, serialFromDay } from '../core';
import type { CellInput } from '../simulator';

/** A cell as `Range.values` gives it: '' when empty, error values as their text. */
export type GridValue = number | string | boolean;

/** Where a sheet's table keeps dates: columns named Start or End (or a synonym), below the header row. */
export interface DateColumns {
  readonly headerRow: number;
  readonly columns: ReadonlySet<number>;
}

const NO_DATE_COLUMNS: DateColumns = { headerRow: Infinity, columns: new Set() };

/** The Start and End columns of the first header row within the search window, if any. */
export function dateColumnsOf(rows: ReadonlyArray<readonly GridValue[]>): DateColumns {
  for (let row = 0; row < Math.min(rows.length, HEADER_SEARCH_ROWS); row++) {
    const fields = rows[row].map((value) => (typeof value === 'string' ? fieldOfHeader(value) : undefined));
    const columns = new Set(fields.flatMap((field, column) => (field === 'start' || field === 'end' ? [column] : [])));
    // One date-ish header alone (a "From" in a note) is not a table.
    if (columns.size > 0 && fields.filter((field) => field !== undefined).length >= 3) return { headerRow: row, columns };
  }
  return NO_DATE_COLUMNS;
}

/** True for number formats that show a date or time: d, m, y, h or s outside quotes, escapes and [colour] tags. */
export function isDateFormat(numberFormat: string): boolean {
  const code = numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(code) && !/^general$/i.test(code.trim());
}

export interface CellFormat {
  readonly numberFormat: string;
  /** In a Start or End column: numbers there are dates whatever their format. */
  readonly inDateColumn: boolean;
  readonly date1904: boolean;
}

/** The text a cell shows: dates readably ("14 Apr 2026"), numbers with grouping where the format asks. */
export function displayText(value: GridValue, format: CellFormat): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format.inDateColumn || isDateFormat(format.numberFormat)) {
    const date = dateText(value, format);
    if (date !== undefined) return date;
  }
  if (format.numberFormat.includes('%')) return `${round(value * 100)}%`;
  if (format.numberFormat.includes('#,##')) {
    const decimals = /\.(0+)/.exec(format.numberFormat)?.[1].length ?? 0;
    return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  return String(round(value));
}

function dateText(serial: number, format: CellFormat): string | undefined {
  const day = dayFromSerial(serial, format.date1904);
  if (!day.ok) return undefined;
  const minutes = Math.round((serial - Math.floor(serial)) * 24 * 60);
  const showTime = /h|s/i.test(format.numberFormat.replace(/"[^"]*"|\[[^\]]*\]/g, '')) || minutes > 0;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return showTime ? `${formatReadableDay(day.day)} ${time}` : formatReadableDay(day.day);
}

/** Hides binary floating-point noise (0.1 + 0.2) the way Excel's 15 significant digits do. */
function round(value: number): number {
  return Number(value.toPrecision(15));
}

/** The text an editor starts from: dates as ISO days, so that typing over them stays unambiguous. */
export function editText(value: GridValue, format: CellFormat): string {
  if (typeof value === 'number' && (format.inDateColumn || isDateFormat(format.numberFormat))) {
    const day = dayFromSerial(value, format.date1904);
    if (day.ok && Number.isInteger(value)) return formatIsoDay(day.day);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * What typing `text` into a cell stores. An ISO day typed into a date cell becomes a serial of the
 * workbook's own date system (the simulator parses typed dates as 1900-system serials); anything else
 * is typed text, which the simulator parses as Excel does.
 */
export function typedInput(text: string, format: CellFormat): CellInput {
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (iso !== null && (format.inDateColumn || isDateFormat(format.numberFormat))) {
    const day = dayFromYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (day !== undefined) return serialFromDay(day, format.date1904);
  }
  return text;
}

/** Dark fills get light text, as a reader would set the font colour. */
export function textColorOn(fill: string | null): string | undefined {
  if (fill === null) return undefined;
  const [r, g, b] = [1, 3, 5].map((offset) => parseInt(fill.slice(offset, offset + 2), 16) / 255);
  const linear = (channel: number) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return luminance < 0.18 ? '#FFFFFF' : undefined;
}
