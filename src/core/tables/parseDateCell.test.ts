import { formatIsoDay } from '../model/calendarDay';
import { parseDateCell } from './parseDateCell';
import { CellValue } from '../model/snapshot';

/** What a user learns from a Start or End cell: the day it holds, or why it holds none. */
function read(value: CellValue, date1904 = false): string | object {
  const result = parseDateCell(value, date1904);
  return result.ok ? formatIsoDay(result.day) : result.problem;
}

describe('parseDateCell', () => {
  describe('when the cell holds an Excel date serial', () => {
    it('reads it in the 1900 date system', () => {
      expect(read(46_083)).toBe('2026-03-02');
    });

    it('reads it in the 1904 date system when the workbook says so', () => {
      expect(read(44_621, true)).toBe('2026-03-02');
      expect(read(46_083, true)).toBe('2030-03-03');
    });

    it('ignores a time of day', () => {
      expect(read(46_083.625)).toBe('2026-03-02');
    });

    it('reports serial 60 as the phantom 29 Feb 1900', () => {
      expect(read(60)).toEqual({ kind: 'phantom-leap-day' });
    });

    it('reports a small number (a chip count in a date column) as out of range', () => {
      expect(read(64)).toEqual({ kind: 'out-of-range', year: 1900 });
      expect(read(1)).toEqual({ kind: 'out-of-range', year: 1900 });
    });

    it('reports a number too large to be any date as not a date', () => {
      expect(read(447_700_900_123)).toEqual({ kind: 'not-a-date', text: '447700900123' });
    });

    it('reports a negative number as not a date', () => {
      expect(read(-3)).toEqual({ kind: 'not-a-date', text: '-3' });
    });
  });

  describe('when the cell holds ISO text', () => {
    it.each([
      ['2026-04-14'],
      ['2026/4/14'],
      ['2026.04.14'],
      [' 2026-04-14 '],
      ['2026-04-14T09:30:00Z'],
      ['2026-04-14T09:30:00.000+02:00'],
      ['2026-04-14 09:30'],
    ])('reads %p as 2026-04-14', (text) => {
      expect(read(text)).toBe('2026-04-14');
    });
  });

  describe('when the cell holds month-name text', () => {
    it.each([
      ['14 Apr 2026'],
      ['14-Apr-2026'],
      ['14 Apr. 2026'],
      ['Apr 14, 2026'],
      ['April 14 2026'],
      ['april 14th, 2026'],
      ['Tue 14 Apr 2026'],
      ['Tuesday, April 14, 2026'],
      ['14 APRIL 2026 10:00'],
    ])('reads %p as 2026-04-14', (text) => {
      expect(read(text)).toBe('2026-04-14');
    });

    it('reads ordinal days such as "1st May 2026"', () => {
      expect(read('1st May 2026')).toBe('2026-05-01');
      expect(read('Sept 3 2026')).toBe('2026-09-03');
    });

    it('reports a word that is no month', () => {
      expect(read('14 Foo 2026')).toEqual({ kind: 'not-a-date', text: '14 Foo 2026' });
    });
  });

  describe('when numeric text could mean two different days', () => {
    it('reports both readings and guesses neither', () => {
      expect(read('04/05/2026')).toEqual({ kind: 'ambiguous', text: '04/05/2026', readings: ['2026-05-04', '2026-04-05'] });
      expect(read('4.5.2026')).toEqual({ kind: 'ambiguous', text: '4.5.2026', readings: ['2026-05-04', '2026-04-05'] });
    });
  });

  describe('when numeric text has only one possible reading', () => {
    it('accepts a day above 12 in either place', () => {
      expect(read('13/04/2026')).toBe('2026-04-13');
      expect(read('04/13/2026')).toBe('2026-04-13');
    });

    it('accepts the same number for day and month', () => {
      expect(read('04/04/2026')).toBe('2026-04-04');
    });
  });

  describe('when the text names a day the calendar does not have', () => {
    it.each([['2026-02-30'], ['31/04/2026'], ['2026-13-01'], ['14/13/2026']])('reports %p as impossible', (text) => {
      expect(read(text)).toEqual({ kind: 'impossible-day', text });
    });
  });

  describe('when the year has two digits', () => {
    it('reports it with the likely day as a suggestion', () => {
      expect(read('14 Apr 26')).toEqual({ kind: 'two-digit-year', text: '14 Apr 26', likely: '2026-04-14' });
      expect(read('13/04/26')).toEqual({ kind: 'two-digit-year', text: '13/04/26', likely: '2026-04-13' });
    });

    it('offers no likely day when the day does not exist', () => {
      expect(read('31 Apr 26')).toEqual({ kind: 'two-digit-year', text: '31 Apr 26', likely: undefined });
    });

    it('still reports ambiguity first', () => {
      expect(read('04/05/26')).toMatchObject({ kind: 'ambiguous', readings: ['2026-05-04', '2026-04-05'] });
    });
  });

  describe('when the year is implausible for a booking', () => {
    it('reports the year', () => {
      expect(read('1999-12-31')).toEqual({ kind: 'out-of-range', year: 1999 });
      expect(read('2300-01-01')).toEqual({ kind: 'out-of-range', year: 2300 });
    });

    it('accepts the first and last plausible years', () => {
      expect(read('2000-01-01')).toBe('2000-01-01');
      expect(read('2199-12-31')).toBe('2199-12-31');
    });
  });

  describe('when the cell holds no date at all', () => {
    it('reports an empty cell or whitespace as empty', () => {
      expect(read(null)).toEqual({ kind: 'empty' });
      expect(read('   ')).toEqual({ kind: 'empty' });
      expect(parseDateCell(undefined, false)).toEqual({ ok: false, problem: { kind: 'empty' } });
    });

    it('reports TRUE/FALSE as a boolean', () => {
      expect(read(true)).toEqual({ kind: 'boolean' });
      expect(read(false)).toEqual({ kind: 'boolean' });
    });

    it('reports an error value with its code', () => {
      expect(read({ error: '#REF!' })).toEqual({ kind: 'error-value', error: '#REF!' });
    });

    it.each([['next week'], ['TBD'], ['May 2026'], ['46083']])('reports %p as not a date', (text) => {
      expect(read(text)).toEqual({ kind: 'not-a-date', text });
    });
  });
});
