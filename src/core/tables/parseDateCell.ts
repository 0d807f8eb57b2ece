import { CalendarDay, dayFromSerial, dayFromYmd, formatIsoDay, yearOfDay } from '../model/calendarDay';
import { CellValue, isCellError } from '../model/snapshot';

/** Why a cell is not a usable date; worded for people in `describeIssue`. */
export type DateProblem =
  | { kind: 'empty' }
  | { kind: 'error-value'; error: string }
  | { kind: 'boolean' }
  | { kind: 'phantom-leap-day' }
  | { kind: 'out-of-range'; year: number }
  | { kind: 'not-a-date'; text: string }
  | { kind: 'ambiguous'; text: string; readings: [string, string] }
  | { kind: 'two-digit-year'; text: string; likely?: string }
  | { kind: 'impossible-day'; text: string };

export type DateCellResult = { ok: true; day: CalendarDay } | { ok: false; problem: DateProblem };

/** Bookings outside these years are typing slips (a chip count in a date column reads as 1900). */
const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2199;

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january'], ['feb', 'february'], ['mar', 'march'], ['apr', 'april'], ['may', 'may'], ['jun', 'june'],
    ['jul', 'july'], ['aug', 'august'], ['sep', 'september', 'sept'], ['oct', 'october'], ['nov', 'november'],
    ['dec', 'december'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as [string, number])),
);
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\\s+';
const TIME_SUFFIX = '(?:[t\\s]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?';

const ISO = new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${TIME_SUFFIX}$`, 'i');
const DAY_MONTH_YEAR = new RegExp(`^(?:${WEEKDAY})?(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-/.]+([a-z]+)\\.?,?[\\s\\-/.]+(\\d{2}|\\d{4})${TIME_SUFFIX}$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^(?:${WEEKDAY})?([a-z]+)\\.?[\\s\\-/.]+(\\d{1,2})(?:st|nd|rd|th)?,?[\\s\\-/.]+(\\d{2}|\\d{4})${TIME_SUFFIX}$`, 'i');
const NUMERIC = new RegExp(`^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{2}|\\d{4})${TIME_SUFFIX}$`, 'i');

/**
 * Reads a Start or End cell: a date serial in the workbook's date system, ISO text, month-name text,
 * or numeric text with only one possible reading. Never guesses between two readings.
 * @example parseDateCell('04/05/2026', false) // { ok: false, problem: { kind: 'ambiguous', … } }
 */
export function parseDateCell(value: CellValue | undefined, date1904: boolean): DateCellResult {
  if (value === null || value === undefined) return fail({ kind: 'empty' });
  if (typeof value === 'number') {
    const result = dayFromSerial(value, date1904);
    if (!result.ok) return fail(result.reason === 'phantom-leap-day' ? { kind: 'phantom-leap-day' } : { kind: 'not-a-date', text: String(value) });
    return withinRange(result.day);
  }
  if (typeof value === 'boolean') return fail({ kind: 'boolean' });
  if (isCellError(value)) return fail({ kind: 'error-value', error: value.error });
  const text = value.trim();
  if (text === '') return fail({ kind: 'empty' });
  return parseDateText(text);
}

function parseDateText(text: string): DateCellResult {
  const iso = ISO.exec(text);
  if (iso) return fromParts(text, Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) return fromMonthName(text, dayFirst[1], dayFirst[2], dayFirst[3]);
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) return fromMonthName(text, monthFirst[2], monthFirst[1], monthFirst[3]);

  const numeric = NUMERIC.exec(text);
  if (numeric) return fromNumericText(text, Number(numeric[1]), Number(numeric[2]), numeric[3]);
  return fail({ kind: 'not-a-date', text });
}

function fromMonthName(text: string, dayText: string, monthText: string, yearText: string): DateCellResult {
  const month = MONTHS.get(monthText.toLowerCase());
  if (month === undefined) return fail({ kind: 'not-a-date', text });
  const day = Number(dayText);
  if (yearText.length === 2) {
    const likely = dayFromYmd(2000 + Number(yearText), month, day);
    return fail({ kind: 'two-digit-year', text, likely: likely === undefined ? undefined : formatIsoDay(likely) });
  }
  return fromParts(text, Number(yearText), month, day);
}

function fromNumericText(text: string, first: number, second: number, yearText: string): DateCellResult {
  const twoDigitYear = yearText.length === 2;
  const year = twoDigitYear ? 2000 + Number(yearText) : Number(yearText);
  const dayFirst = dayFromYmd(year, second, first);
  const monthFirst = dayFromYmd(year, first, second);
  if (dayFirst === undefined && monthFirst === undefined) return fail({ kind: 'impossible-day', text });
  if (dayFirst !== undefined && monthFirst !== undefined && dayFirst !== monthFirst) {
    return fail({ kind: 'ambiguous', text, readings: [formatIsoDay(dayFirst), formatIsoDay(monthFirst)] });
  }
  const day = (dayFirst ?? monthFirst) as CalendarDay;
  if (twoDigitYear) return fail({ kind: 'two-digit-year', text, likely: formatIsoDay(day) });
  return withinRange(day);
}

function fromParts(text: string, year: number, month: number, day: number): DateCellResult {
  const result = dayFromYmd(year, month, day);
  if (result === undefined) return fail({ kind: 'impossible-day', text });
  return withinRange(result);
}

// Compared as days, so that the usual in-range date builds no Date object.
const EARLIEST_DAY = dayFromYmd(EARLIEST_YEAR, 1, 1) as CalendarDay;
const LATEST_DAY = dayFromYmd(LATEST_YEAR, 12, 31) as CalendarDay;

function withinRange(day: CalendarDay): DateCellResult {
  if (day < EARLIEST_DAY || day > LATEST_DAY) return fail({ kind: 'out-of-range', year: yearOfDay(day) });
  return { ok: true, day };
}

function fail(problem: DateProblem): DateCellResult {
  return { ok: false, problem };
}
