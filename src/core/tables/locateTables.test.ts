import { checkWorkbook } from '../checkWorkbook';
import { CheckOptions, CheckReport } from '../model/report';
import { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from '../model/snapshot';

type Row = CellValue[];
const HEADER = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];
const booking = (id: string, start = '2026-10-01', end = '2026-10-05', chips = 8): Row => [id, 'Lab A', 'AWS', 'us-east-1', 'H100', chips, start, end];

/** A table over `rows` placed with its top-left cell at (row, column), 0-based. */
function table(name: string, row: number, column: number, rows: readonly Row[], options: Partial<TableSnapshot> = {}): TableSnapshot {
  return {
    name, range: { row, column, rowCount: rows.length, columnCount: rows[0].length }, hasHeaderRow: true, hasTotalsRow: false,
    columns: rows[0].map(String), ...options,
  };
}

/** The sheet's rows with `blocks` of cells written at their top-left (row, column), 0-based. */
function cells(...blocks: Array<[row: number, column: number, rows: readonly Row[]]>): Row[] {
  const grid: Row[] = [];
  for (const [top, left, rows] of blocks) {
    rows.forEach((values, offset) => {
      const line = (grid[top + offset] ??= []);
      values.forEach((value, index) => (line[left + index] = value));
    });
  }
  return grid;
}

function check(sheets: SheetSnapshot[], options: CheckOptions = {}): CheckReport {
  const outcome = checkWorkbook({ sheets, date1904: false } as WorkbookSnapshot, options);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

const bookingIds = (report: CheckReport) => report.bookings.map((b) => `${b.sheetRow}:${b.id}`);
const issueRows = (report: CheckReport) => [...new Set(report.issues.map((issue) => issue.row))];

describe('locateTables with Excel tables', () => {
  describe('when a table has a totals row and notes under it', () => {
    const rows = [HEADER, booking('B-1'), booking('B-2', '2026-10-03', '2026-10-09'), ['Total', null, null, null, null, { error: '#N/A' }, null, null]];
    const sheet: SheetSnapshot = {
      name: 'Reservations',
      rows: cells([0, 0, [['Q4 reservations']]], [2, 1, rows], [7, 0, [['Notes: confirm CoreWeave dates with the VP']]]),
      tables: [table('Q4Reservations', 2, 1, rows, { hasTotalsRow: true })],
    };

    it('reads the data body only: the totals row and the notes are not bookings and get no issue', () => {
      const report = check([sheet]);
      expect(bookingIds(report)).toEqual(['4:B-1', '5:B-2']);
      expect(report.issues).toEqual([]);
      expect(report.allocation.table?.name).toBe('Q4Reservations');
      expect(report.conflicts.map((conflict) => conflict.rows)).toEqual([[4, 5]]);
    });
  });

  describe('when a sheet holds a lookup table before the bookings table', () => {
    const contacts = [['Lab', 'Contact', 'Slack'], ['Lab A', 'ana@lab-a', '#lab-a']];
    const bookings = [HEADER, booking('B-1'), booking('B-2')];
    const sheet: SheetSnapshot = { name: 'Plan', rows: cells([0, 0, contacts], [4, 0, bookings]), tables: [table('Bookings', 4, 0, bookings), table('Contacts', 0, 0, contacts)] };

    it('checks the first table in reading order whose header names the required columns', () => {
      const report = check([sheet]);
      expect(report.allocation.table?.name).toBe('Bookings');
      expect(bookingIds(report)).toEqual(['6:B-1', '7:B-2']);
      expect(report.issues).toEqual([]);
    });
  });

  describe('when two allocation tables sit side by side on one sheet', () => {
    const confirmed = [HEADER, booking('C-1'), booking('C-2')];
    const proposed = [HEADER, booking('P-1', '2026-11-01', '2026-11-03'), booking('P-2', '2026-11-20', '2026-11-22')];
    const sheet: SheetSnapshot = {
      name: 'Plans', rows: cells([2, 0, confirmed], [2, 10, proposed]), tables: [table('Proposed2026', 2, 10, proposed), table('Confirmed2026', 2, 0, confirmed)],
    };

    it('checks the leftmost by default, reading none of the other table’s cells', () => {
      const report = check([sheet]);
      expect(report.allocation.table?.name).toBe('Confirmed2026');
      expect(bookingIds(report)).toEqual(['4:C-1', '5:C-2']);
      expect(report.conflicts).toHaveLength(1);
    });

    it('checks the table named with --table instead, ignoring case', () => {
      const report = check([sheet], { table: 'proposed2026' });
      expect(report.allocation.table?.name).toBe('Proposed2026');
      expect(bookingIds(report)).toEqual(['4:P-1', '5:P-2']);
      expect(report.allocation.columns.provider?.index).toBe(12);
      expect(report.conflicts).toEqual([]);
    });

    it('says which tables there are when the one named does not exist', () => {
      const outcome = checkWorkbook({ sheets: [sheet], date1904: false }, { table: 'Draft' });
      expect(outcome).toEqual({ ok: false, problem: 'No table named "Draft"; the tables are "Proposed2026", "Confirmed2026".' });
    });
  });

  describe('when a table hides its header row', () => {
    const data = [booking('B-1'), booking('B-2')];
    const sheet: SheetSnapshot = { name: 'Plan', rows: cells([3, 0, data]), tables: [table('Headless', 3, 0, data, { hasHeaderRow: false, columns: HEADER })] };

    it('takes the column names from the table and reads every row of it as a booking', () => {
      expect(bookingIds(check([sheet]))).toEqual(['4:B-1', '5:B-2']);
    });
  });

  describe('when the Capacity table is an Excel table with a totals row', () => {
    const capacity = [['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Reserved for'], ['AWS', 'us-east-1', 'H100', 8, '2026-10-01', '2026-10-31', 'Lab A'], ['Total', null, null, 8, null, null, null]];
    const sheets: SheetSnapshot[] = [
      { name: 'Bookings', rows: [HEADER, booking('B-1'), booking('B-2')] },
      { name: 'Capacity', rows: capacity, tables: [table('CapacityPlan', 0, 0, capacity, { hasTotalsRow: true })] },
    ];

    it('reads no capacity from the totals row, and whose capacity each row is from Reserved for', () => {
      const report = check(sheets);
      expect(report.capacity?.table?.name).toBe('CapacityPlan');
      expect(report.capacityRows.map((row) => [row.sheetRow, row.lab, row.chips])).toEqual([[2, 'Lab A', 8]]);
      expect(issueRows(report).filter((row) => row === 3)).toEqual([]);
      expect(report.conflicts.map((conflict) => [conflict.rows, conflict.capacityChips, conflict.excessChips])).toEqual([[[2, 3], 8, 8]]);
    });
  });
});

describe('locateTables with plain ranges', () => {
  it('skips a totals line whose pool and dates are empty, and reads a booking that happens to say Total', () => {
    const report = check([{
      name: 'Plan',
      rows: [HEADER, booking('B-1'), booking('B-2'), [], ['Grand total:', null, null, null, null, 16, null, null], ['Total', 'Lab A', 'AWS', 'us-east-1', 'H100', 8, '2026-12-01', '2026-12-02']],
    }]);
    expect(bookingIds(report)).toEqual(['2:B-1', '3:B-2', '6:Total']);
    expect(issueRows(report)).toEqual([]);
  });

  it('still reports a line with a totals label that fills only some of the pool', () => {
    const report = check([{ name: 'Plan', rows: [HEADER, booking('B-1'), ['Total', null, 'AWS', null, null, 8, null, null]] }]);
    expect(issueRows(report)).toEqual([3]);
  });
});
