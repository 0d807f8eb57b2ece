/**
 * Calendar days as whole numbers: day 0 is 1970-01-01. Bookings hold days `[start, endExclusive)`;
 * the workbook's inclusive End becomes `endExclusive = end + 1` once, when a row is read.
 */
export type CalendarDay = number;

const MS_PER_DAY = 86_400_000;

export function dayFromYmd(year: number, month: number, day: number): CalendarDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 31 Apr over to 1 May; a rolled date was not a real one.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return Math.round(ms / MS_PER_DAY);
}

export function yearOfDay(day: CalendarDay): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** `YYYY-MM-DD`, the form reports use. */
export function formatIsoDay(day: CalendarDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The day an ISO `YYYY-MM-DD` text names, or undefined for anything else. */
export function parseIsoDay(text: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match === null ? undefined : dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `14 Apr 2026`, the form people read. */
export function formatReadableDay(day: CalendarDay): string {
  const date = new Date(day * MS_PER_DAY);
  return `${date.getUTCDate()} ${MONTH_ABBREVIATIONS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Day of the 1900 date system's serial 25569, i.e. serial → day is `serial - 25569` from March 1900 on. */
const SERIAL_1900_OF_EPOCH = 25_569;
/** 1904 serial 0 is 1904-01-01, 1,462 days after 1900 serial 0. */
const SERIAL_1904_OFFSET = 1_462;
/** 1900 serial of 9999-12-31, the last day Excel can show. */
const LAST_SERIAL_1900 = 2_958_465;

export type SerialResult = { ok: true; day: CalendarDay } | { ok: false; reason: 'not-a-day' | 'phantom-leap-day' };

/**
 * Calendar day of an Excel date serial, ignoring any time of day.
 * The 1900 system counts a 29 Feb 1900 that never existed (serial 60): serials 1-59 are one day
 * earlier than a plain count from 1899-12-31 would say, and serial 60 is no real day.
 * @example dayFromSerial(46083, false) // 2026-03-02
 */
export function dayFromSerial(serial: number, date1904: boolean): SerialResult {
  if (!Number.isFinite(serial) || serial < 0) return { ok: false, reason: 'not-a-day' };
  const whole = Math.floor(serial);
  // Past Excel's last day a number (a phone number, an ID) is no date, and would overflow Date.
  if (whole > (date1904 ? LAST_SERIAL_1900 - SERIAL_1904_OFFSET : LAST_SERIAL_1900)) return { ok: false, reason: 'not-a-day' };
  if (date1904) return { ok: true, day: whole + SERIAL_1904_OFFSET - SERIAL_1900_OF_EPOCH };
  if (whole === 0) return { ok: false, reason: 'not-a-day' };
  if (whole === 60) return { ok: false, reason: 'phantom-leap-day' };
  return { ok: true, day: whole < 60 ? whole - SERIAL_1900_OF_EPOCH + 1 : whole - SERIAL_1900_OF_EPOCH };
}

/** Excel serial of a calendar day in the given date system (inverse of `dayFromSerial`). */
export function serialFromDay(day: CalendarDay, date1904: boolean): number {
  if (date1904) return day + SERIAL_1900_OF_EPOCH - SERIAL_1904_OFFSET;
  const serial = day + SERIAL_1900_OF_EPOCH;
  return serial < 61 ? serial - 1 : serial;
}
