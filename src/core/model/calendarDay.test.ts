import { dayFromSerial, dayFromYmd, formatIsoDay, formatReadableDay, serialFromDay, yearOfDay } from './calendarDay';

/** The ISO day of a serial, or the reason it is no day. */
function isoOfSerial(serial: number, date1904: boolean): string {
  const result = dayFromSerial(serial, date1904);
  return result.ok ? formatIsoDay(result.day) : result.reason;
}

describe('dayFromYmd', () => {
  describe('when the date exists', () => {
    it('counts days from 1970-01-01', () => {
      expect(dayFromYmd(1970, 1, 1)).toBe(0);
      expect(dayFromYmd(1970, 1, 2)).toBe(1);
      expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    });

    it('accepts 29 February of a leap year', () => {
      expect(formatIsoDay(dayFromYmd(2028, 2, 29) as number)).toBe('2028-02-29');
    });
  });

  describe('when the date does not exist', () => {
    it.each([
      [2026, 2, 29],
      [2026, 2, 30],
      [2026, 4, 31],
      [2026, 13, 1],
      [2026, 0, 10],
      [2026, 4, 0],
      [2026, 4, 32],
    ])('returns undefined for %i-%i-%i rather than rolling over', (year, month, day) => {
      expect(dayFromYmd(year, month, day)).toBeUndefined();
    });
  });

  describe('when a part is not a whole number', () => {
    it('returns undefined', () => {
      expect(dayFromYmd(2026, 4.5, 1)).toBeUndefined();
      expect(dayFromYmd(Number.NaN, 4, 1)).toBeUndefined();
    });
  });
});

describe('dayFromSerial', () => {
  describe('when the workbook uses the 1900 date system', () => {
    it.each([
      [1, '1900-01-01'],
      [59, '1900-02-28'],
      [61, '1900-03-01'],
      [45_000, '2023-03-15'],
      [46_083, '2026-03-02'],
      [2_958_465, '9999-12-31'],
    ])('reads serial %d as %s', (serial, iso) => {
      expect(isoOfSerial(serial, false)).toBe(iso);
    });

    it('reports serial 60, the 29 Feb 1900 Excel counts but the calendar never had', () => {
      expect(dayFromSerial(60, false)).toEqual({ ok: false, reason: 'phantom-leap-day' });
    });

    it('reports serial 0, which Excel shows as 1900-01-00', () => {
      expect(dayFromSerial(0, false)).toEqual({ ok: false, reason: 'not-a-day' });
    });
  });

  describe('when the workbook uses the 1904 date system', () => {
    it('reads serial 0 as 1904-01-01', () => {
      expect(isoOfSerial(0, true)).toBe('1904-01-01');
    });

    it('reads serial 60 as a real day, 1904-03-01', () => {
      expect(isoOfSerial(60, true)).toBe('1904-03-01');
    });

    it('gives the same calendar day as the 1900 serial that is 1,462 larger', () => {
      expect(isoOfSerial(46_083 - 1_462, true)).toBe('2026-03-02');
      expect(dayFromSerial(46_083 - 1_462, true)).toEqual(dayFromSerial(46_083, false));
    });
  });

  describe('when the serial carries a time of day', () => {
    it('ignores the time and keeps the day', () => {
      expect(isoOfSerial(46_083.75, false)).toBe('2026-03-02');
      expect(isoOfSerial(46_083.999, false)).toBe('2026-03-02');
      expect(isoOfSerial(44_621.5, true)).toBe('2026-03-02');
    });
  });

  describe('when the number cannot be a date', () => {
    it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('reports %d as no day', (serial) => {
      expect(dayFromSerial(serial, false)).toEqual({ ok: false, reason: 'not-a-day' });
    });

    it('reports numbers past 9999-12-31 (a phone number typed in a date cell) instead of overflowing', () => {
      expect(dayFromSerial(2_958_466, false)).toEqual({ ok: false, reason: 'not-a-day' });
      expect(dayFromSerial(447_700_900_123, false)).toEqual({ ok: false, reason: 'not-a-day' });
      expect(dayFromSerial(2_958_465 - 1_462 + 1, true)).toEqual({ ok: false, reason: 'not-a-day' });
    });
  });
});

describe('serialFromDay', () => {
  describe('when converting back a serial read by dayFromSerial', () => {
    it.each([1, 59, 61, 46_083])('gives back 1900 serial %d', (serial) => {
      const read = dayFromSerial(serial, false);
      expect(read.ok && serialFromDay(read.day, false)).toBe(serial);
    });

    it.each([0, 60, 44_621])('gives back 1904 serial %d', (serial) => {
      const read = dayFromSerial(serial, true);
      expect(read.ok && serialFromDay(read.day, true)).toBe(serial);
    });
  });
});

describe('formatIsoDay and formatReadableDay', () => {
  describe('when given a calendar day', () => {
    it('writes YYYY-MM-DD for reports and "14 Apr 2026" for people', () => {
      const day = dayFromYmd(2026, 4, 14) as number;
      expect(formatIsoDay(day)).toBe('2026-04-14');
      expect(formatReadableDay(day)).toBe('14 Apr 2026');
      expect(yearOfDay(day)).toBe(2026);
    });
  });
});
