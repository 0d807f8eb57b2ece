import fc from 'fast-check';
import {
  applyEdits, CellValue, CheckReport, checkWorkbook, Conflict, Issue, levelCalendar, LevelOptions, parseCellAddress, serialFromDay, WorkbookSnapshot,
} from '../../src/core';

/*
 * Levelling random workbooks: apply the plan, check again. No conflict is left open but those the plan
 * says it leaves; no booking outside a conflict changes; no new issue appears; levelling the result
 * changes nothing; and each shift is the smallest that works in its turn (tried day by day).
 */

const RUNS = 600;
const SEED = process.env.FC_SEED === undefined ? 20261204 : Number(process.env.FC_SEED);
const FIRST_DAY = Date.UTC(2026, 3, 1) / 86_400_000;
const POOLS = [
  ['AWS', 'us-east-1', 'Trainium2'], ['AWS', 'us-east-2', 'Trainium2'], ['AWS', 'us-east-1', 'H100'], ['AWS', 'us-west-2', 'H100'], ['AWS', 'us-east-2', 'H200'],
] as const;
const LABS = ['Lab A', 'Lab B', 'Lab C', ''];
const HEADER = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status'];
const CAPACITY_HEADER = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Reserved for'];

const bookingArb = fc.record({
  pool: fc.nat(POOLS.length - 1), lab: fc.nat(LABS.length - 1), chips: fc.constantFrom(64, 128, 256, 512),
  start: fc.nat(40), length: fc.integer({ min: 1, max: 15 }), status: fc.constantFrom('confirmed', 'tentative', 'tentative', 'cancelled'),
});
const capacityArb = fc.record({ pool: fc.nat(POOLS.length - 1), lab: fc.nat(LABS.length - 1), chips: fc.constantFrom(256, 512, 1024), start: fc.nat(20), length: fc.integer({ min: 30, max: 140 }) });
type GeneratedBooking = typeof bookingArb extends fc.Arbitrary<infer T> ? T : never;
type GeneratedCapacity = typeof capacityArb extends fc.Arbitrary<infer T> ? T : never;

function workbookOf(bookings: GeneratedBooking[], capacity: GeneratedCapacity[] | null): WorkbookSnapshot {
  const rows: CellValue[][] = bookings.map((b, index) => [`R-${index}`, LABS[b.lab], ...POOLS[b.pool], b.chips, serialFromDay(FIRST_DAY + b.start, false), serialFromDay(FIRST_DAY + b.start + b.length - 1, false), b.status]);
  const sheets: WorkbookSnapshot['sheets'] = [{ name: 'Plan', rows: [HEADER, ...rows] }];
  if (capacity === null) return { date1904: false, sheets };
  const capacityRows = capacity.map((c) => [...POOLS[c.pool], c.chips, serialFromDay(FIRST_DAY + c.start, false), serialFromDay(FIRST_DAY + c.start + c.length - 1, false), LABS[c.lab]]);
  return { date1904: false, sheets: [...sheets, { name: 'Capacity', rows: [CAPACITY_HEADER, ...capacityRows] }] };
}

function check(snapshot: WorkbookSnapshot): CheckReport {
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

const daysOf = (conflicts: readonly Conflict[]) => new Set(conflicts.filter((c) => !c.accepted).flatMap((c) => Array.from({ length: c.end - c.start + 1 }, (_, i) => `${c.pool.key}@${c.start + i}`)));
const issueKey = (issue: Issue) => `${issue.cell ?? issue.column}:${issue.code}`;

/** Over-booked (pool, day)s of the bookings as placed, computed day by day from the report's rules. */
function overbookedByHand(report: CheckReport, placed: ReadonlyMap<number, { key: string; start: number; end: number }>): Set<string> {
  const demand = new Map<string, { holders: number; chips: number }>();
  for (const booking of report.bookings) {
    if (!booking.active || booking.pool === null) continue;
    const where = placed.get(booking.sheetRow) ?? { key: booking.pool.key, start: booking.start as number, end: (booking.endExclusive as number) - 1 };
    for (let day = where.start; day <= where.end; day++) {
      const entry = demand.get(`${where.key}@${day}`) ?? { holders: 0, chips: 0 };
      demand.set(`${where.key}@${day}`, { holders: entry.holders + 1, chips: entry.chips + (booking.chips ?? 0) });
    }
  }
  const capacity = new Map<string, number>();
  for (const row of report.capacityRows) {
    if (!row.active || row.pool === null) continue;
    for (let day = row.start as number; day < (row.endExclusive as number); day++) capacity.set(`${row.pool.key}@${day}`, (capacity.get(`${row.pool.key}@${day}`) ?? 0) + (row.chips ?? 0));
  }
  const over = new Set<string>();
  for (const [key, { holders, chips }] of demand) {
    const reserved = report.capacity === null ? null : capacity.get(key) ?? 0;
    if (reserved === null ? holders >= 2 : reserved > 0 && chips > reserved) over.add(key);
  }
  return over;
}

const variants: Array<[string, LevelOptions]> = [['defaults', {}], ['no moves', { allowMoves: false }], ['tentative only, 20-day horizon', { tentativeOnly: true, horizonDays: 20 }]];

describe.each(variants)('levelCalendar with %s', (_, options) => {
  it(`leaves open only what it reports, changes only conflict rows, raises no issue, is stable, and shifts by the least (${RUNS} workbooks)`, () => {
    fc.assert(
      fc.property(fc.array(bookingArb, { minLength: 2, maxLength: 16 }), fc.option(fc.array(capacityArb, { minLength: 1, maxLength: 6 }), { nil: null }), (bookings, capacity) => {
        const snapshot = workbookOf(bookings, capacity);
        const before = check(snapshot);
        const plan = levelCalendar(before, snapshot, options);
        const levelled = applyEdits(snapshot, plan.steps.flatMap((step) => step.edits));
        const after = check(levelled);

        const leftIds = new Set(plan.left.map((left) => left.conflictId));
        const leftDays = daysOf(before.conflicts.filter((conflict) => leftIds.has(conflict.id)));
        expect([...daysOf(after.conflicts)].filter((day) => !leftDays.has(day))).toEqual([]);

        const conflictRows = new Set(before.conflicts.filter((c) => !c.accepted).flatMap((c) => c.rows));
        const editedRows = plan.steps.flatMap((step) => step.edits.map((edit) => (parseCellAddress(edit.address)?.row ?? -1) + 1));
        expect(editedRows.filter((row) => !conflictRows.has(row))).toEqual([]);

        const known = new Set(before.issues.map(issueKey));
        expect(after.issues.map(issueKey).filter((key) => !known.has(key))).toEqual([]);
        expect(levelCalendar(after, levelled, options).steps).toEqual([]);

        // Day by day, each shift is the least that over-books nothing, given the steps before it.
        const placed = new Map<number, { key: string; start: number; end: number }>();
        for (const { resolution } of plan.steps) {
          const booking = before.bookings.find((candidate) => candidate.sheetRow === resolution.row)!;
          if (resolution.kind === 'shift') {
            for (let days = 1; days <= resolution.days; days++) {
              const trial = new Map(placed).set(booking.sheetRow, { key: booking.pool!.key, start: (booking.start as number) + days, end: (booking.endExclusive as number) - 1 + days });
              const overbooked = overbookedByHand(before, trial);
              const clash = Array.from({ length: (booking.endExclusive as number) - (booking.start as number) }, (_, i) => `${booking.pool!.key}@${(booking.start as number) + days + i}`).some((day) => overbooked.has(day));
              const unreserved = before.capacity !== null && !fitsReserved(before, booking.pool!.key, (booking.start as number) + days, (booking.endExclusive as number) + days);
              expect({ days, works: !clash && !unreserved }).toEqual({ days, works: days === resolution.days });
            }
            placed.set(booking.sheetRow, { key: booking.pool!.key, start: resolution.start, end: resolution.end });
          } else {
            placed.set(booking.sheetRow, { key: after.bookings.find((candidate) => candidate.sheetRow === resolution.row)!.pool!.key, start: booking.start as number, end: (booking.endExclusive as number) - 1 });
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

/** Whether every day of `[start, end)` has capacity reserved in the pool. */
function fitsReserved(report: CheckReport, key: string, start: number, end: number): boolean {
  for (let day = start; day < end; day++) {
    const reserved = report.capacityRows.some((row) => row.active && row.pool?.key === key && (row.start as number) <= day && (row.endExclusive as number) > day && (row.chips ?? 0) > 0);
    if (!reserved) return false;
  }
  return true;
}
