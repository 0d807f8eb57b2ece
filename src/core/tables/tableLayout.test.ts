import { CellValue, SheetSnapshot } from '../model/snapshot';
import { ALLOCATION_REQUIRED, CAPACITY_REQUIRED, fieldOfHeader, findHeader, findPartialHeader, isCapacityLayout } from './tableLayout';

const sheetOf = (name: string, rows: CellValue[][]): SheetSnapshot => ({ name, rows });

const HEADER = ['Provider', 'Region', 'Silicon', 'Start', 'End'];

/** Column letters of each field the layout found, as a user would point at them. */
function columnsOf(layout: ReturnType<typeof findHeader>): Record<string, number> {
  return Object.fromEntries(Object.entries(layout?.columns ?? {}).map(([field, column]) => [field, column.index]));
}

describe('fieldOfHeader', () => {
  describe('when the header is a synonym from docs/DOMAIN.md', () => {
    it.each([
      ['ID', 'id'], ['Booking ID', 'id'], ['Reservation ID', 'id'], ['Ref', 'id'],
      ['Lab', 'lab'], ['Organization', 'lab'], ['Org', 'lab'],
      ['Team', 'team'], ['Group', 'team'], ['Project', 'team'],
      ['Workload', 'workload'], ['Run type', 'workload'], ['Purpose', 'workload'],
      ['Provider', 'provider'], ['Cloud', 'provider'], ['Cloud provider', 'provider'],
      ['Region', 'region'], ['Location', 'region'], ['Zone', 'region'],
      ['Silicon', 'silicon'], ['Chip', 'silicon'], ['Accelerator', 'silicon'], ['Hardware', 'silicon'],
      ['Chips', 'chips'], ['Chip count', 'chips'], ['Count', 'chips'], ['Accelerators', 'chips'], ['# chips', 'chips'],
      ['Start', 'start'], ['Start date', 'start'], ['From', 'start'], ['Begin', 'start'],
      ['End', 'end'], ['End date', 'end'], ['To', 'end'], ['Until', 'end'], ['Finish', 'end'],
      ['TFLOPS', 'tflops'], ['Teraflops', 'tflops'], ['TFLOP/s', 'tflops'], ['Peak TFLOPS', 'tflops'],
      ['Block', 'block'], ['Block ID', 'block'], ['Cluster', 'block'], ['Capacity block', 'block'], ['Reservation block', 'block'],
      ['Status', 'status'], ['Priority', 'priority'],
      ['Owner', 'owner'], ['Contact', 'owner'], ['Requester', 'owner'],
      ['Notes', 'notes'], ['Comments', 'notes'],
    ])('reads %p as %s', (header, field) => {
      expect(fieldOfHeader(header)).toBe(field);
    });
  });

  describe('when the header differs in case, spacing, punctuation or a note in brackets', () => {
    it.each([['START_DATE', 'start'], ['start-date', 'start'], ['  chip count ', 'chips'], ['Start date (UTC)', 'start'], ['Chips (#)', 'chips']])(
      'reads %p as %s',
      (header, field) => {
        expect(fieldOfHeader(header)).toBe(field);
      },
    );
  });

  describe('when the header is unknown or empty', () => {
    it.each([['Budget'], ['Q2 capacity plan'], [''], [null], [42]])('reads %p as no field', (header) => {
      expect(fieldOfHeader(header as CellValue)).toBeUndefined();
    });
  });
});

describe('findHeader', () => {
  describe('when the header is the first row', () => {
    it('finds it on sheet row 1 with each column index', () => {
      const layout = findHeader(sheetOf('Bookings', [HEADER]), ALLOCATION_REQUIRED);
      expect(layout).toMatchObject({ sheetName: 'Bookings', headerRow: 1, duplicateColumns: [] });
      expect(columnsOf(layout)).toEqual({ provider: 0, region: 1, silicon: 2, start: 3, end: 4 });
    });
  });

  describe('when a title and a blank row sit above the header', () => {
    it('finds the header on sheet row 3', () => {
      const layout = findHeader(sheetOf('Bookings', [['Q2 2026 accelerator bookings'], [], HEADER]), ALLOCATION_REQUIRED);
      expect(layout?.headerRow).toBe(3);
    });
  });

  describe('when columns are shuffled and unknown columns sit between them', () => {
    it('maps each field to its own column and keeps the header as spelled', () => {
      const layout = findHeader(sheetOf('S', [['Budget', 'Until', 'Chip', 'Cost centre', 'From', 'Location', 'Cloud provider']]), ALLOCATION_REQUIRED);
      expect(columnsOf(layout)).toEqual({ end: 1, silicon: 2, start: 4, region: 5, provider: 6 });
      expect(layout?.columns.end).toEqual({ index: 1, header: 'Until' });
    });
  });

  describe('when the header is on row 20, the last row searched', () => {
    it('finds it', () => {
      const rows = [...Array.from({ length: 19 }, () => ['note']), HEADER];
      expect(findHeader(sheetOf('S', rows), ALLOCATION_REQUIRED)?.headerRow).toBe(20);
    });
  });

  describe('when the header is below row 20', () => {
    it('does not find it', () => {
      const rows = [...Array.from({ length: 20 }, () => ['note']), HEADER];
      expect(findHeader(sheetOf('S', rows), ALLOCATION_REQUIRED)).toBeUndefined();
    });
  });

  describe('when a required column is missing', () => {
    it('does not find the header', () => {
      expect(findHeader(sheetOf('S', [['Provider', 'Region', 'Silicon', 'Start']]), ALLOCATION_REQUIRED)).toBeUndefined();
    });
  });

  describe('when two columns name the same field', () => {
    it('uses the first and lists the later one as a duplicate', () => {
      const layout = findHeader(sheetOf('S', [[...HEADER, 'Start date']]), ALLOCATION_REQUIRED);
      expect(layout?.columns.start).toEqual({ index: 3, header: 'Start' });
      expect(layout?.duplicateColumns).toEqual([{ field: 'start', column: { index: 5, header: 'Start date' } }]);
    });
  });

  describe('when rows are missing or ragged', () => {
    it('skips them', () => {
      expect(findHeader({ name: 'S', rows: [undefined, ['x'], HEADER] }, ALLOCATION_REQUIRED)?.headerRow).toBe(3);
    });
  });
});

describe('findPartialHeader', () => {
  describe('when no row names every field', () => {
    it('returns the row naming the most of them, if at least the minimum', () => {
      const sheet = sheetOf('S', [['Provider', 'Notes'], ['Provider', 'Region', 'Silicon', 'Start'], ['Provider', 'Region', 'Silicon']]);
      expect(findPartialHeader(sheet, ALLOCATION_REQUIRED, 3)?.headerRow).toBe(2);
    });

    it('returns nothing below the minimum', () => {
      expect(findPartialHeader(sheetOf('S', [['Provider', 'Region']]), ALLOCATION_REQUIRED, 3)).toBeUndefined();
    });
  });
});

describe('isCapacityLayout', () => {
  describe('when the header has the capacity columns and no booking-only column', () => {
    it('is a capacity layout, with or without Block', () => {
      const header = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];
      expect(isCapacityLayout(findHeader(sheetOf('Reserved', [header]), CAPACITY_REQUIRED)!)).toBe(true);
      expect(isCapacityLayout(findHeader(sheetOf('Reserved', [[...header, 'Block']]), CAPACITY_REQUIRED)!)).toBe(true);
    });
  });

  describe('when the header also has Team, Workload or Status', () => {
    it.each([['Team'], ['Workload'], ['Status']])('is not a capacity layout with %s', (extra) => {
      const layout = findHeader(sheetOf('S', [['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', extra]]), CAPACITY_REQUIRED);
      expect(isCapacityLayout(layout!)).toBe(false);
    });
  });
});
