import { formatIsoDay } from './model/calendarDay';
import { Catalog } from './catalog/catalog';
import { CatalogExtensionSchema } from './catalog/catalogSchema';
import { checkWorkbook } from './checkWorkbook';
import { DEFAULT_CATALOG } from './catalog/defaultCatalog';
import { Issue, ISSUE_SEVERITY } from './validation/issue';
import { RESOLUTION_LOG_COLUMNS } from './resolutions/resolutionLog';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from './model/snapshot';
import { CheckOptions, CheckReport } from './model/report';

type Row = CellValue[];

const HEADER = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'TFLOPS', 'Status'];
const CAPACITY_HEADER = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];

/** A booking under `HEADER`: a clean AWS Trainium2 row in us-east-2 unless told otherwise. */
function booking(changes: Partial<Record<string, CellValue>> = {}): Row {
  const clean: Record<string, CellValue> = {
    ID: null, Lab: 'Lab A', Provider: 'AWS', Region: 'us-east-2', Silicon: 'Trainium2', Chips: 64,
    Start: '2026-04-14', End: '2026-04-27', TFLOPS: null, Status: 'confirmed',
  };
  return HEADER.map((column) => (column in changes ? (changes[column] as CellValue) : clean[column]));
}

/** A workbook from sheets given as name → rows, in tab order. */
function workbook(sheets: Record<string, Row[]>, date1904 = false): WorkbookSnapshot {
  return { date1904, sheets: Object.entries(sheets).map(([name, rows]): SheetSnapshot => ({ name, rows })) };
}

function check(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckReport {
  const outcome = checkWorkbook(snapshot, options);
  if (!outcome.ok) throw new Error(`check failed: ${outcome.problem}`);
  return outcome.report;
}

/** Issues as a planner reads them in the report: where, how bad, which code. */
const located = (issues: readonly Issue[]) => issues.map((issue) => `${issue.sheet}!${issue.cell ?? `row ${issue.row}`} ${issue.severity} ${issue.code}`);

describe('checkWorkbook', () => {
  describe('when no sheet has an allocation table', () => {
    it('fails with one sentence naming the required columns and the sheets', () => {
      const outcome = checkWorkbook(workbook({ Notes: [['Plan for Q2']], Budget: [['Lab', 'Amount']] }));
      expect(outcome).toEqual({
        ok: false,
        problem: 'No allocation table: no sheet has a header row naming Provider, Region, Silicon, Start, End in its first 20 rows (sheets: "Notes", "Budget").',
      });
    });

    it('fails on an empty workbook too', () => {
      expect(checkWorkbook(workbook({}))).toMatchObject({ ok: false, problem: expect.stringContaining('(sheets: none)') });
    });
  });

  describe('when --sheet names a sheet that is not there', () => {
    it('fails with one sentence naming the sheets there are', () => {
      const outcome = checkWorkbook(workbook({ Bookings: [HEADER, booking()] }), { sheet: 'Allocations' });
      expect(outcome).toEqual({ ok: false, problem: 'No sheet named "Allocations"; the sheets are "Bookings".' });
    });
  });

  describe('when --sheet names a sheet without a header', () => {
    it('fails with one sentence', () => {
      const outcome = checkWorkbook(workbook({ Bookings: [HEADER, booking()], Notes: [['hello']] }), { sheet: 'notes' });
      expect(outcome).toEqual({ ok: false, problem: 'Sheet "Notes" has no header row naming Provider, Region, Silicon, Start, End in its first 20 rows.' });
    });
  });

  describe('when --sheet names a sheet that has a table', () => {
    it('reads that sheet, not the first one', () => {
      const report = check(workbook({ Old: [HEADER, booking()], New: [HEADER, booking(), booking()] }), { sheet: 'New' });
      expect([report.allocation.sheetName, report.bookings.length]).toEqual(['New', 2]);
    });
  });

  describe('when a sheet is very hidden', () => {
    const table = [['Provider', 'Region', 'Silicon', 'Start', 'End'], ['AWS', 'us-east-2', 'Trn2', '2026-04-14', '2026-04-27']];

    it('never reads it as the allocation table', () => {
      const hidden: WorkbookSnapshot = { date1904: false, sheets: [{ name: 'State', visibility: 'veryHidden', rows: table }] };
      expect(checkWorkbook(hidden)).toEqual({ ok: false, problem: expect.stringContaining('(sheets: none)') });
      expect(checkWorkbook(hidden, { sheet: 'State' })).toEqual({ ok: false, problem: 'No sheet named "State"; the sheets are none.' });
    });

    it('reads the first visible table after it', () => {
      const snapshot: WorkbookSnapshot = {
        date1904: false,
        sheets: [{ name: 'State', visibility: 'veryHidden', rows: table }, { name: 'Archive', visibility: 'hidden', rows: table }, { name: 'Bookings', rows: table }],
      };
      expect(check(snapshot).allocation.sheetName).toBe('Archive');
    });
  });

  describe('when the table has a title above it, blank rows and columns the tool does not know', () => {
    const report = check(workbook({
      Plan: [
        ['Q2 2026 accelerator plan'],
        ['Cost centre', 'Cloud provider', 'Location', 'Hardware', 'Chip count', 'From', 'Until', 'Booking ID', 'Organization', 'Run type', 'TFLOP/s', 'Block ID', 'Comments'],
        ['CC-1', 'Amazon', 'us-east-2', 'Trainium 2', 64, '2026-04-14', '2026-04-27', 'B-1', 'Lab A', 'pre-training', 42_688, 'blk-1', 'motivating incident'],
        [],
        ['CC-2', 'Google Cloud', 'us-central1-a', 'v5p', '1,024', '14 Apr 2026', 'Apr 27, 2026', 'B-2', 'Lab B', 'fine-tuning', null, null, null],
        ['CC-3', 'AWS', 'us-east-2', 'Trainuim2', 8, '2026-04-14', '2026-04-27', 'B-3', 'Lab C', 'eval', null, null, null],
      ],
    }));

    it('finds the header on sheet row 2 and reads the non-blank rows', () => {
      expect([report.allocation.headerRow, report.bookings.length]).toEqual([2, 3]);
    });

    it('reports each issue on the sheet row and cell a user sees', () => {
      expect(located(report.issues)).toEqual(['Plan!D6 error unknown-silicon']);
      expect(report.issues[0]).toMatchObject({ row: 6, column: 'Hardware', suggestion: 'Trainium2' });
    });
  });

  describe('when a required column is missing', () => {
    it('reports missing-column naming it on the header row, and still reads the rows', () => {
      const report = check(workbook({ Bookings: [['Title'], ['Provider', 'Region', 'Silicon', 'Start', 'Notes'], ['AWS', 'us-east-2', 'Trn2', '2026-04-14', 'x']] }));
      expect(report.issues).toEqual([{
        sheet: 'Bookings', row: 2, column: 'End', cell: null, severity: 'error', code: 'missing-column',
        message: 'Sheet "Bookings" has no End column; add a column headed End.',
      }]);
      expect(report.bookings.length).toBe(1);
    });
  });

  describe('when the header repeats a column', () => {
    it('warns on the later one and reads the first', () => {
      const report = check(workbook({ Bookings: [[...HEADER, 'Start date'], [...booking(), 'not a date']] }));
      expect(report.issues).toEqual([expect.objectContaining({
        row: 1, column: 'Start date', cell: 'K1', severity: 'warning', code: 'duplicate-column',
        message: 'Column "Start date" repeats "Start"; only the first is read.',
      })]);
    });
  });

  describe('when the Chips column is missing', () => {
    const bookings = [['Provider', 'Region', 'Silicon', 'Start', 'End'], ['AWS', 'us-east-2', 'Trn2', '2026-04-14', '2026-04-27']];

    it('says nothing without a Capacity table', () => {
      expect(check(workbook({ Bookings: bookings })).issues).toEqual([]);
    });

    it('reports missing-column Chips with a Capacity table, and why', () => {
      const report = check(workbook({ Bookings: bookings, Capacity: [CAPACITY_HEADER, ['AWS', 'us-east-2', 'Trn2', 128, '2026-04-01', '2026-04-30']] }));
      expect(report.issues).toEqual([expect.objectContaining({
        sheet: 'Bookings', row: 1, column: 'Chips', cell: null, severity: 'error', code: 'missing-column',
        message: 'Sheet "Bookings" has no Chips column (a Capacity table needs Chips on every booking); add a column headed Chips.',
      })]);
    });
  });

  describe('when validating every kind of problem docs/DOMAIN.md lists', () => {
    const capacity = { Capacity: [CAPACITY_HEADER, ['AWS', 'us-east-2', 'Trainium2', 256, '2026-04-01', '2026-04-30']] };
    it.each<[string, Record<string, Row[]>, string]>([
      ['missing-column', { Bookings: [['Provider', 'Region', 'Silicon', 'Start'], ['AWS', 'us-east-2', 'Trn2', '2026-04-14']] }, 'Bookings!row 1'],
      ['missing-value', { Bookings: [HEADER, booking({ Silicon: null })] }, 'Bookings!E2'],
      ['missing-value', { Bookings: [HEADER, booking({ Chips: null })], ...capacity }, 'Bookings!F2'],
      ['unknown-provider', { Bookings: [HEADER, booking({ Provider: 'Amazn Web Services' })] }, 'Bookings!C2'],
      ['unknown-region', { Bookings: [HEADER, booking({ Region: 'us-east-9' })] }, 'Bookings!D2'],
      ['unknown-silicon', { Bookings: [HEADER, booking({ Silicon: 'Trainium9000' })] }, 'Bookings!E2'],
      ['silicon-not-offered', { Bookings: [HEADER, booking({ Silicon: 'TPU v6e' })] }, 'Bookings!E2'],
      ['silicon-not-in-region', { Bookings: [HEADER, booking({ Region: 'eu-west-1' })] }, 'Bookings!D2'],
      ['invalid-date', { Bookings: [HEADER, booking({ End: '04/05/2026' })] }, 'Bookings!H2'],
      ['end-before-start', { Bookings: [HEADER, booking({ Start: '2026-04-27', End: '2026-04-14' })] }, 'Bookings!H2'],
      ['invalid-chips', { Bookings: [HEADER, booking({ Chips: 'lots' })] }, 'Bookings!F2'],
      ['tflops-mismatch', { Bookings: [HEADER, booking({ TFLOPS: 100 })] }, 'Bookings!I2'],
      ['duplicate-id', { Bookings: [HEADER, booking({ ID: 'B-1' }), booking({ ID: 'B-1', Start: '2026-05-01', End: '2026-05-02' })] }, 'Bookings!A2'],
      ['unreserved', { Bookings: [HEADER, booking({ Start: '2026-04-28', End: '2026-05-03' })], ...capacity }, 'Bookings!G2'],
    ])('reports %s with its severity on the cell to fix', (code, sheets, where) => {
      const report = check(workbook(sheets));
      expect(located(report.issues)).toContain(`${where} ${ISSUE_SEVERITY[code as keyof typeof ISSUE_SEVERITY]} ${code}`);
    });
  });

  describe('when rows share an ID', () => {
    it('reports duplicate-id on every row sharing it, ignoring case, and names the other rows', () => {
      const report = check(workbook({
        Bookings: [HEADER, booking({ ID: 'B-1' }), booking({ ID: 'B-2' }), booking({ ID: 'b-1', Status: 'cancelled' }), booking({ ID: 'B-1' })],
      }));
      const duplicates = report.issues.filter((issue) => issue.code === 'duplicate-id');
      expect(duplicates.map((issue) => [issue.cell, issue.message])).toEqual([
        ['A2', 'ID "B-1" is also used on rows 4, 5.'],
        ['A4', 'ID "b-1" is also used on rows 2, 5.'],
        ['A5', 'ID "B-1" is also used on rows 2, 4.'],
      ]);
    });
  });

  describe('when a Capacity table exists', () => {
    const capacity: Row[] = [CAPACITY_HEADER, ['AWS', 'us-east-2', 'Trainium2', 128, '2026-04-01', '2026-04-15'], ['AWS', 'us-east-2', 'Trn2', 64, '2026-04-16', '2026-04-20']];

    it('finds it and warns about days of a booking its pool has not reserved', () => {
      const report = check(workbook({ Bookings: [HEADER, booking({ Start: '2026-04-10', End: '2026-04-24' })], Capacity: capacity }));
      expect(report.capacity?.sheetName).toBe('Capacity');
      expect(report.issues).toEqual([{
        sheet: 'Bookings', row: 2, column: 'Start', cell: 'G2', severity: 'warning', code: 'unreserved',
        message: 'AWS us-east-2 Trainium2 has no reserved capacity on 4 days of this booking\'s 15 days, from 21 Apr 2026 to 24 Apr 2026.',
      }]);
    });

    it('names the single day when only one is unreserved', () => {
      const report = check(workbook({ Bookings: [HEADER, booking({ Start: '2026-04-20', End: '2026-04-21' })], Capacity: capacity }));
      expect(report.issues.map((issue) => issue.message)).toEqual(['AWS us-east-2 Trainium2 has no reserved capacity on 1 day of this booking\'s 2 days (21 Apr 2026).']);
    });

    it('says nothing about a booking inside reserved days, or a cancelled one outside them', () => {
      const report = check(workbook({
        Bookings: [HEADER, booking({ Start: '2026-04-01', End: '2026-04-20' }), booking({ Start: '2026-06-01', End: '2026-06-02', Status: 'released' })],
        Capacity: capacity,
      }));
      expect(report.issues).toEqual([]);
    });

    it('finds a capacity table on a sheet of another name by its header', () => {
      const report = check(workbook({ Bookings: [HEADER, booking()], Reserved: capacity }));
      expect(report.capacity?.sheetName).toBe('Reserved');
    });
  });

  describe('when the workbook has a Catalog sheet', () => {
    const catalogSheet: Row[] = [
      ['Provider', 'Region', 'Silicon', 'Vendor', 'TFLOPS'],
      [null, null, 'Nebula-1', 'Acme', 500],
      ['Acme Cloud', 'acme-west-1', 'Nebula-1', null, null],
      ['Self-built', 'Memphis', 'Nebula-1', null, null],
    ];

    it('validates rows using its new provider, region and chip without issues', () => {
      const report = check(workbook({
        Bookings: [
          HEADER,
          booking({ Provider: 'Acme Cloud', Region: 'acme-west-1', Silicon: 'Nebula 1', Chips: 10, TFLOPS: 5000 }),
          booking({ Provider: 'Self-built', Region: 'Memphis', Silicon: 'Nebula-1' }),
          booking({ Provider: 'Self-built', Region: 'Abilene', Silicon: 'H100' }),
        ],
        Catalog: catalogSheet,
      }));
      expect(report.issues).toEqual([]);
      expect(report.bookings[0].pool).toMatchObject({ provider: 'Acme Cloud', region: 'acme-west-1', silicon: 'Nebula-1' });
    });

    it('reports a bad catalog row as invalid-catalog-row and keeps checking', () => {
      const outcome = checkWorkbook(workbook({
        Bookings: [HEADER, booking({ Silicon: 'Trainuim2' })],
        Catalog: [['Silicon', 'Vendor', 'TFLOPS'], ['Quark', 'Acme', 'fast'], []],
      }));
      expect(outcome.ok).toBe(true);
      expect(outcome.ok && located(outcome.report.issues)).toEqual(['Bookings!E2 error unknown-silicon', 'Catalog!C2 error invalid-catalog-row']);
    });

    it('reports a catalog that contradicts the default one, and checks against the default', () => {
      const report = check(workbook({
        Bookings: [HEADER, booking({ Provider: 'AWS', Region: 'us-east-1', Silicon: 'H100' })],
        Catalog: [['Silicon', 'Aliases'], ['Foo', 'Trn2, H100']],
      }));
      expect(report.issues).toEqual([expect.objectContaining({
        sheet: 'Catalog', cell: null, severity: 'error', code: 'invalid-catalog-row',
        message: 'Catalog row: silicon name "H100" is used by both Trainium2 and H100 SXM',
      })]);
    });

    it('never takes the Catalog sheet for the allocation table', () => {
      const report = check(workbook({ Catalog: [['Provider', 'Region', 'Silicon', 'Start', 'End']], Bookings: [HEADER, booking()] }));
      expect(report.allocation.sheetName).toBe('Bookings');
    });
  });

  describe('when a catalog is passed in (--catalog)', () => {
    it('checks against it', () => {
      const catalog = Catalog.fromData(DEFAULT_CATALOG).extend(CatalogExtensionSchema.parse({ providers: [{ name: 'AWS', offerings: [{ silicon: 'Trn2', regions: ['eu-west-1'] }] }] }));
      const snapshot = workbook({ Bookings: [HEADER, booking({ Region: 'eu-west-1' })] });
      expect(located(check(snapshot).issues)).toEqual(['Bookings!D2 warning silicon-not-in-region']);
      expect(check(snapshot, { catalog }).issues).toEqual([]);
    });
  });

  describe('when a lead has accepted a conflict in the resolution log', () => {
    const bookings = [HEADER, booking({ Lab: 'Lab A' }), booking({ Lab: 'Lab B', Start: '2026-04-20', End: '2026-05-03' })];
    const conflictId = check(workbook({ Bookings: bookings })).conflicts[0].id;
    const log = (...entries: Array<[string, string]>): Row[] => [
      [...RESOLUTION_LOG_COLUMNS],
      ...entries.map(([action, reason]) => ['2026-04-01T10:00:00Z', 'lead@lab-a', conflictId, action, '2, 3', '', '', reason]),
    ];

    it('still reports the conflict, marked accepted with the reason', () => {
      const report = check(workbook({ Bookings: bookings, 'Resolution log': log(['accept', 'eval runs share nodes']) }));
      expect(report.conflicts).toEqual([expect.objectContaining({
        id: conflictId, rows: [2, 3], accepted: true, acceptance: { reason: 'eval runs share nodes', by: 'lead@lab-a', at: '2026-04-01T10:00:00Z', rows: [2, 3] },
      })]);
    });

    it('opens it again when its rows have changed since it was accepted, saying so', () => {
      const three = [...bookings, booking({ Lab: 'Lab C', Start: '2026-04-25', End: '2026-04-26' })];
      const report = check(workbook({ Bookings: three, 'Resolution log': log(['accept', 'eval runs share nodes']) }));
      expect(report.conflicts).toEqual([expect.objectContaining({ id: conflictId, rows: [2, 3, 4], accepted: false, lapsedAcceptance: expect.objectContaining({ rows: [2, 3] }) })]);
      expect(report.conflicts[0]).not.toHaveProperty('acceptance');
    });

    it('reports it unaccepted again after an undo accept', () => {
      const report = check(workbook({ Bookings: bookings, 'Resolution log': log(['accept', 'eval runs share nodes'], ['undo accept', '']) }));
      expect(report.conflicts).toEqual([expect.objectContaining({ id: conflictId, accepted: false })]);
      expect(report.conflicts[0]).not.toHaveProperty('acceptance');
    });

    it('does not read the log as the allocation table', () => {
      const report = check(workbook({ 'Resolution log': log(['accept', 'x']), Bookings: bookings }));
      expect(report.allocation.sheetName).toBe('Bookings');
    });
  });

  describe('when reporting many issues', () => {
    it('orders them by sheet, then row, then column', () => {
      const report = check(workbook({
        Bookings: [
          HEADER,
          booking({ Region: 'eu-west-1', TFLOPS: 1, Chips: 'lots' }),
          booking({ Provider: null, Region: 'us-est-2' }),
        ],
        Catalog: [['Silicon', 'TFLOPS'], ['Quark', 0]],
      }));
      expect(located(report.issues)).toEqual([
        'Bookings!D2 warning silicon-not-in-region',
        'Bookings!F2 error invalid-chips',
        'Bookings!C3 error missing-value',
        'Catalog!B2 error invalid-catalog-row',
      ]);
    });
  });

  describe('when date cells hold numbers too large to be dates', () => {
    it('reports invalid-date on each and finds no conflict, rather than failing', () => {
      const phone = 447_700_900_123;
      const report = check(workbook({ Bookings: [HEADER, booking({ Start: phone, End: phone }), booking({ Start: phone, End: phone })] }));
      expect(located(report.issues)).toEqual([
        'Bookings!G2 error invalid-date', 'Bookings!H2 error invalid-date', 'Bookings!G3 error invalid-date', 'Bookings!H3 error invalid-date',
      ]);
      expect(report.issues[0].message).toBe('Start "447700900123" is not a date; use a date cell or a date written as YYYY-MM-DD.');
      expect(report.conflicts).toEqual([]);
    });
  });

  describe('when the workbook counts dates from 1904', () => {
    it('reads serials in that system', () => {
      const report = check(workbook({ Bookings: [HEADER, booking({ Start: 44_621, End: 44_622 }), booking({ Start: 44_622, End: 44_630 })] }, true));
      expect(report.date1904).toBe(true);
      expect(report.issues).toEqual([]);
      expect(report.conflicts.map((conflict) => [formatIsoDay(conflict.start), formatIsoDay(conflict.end)])).toEqual([['2026-03-03', '2026-03-03']]);
    });
  });
});
