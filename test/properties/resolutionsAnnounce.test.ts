import fc from 'fast-check';
import {
  applyEdits, CellValue, CheckReport, checkWorkbook, Conflict, Issue, previewSuggestions, serialFromDay, suggestionsFor, WorkbookSnapshot,
} from '../../src/core';

/*
 * Any suggested resolution, applied to a random workbook and checked again, adds no conflict and no
 * issue it did not announce (its preview's `raises`), and clears the conflict it was made for.
 */

const RUNS = 1000;
const SEED = process.env.FC_SEED === undefined ? 20261203 : Number(process.env.FC_SEED);
const FIRST_DAY = Date.UTC(2026, 3, 1) / 86_400_000;
const POOLS = [
  ['AWS', 'us-east-1', 'Trainium2'], ['AWS', 'us-east-1', 'H100'], ['AWS', 'us-west-2', 'H100'],
  ['Google Cloud', 'us-central1', 'TPU v6e'], ['AWS', 'us-east-2', 'H200'],
] as const;
const PEAK: Record<string, number> = { Trainium2: 667, H100: 989, 'TPU v6e': 918, H200: 989 };
const LABS = ['Lab A', 'Lab B', 'Lab C', ''];
const HEADER = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'TFLOPS', 'Status'];
const CAPACITY_HEADER = ['Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Reserved for'];

const bookingArb = fc.record({
  pool: fc.nat(POOLS.length - 1),
  lab: fc.nat(LABS.length - 1),
  chips: fc.constantFrom(64, 128, 256, 512, 1024),
  start: fc.nat(60),
  length: fc.integer({ min: 1, max: 20 }),
  tflops: fc.constantFrom('match', 'match-text', 'other', 'none'),
  status: fc.constantFrom('confirmed', 'confirmed', 'tentative', 'cancelled'),
  textDates: fc.boolean(),
});
const capacityArb = fc.record({ pool: fc.nat(POOLS.length - 1), lab: fc.nat(LABS.length - 1), chips: fc.constantFrom(256, 512, 1024, 2048), start: fc.nat(30), length: fc.integer({ min: 10, max: 120 }) });

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

type GeneratedBooking = typeof bookingArb extends fc.Arbitrary<infer T> ? T : never;
type GeneratedCapacity = typeof capacityArb extends fc.Arbitrary<infer T> ? T : never;

function workbookOf(bookings: GeneratedBooking[], capacity: GeneratedCapacity[] | null): WorkbookSnapshot {
  const rows: CellValue[][] = bookings.map((b, index) => {
    const [provider, region, silicon] = POOLS[b.pool];
    const [start, end] = [FIRST_DAY + b.start, FIRST_DAY + b.start + b.length - 1];
    const tflops = b.tflops === 'match' ? b.chips * PEAK[silicon] : b.tflops === 'match-text' ? String(b.chips * PEAK[silicon]) : b.tflops === 'other' ? 12345 : null;
    const date = (day: number) => (b.textDates ? iso(day) : serialFromDay(day, false));
    return [`R-${index}`, LABS[b.lab], provider, region, silicon, b.chips, date(start), date(end), tflops, b.status];
  });
  const sheets: WorkbookSnapshot['sheets'] = [{ name: 'Plan', rows: [HEADER, ...rows] }];
  if (capacity === null) return { date1904: false, sheets };
  const capacityRows = capacity.map((c) => [...POOLS[c.pool], c.chips, iso(FIRST_DAY + c.start), iso(FIRST_DAY + c.start + c.length - 1), LABS[c.lab]]);
  return { date1904: false, sheets: [...sheets, { name: 'Capacity', rows: [CAPACITY_HEADER, ...capacityRows] }] };
}

function check(snapshot: WorkbookSnapshot): CheckReport {
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

/** Every (pool, day) over-booked in some conflict. */
function overbookedDays(conflicts: readonly Conflict[]): Set<string> {
  const days = new Set<string>();
  for (const conflict of conflicts) for (let day = conflict.start; day <= conflict.end; day++) days.add(`${conflict.pool.key}@${day}`);
  return days;
}

const issueKey = (issue: Issue) => `${issue.sheet}!${issue.cell ?? issue.column}:${issue.code}`;

describe('every suggested resolution', () => {
  it(`adds no conflict and no issue it does not announce, and clears its conflict (${RUNS} random workbooks)`, () => {
    fc.assert(
      fc.property(fc.array(bookingArb, { minLength: 2, maxLength: 14 }), fc.option(fc.array(capacityArb, { minLength: 1, maxLength: 6 }), { nil: null }), (bookings, capacity) => {
        const snapshot = workbookOf(bookings, capacity);
        const before = check(snapshot);
        const daysBefore = overbookedDays(before.conflicts);
        const issuesBefore = new Set(before.issues.map(issueKey));
        for (const conflict of before.conflicts) {
          for (const preview of previewSuggestions(before, snapshot, suggestionsFor(before, conflict).ranked)) {
            const after = check(applyEdits(snapshot, preview.edits));
            const announced = new Set(preview.raises.map(issueKey));
            const unannounced = after.issues.map(issueKey).filter((key) => !issuesBefore.has(key) && !announced.has(key));
            expect({ suggestion: preview.suggestion, unannounced }).toEqual({ suggestion: preview.suggestion, unannounced: [] });
            const newDays = [...overbookedDays(after.conflicts)].filter((day) => !daysBefore.has(day));
            expect({ suggestion: preview.suggestion, newDays }).toEqual({ suggestion: preview.suggestion, newDays: [] });
            const stillThere = after.conflicts.some((other) => other.pool.key === conflict.pool.key && other.start <= conflict.end && other.end >= conflict.start && other.rows.includes(preview.suggestion.row));
            expect({ suggestion: preview.suggestion, stillThere }).toEqual({ suggestion: preview.suggestion, stillThere: false });
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
