import fc from 'fast-check';
import {
  BookingField, CellValue, CheckOptions, checkWorkbook, conflictCells, FIELD_SYNONYMS, fieldOfHeader, SheetSnapshot, WorkbookSnapshot,
} from '../../src/core';

/*
 * Whatever people type into a shared workbook, the check reports on it: it never throws. Cells of
 * every kind go into tables whose headers the check recognises (so rows are really read), and into
 * the Capacity, Catalog and Resolution log sheets it also reads.
 */

const RUNS = 2500;
const SEED = process.env.FC_SEED === undefined ? 20260414 : Number(process.env.FC_SEED);

const awkwardNumbers = fc.constantFrom(
  NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 59, 60, 61, 1462, 46126, 46126.999, -46126, 2_958_465, 2_958_466, 2e8, 3e9, 1e20,
  Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e17,
);
const awkwardText = fc.constantFrom(
  '', ' ', '\t\n', 'مرحبا بالعالم', '\u202Eevil\u202C', 'עברית', '\u0000\u0001\u0007\u001b[31m', '\uFEFF', '\uD800', '👩‍🔬🚀',
  '=SUM(A1:A9)', '+1+1', '-2', '@cmd', '=HYPERLINK("http://x")', '#REF!', 'NaN', 'undefined', 'null', 'true', '__proto__', 'constructor',
  'cancelled', 'Canceled', 'RELEASED', 'confirmed',
  '2026-04-14', '14 Apr 2026', 'Apr 14, 2026', '04/05/2026', '31/02/2026', '2026-13-45', '2026-02-29', '1900-02-29', '14 Apr 26', '0000-01-01',
  '1,024', '1,0,2,4', '1e3', '0x10', '-5', '2.5', '99999999999999999999',
  'AWS', 'Amazon Web Services', 'us-east-1', 'US East 1', 'us-central1-a', 'Trn2', 'Trainium2', 'Trainuim2', 'H100', 'TPU v5p', 'GCP',
  'x'.repeat(100_000), 'Trainium2'.repeat(2_000),
);
const errorValues = fc.constantFrom('#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '', 'not an error').map((error) => ({ error }));

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.double({ min: 36_000, max: 60_000, noNaN: true }),
  awkwardNumbers,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  awkwardText,
  fc.boolean(),
  errorValues,
  fc.constant(null),
);

const headerNames = Object.values(FIELD_SYNONYMS).flat();
const headerCellArb: fc.Arbitrary<CellValue> = fc.oneof({ arbitrary: fc.constantFrom(...headerNames), weight: 6 }, { arbitrary: cellArb, weight: 1 });

/** Values that read as valid in a column, so that rows become bookings and conflicts really happen. */
const PLAUSIBLE: Partial<Record<BookingField, fc.Arbitrary<CellValue>>> = {
  provider: fc.constantFrom('AWS', 'Amazon', 'AWS', 'Acme Cloud'),
  region: fc.constantFrom('us-east-1', 'US East 1', 'us-east-1', 'us-central1-a'),
  silicon: fc.constantFrom('Trn2', 'Trainium2', 'Trainium2', 'Trainuim2'),
  block: fc.constantFrom('', 'b1', 'B 1'),
  chips: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant('1,024')),
  start: fc.oneof(fc.integer({ min: 46113, max: 46130 }), fc.constantFrom('2026-04-14', '14 Apr 2026')),
  end: fc.oneof(fc.integer({ min: 46120, max: 46140 }), fc.constantFrom('2026-04-20', 'Apr 27, 2026')),
  status: fc.constantFrom('', 'confirmed', 'cancelled', 'released'),
};

function columnArb(headerCell: CellValue): fc.Arbitrary<CellValue> {
  const field = fieldOfHeader(headerCell);
  const plausible = field === undefined ? undefined : PLAUSIBLE[field];
  return plausible === undefined ? cellArb : fc.oneof({ arbitrary: plausible, weight: 7 }, { arbitrary: cellArb, weight: 1 });
}

/** A sheet: some junk rows, a header row the check may recognise, then ragged data rows, some missing (undefined, or null as JSON gives them). */
function sheetArb(name: fc.Arbitrary<string>, header: fc.Arbitrary<CellValue[]>): fc.Arbitrary<SheetSnapshot> {
  const junkRow = fc.array(cellArb, { maxLength: 18 });
  return fc.record({
    name,
    visibility: fc.constantFrom<SheetSnapshot['visibility']>(undefined, undefined, 'visible', 'hidden', 'veryHidden'),
    before: fc.array(fc.oneof(junkRow, fc.constantFrom(undefined, null)), { maxLength: 3 }),
    header,
  }).chain(({ name: sheetName, visibility, before, header: headerRow }) => {
    // Data rows follow the header's columns, cut short or run long at random (ragged).
    const length = fc.oneof({ arbitrary: fc.constant(Infinity), weight: 3 }, { arbitrary: fc.nat(headerRow.length + 3), weight: 1 });
    const dataRow = fc.tuple(fc.tuple(...headerRow.map(columnArb)), length, fc.array(cellArb, { maxLength: 3 }))
      .map(([cells, length, extra]) => [...cells, ...extra].slice(0, length));
    return fc.array(fc.oneof({ arbitrary: dataRow, weight: 8 }, { arbitrary: fc.constantFrom(undefined, null), weight: 1 }), { maxLength: 12 }).map((rows) => ({
      name: sheetName,
      ...(visibility === undefined ? {} : { visibility }),
      rows: [...before, headerRow, ...rows],
    }));
  });
}

const allocationHeader = fc.oneof(
  // The required columns always, so the table is found, plus random others, in random order.
  fc.tuple(fc.shuffledSubarray(['Provider', 'Region', 'Silicon', 'Start', 'End'], { minLength: 5 }), fc.array(headerCellArb, { maxLength: 10 }))
    .chain(([required, others]) => fc.shuffledSubarray([...required, ...others], { minLength: required.length + others.length })),
  fc.array(headerCellArb, { maxLength: 16 }),
);
const capacityHeader = fc.oneof(
  fc.shuffledSubarray(['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Block'], { minLength: 4 }),
  fc.array(headerCellArb, { maxLength: 10 }),
);
const catalogHeader = fc.shuffledSubarray(
  ['Provider', 'Provider aliases', 'Region', 'Silicon', 'Silicon aliases', 'Vendor', 'Family', 'TFLOPS', 'HBM', 'Notes'], { minLength: 1 },
);
const logHeader = fc.shuffledSubarray(['When', 'Who', 'Conflict', 'Action', 'Rows', 'Before', 'After', 'Reason'], { minLength: 1 });
const sheetName = fc.oneof(fc.constantFrom('Bookings', 'Sheet1', 'capacity', 'CAPACITY', 'Catalog', 'Resolution log', 'resolution-log', ''), fc.string({ maxLength: 12 }));

const workbookArb: fc.Arbitrary<{ snapshot: WorkbookSnapshot; options: CheckOptions }> = fc.record({
  date1904: fc.boolean(),
  allocation: fc.array(sheetArb(sheetName, allocationHeader), { minLength: 1, maxLength: 2 }),
  capacity: fc.option(sheetArb(fc.constantFrom('Capacity', 'Reserved'), capacityHeader), { nil: undefined }),
  catalog: fc.option(sheetArb(fc.constant('Catalog'), catalogHeader), { nil: undefined }),
  log: fc.option(sheetArb(fc.constant('Resolution log'), logHeader), { nil: undefined }),
  // Mostly the check finds the tables itself; sometimes it is told which sheets to read.
  sheetOption: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: sheetName, weight: 1 }),
  capacitySheetOption: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: sheetName, weight: 1 }),
}).map(({ date1904, allocation, capacity, catalog, log, sheetOption, capacitySheetOption }) => ({
  snapshot: { date1904, sheets: [...allocation, capacity, catalog, log].filter((sheet): sheet is SheetSnapshot => sheet !== undefined) },
  options: {
    ...(sheetOption === undefined ? {} : { sheet: sheetOption }),
    ...(capacitySheetOption === undefined ? {} : { capacitySheet: capacitySheetOption }),
  },
}));

describe('checkWorkbook on arbitrary cells', () => {
  it(`never throws, and returns a report or a problem in words (${RUNS} random workbooks)`, () => {
    fc.assert(
      fc.property(workbookArb, ({ snapshot, options }) => {
        const outcome = checkWorkbook(snapshot, options);
        if (outcome.ok) {
          const { report } = outcome;
          expect(Array.isArray(report.issues)).toBe(true);
          for (const issue of report.issues) expect(typeof issue.message).toBe('string');
          for (const conflict of report.conflicts) {
            expect(conflict.rows.length).toBeGreaterThan(0);
            expect(conflict.end).toBeGreaterThanOrEqual(conflict.start);
          }
          expect(() => conflictCells(report)).not.toThrow();
        } else {
          expect(typeof outcome.problem).toBe('string');
          expect(outcome.problem.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('generates workbooks whose rows are really read, with bookings and conflicts', () => {
    // Guards the generator: a fuzz whose rows never became bookings would test only the table search.
    const reports = fc.sample(workbookArb, { numRuns: 500, seed: SEED }).map(({ snapshot, options }) => checkWorkbook(snapshot, options));
    const read = reports.flatMap((outcome) => (outcome.ok ? [outcome.report] : []));
    expect(read.length).toBeGreaterThan(100);
    expect(read.filter((report) => report.bookings.some((booking) => booking.active)).length).toBeGreaterThan(50);
    expect(read.filter((report) => report.conflicts.length > 0).length).toBeGreaterThan(5);
  });

  it('returns a problem, not a throw, for a workbook with no sheets or only empty ones', () => {
    for (const snapshot of [
      { date1904: false, sheets: [] },
      { date1904: true, sheets: [{ name: 'Sheet1', rows: [] }] },
      { date1904: false, sheets: [{ name: 'Sheet1', rows: [undefined, [], [null, undefined as unknown as CellValue]] }] },
    ] as WorkbookSnapshot[]) {
      const outcome = checkWorkbook(snapshot);
      expect(outcome).toEqual({ ok: false, problem: expect.stringContaining('No allocation table') });
    }
  });
});
