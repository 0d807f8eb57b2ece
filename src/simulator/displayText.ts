import { epochOf, SHORT_DATE_FORMAT } from './cellContent';
import { HostError } from './hostError';
import { StoredCell } from './workbookModel';

/** Locales the host can show the built-in short date in (Excel's format 14 follows the system's locale). */
export type HostLocale = 'en-US' | 'en-GB' | 'de-DE' | 'ja-JP';

const SHORT_DATES: Record<HostLocale, string> = { 'en-US': 'm/d/yyyy', 'en-GB': 'dd/mm/yyyy', 'de-DE': 'dd.mm.yyyy', 'ja-JP': 'yyyy/mm/dd' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Calibri 11 at 100%: digits and letters about 7 pixels, punctuation about 4, plus 5 of cell padding. */
const WIDE_CHARACTER_PX = 7;
const NARROW_CHARACTER_PX = 4;
const CELL_PADDING_PX = 5;
const TOKEN = /^(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|A\/P)/i;

export interface DisplayOptions {
  readonly date1904: boolean;
  readonly locale: HostLocale;
  /** The column's width in pixels: numbers and dates too wide for it show as ########, as in Excel. */
  readonly columnWidth: number;
}

/**
 * `Range.text`: the cell as Excel displays it under its number format. Dates follow the format (so a
 * format without a year shows none), the built-in short date follows the host's locale, and a number
 * or date wider than its column shows as ########. Text overflows and is shown whole.
 */
export function displayText(cell: StoredCell, options: DisplayOptions): string {
  if (cell.error !== undefined) return cell.error;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  if (typeof cell.value === 'string') return cell.value;
  const text = formatNumber(cell.value, cell.numberFormat ?? 'General', options);
  return fitsColumn(text, options.columnWidth) ? text : '#'.repeat(Math.max(1, Math.floor((options.columnWidth - CELL_PADDING_PX) / WIDE_CHARACTER_PX)));
}

function fitsColumn(text: string, width: number): boolean {
  let pixels = CELL_PADDING_PX;
  for (const character of text) pixels += /[0-9A-Za-z]/.test(character) ? WIDE_CHARACTER_PX : NARROW_CHARACTER_PX;
  return pixels <= width;
}

function formatNumber(value: number, format: string, options: DisplayOptions): string {
  const section = chooseSection(format, value);
  const cleaned = section.replace(/\[\$[^\]]*\]|\[(Red|Black|Blue|Green|Cyan|Magenta|Yellow|White)\]/gi, '');
  // A number in a Text-formatted cell shows as General would show it.
  if (/^general$/i.test(cleaned.trim()) || cleaned === '@') return generalNumber(value);
  if (cleaned === SHORT_DATE_FORMAT) return formatDate(value, SHORT_DATES[options.locale], options.date1904);
  if (isDateFormat(cleaned)) return formatDate(value, cleaned, options.date1904);
  return formatDecimal(section === format || value >= 0 ? value : -value, cleaned);
}

/** Excel's sections: positive;negative;zero. */
function chooseSection(format: string, value: number): string {
  const sections = format.split(';');
  if (value < 0 && sections.length > 1) return sections[1];
  if (value === 0 && sections.length > 2) return sections[2];
  return sections[0];
}

/** General shows up to 11 characters: integers as they are, fractions rounded to fit. */
function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const text = String(Number(value.toPrecision(10)));
  return text.length <= 11 ? text : value.toExponential(5).replace('e', 'E');
}

/** A format that shows a date or time: it has date or time tokens outside quotes and no digit placeholders. */
export function isDateFormat(format: string): boolean {
  const unquoted = format.replace(/"[^"]*"|\\./g, '');
  return /[dyhs]|m/i.test(unquoted) && !/[0#?]/.test(unquoted);
}

function formatDate(serial: number, format: string, date1904: boolean): string {
  const date = new Date(epochOf(date1904) + Math.round(serial * 86_400) * 1000);
  const hasAmPm = /AM\/PM|A\/P/i.test(format);
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < format.length; ) {
    const rest = format.slice(i);
    if (rest[0] === '"') {
      const end = format.indexOf('"', i + 1);
      out += format.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (rest[0] === '\\') {
      out += rest[1] ?? '';
      i += 2;
      continue;
    }
    const token = TOKEN.exec(rest)?.[0];
    if (token === undefined) {
      out += rest[0];
      i += 1;
      continue;
    }
    // "m" after an hour or before seconds means minutes.
    const minutes = /^m{1,2}$/i.test(token) && (lastWasHour || /^[^a-z]*s/i.test(format.slice(i + token.length)));
    out += dateToken(token, date, minutes, hasAmPm);
    lastWasHour = /^h/i.test(token);
    i += token.length;
  }
  return out;
}

function dateToken(token: string, date: Date, minutes: boolean, hasAmPm: boolean): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = date.getUTCHours();
  const twelve = hasAmPm ? ((hours + 11) % 12) + 1 : hours;
  switch (token.toLowerCase()) {
    case 'yyyy': return String(date.getUTCFullYear());
    case 'yy': return pad(date.getUTCFullYear() % 100);
    case 'mmmmm': return MONTHS[date.getUTCMonth()][0];
    case 'mmmm': return MONTHS[date.getUTCMonth()];
    case 'mmm': return MONTHS[date.getUTCMonth()].slice(0, 3);
    case 'mm': return minutes ? pad(date.getUTCMinutes()) : pad(date.getUTCMonth() + 1);
    case 'm': return minutes ? String(date.getUTCMinutes()) : String(date.getUTCMonth() + 1);
    case 'dddd': return DAYS[date.getUTCDay()];
    case 'ddd': return DAYS[date.getUTCDay()].slice(0, 3);
    case 'dd': return pad(date.getUTCDate());
    case 'd': return String(date.getUTCDate());
    case 'hh': return pad(twelve);
    case 'h': return String(twelve);
    case 'ss': return pad(date.getUTCSeconds());
    case 's': return String(date.getUTCSeconds());
    case 'am/pm': return hours < 12 ? 'AM' : 'PM';
    default: return hours < 12 ? 'A' : 'P';
  }
}

/** Digit formats: 0 and # placeholders, a thousands comma, decimals, a trailing %; literals in quotes pass through. */
function formatDecimal(value: number, format: string): string {
  const match = /^([^0#?.,%]*)([0#?,]+)(?:\.([0#?]+))?(%?)([^0#?]*)$/.exec(format.replace(/"([^"]*)"/g, '$1'));
  if (match === null) throw HostError.apiNotFound(`number format "${format}"`, 'the simulated host cannot display this number format');
  const [, prefix, integerPart, decimals = '', percent, suffix] = match;
  const scaled = percent === '%' ? value * 100 : value;
  let text = scaled.toFixed(decimals.length);
  if (integerPart.includes(',')) {
    const [whole, fraction] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  }
  if (!integerPart.includes('0') && text.startsWith('0') && text.length > 1) text = text.slice(1);
  return `${prefix}${text}${percent}${suffix}`;
}
