import fc from 'fast-check';
import { findOverbookedRunsInColumns, IntervalColumns } from './findOverbookedRuns';
import { SegmentColumns, SweptSegments } from './segmentColumns';

const POOLS = ['p0', 'p1', 'p2'];
const interval = fc.record({ pool: fc.nat(POOLS.length - 1), start: fc.integer({ min: -5, max: 30 }), length: fc.integer({ min: 0, max: 12 }), chips: fc.constantFrom(0, 1, 4, 8) });

function columnsOf(intervals: ReadonlyArray<{ pool: number; start: number; length: number; chips: number }>): IntervalColumns {
  const columns = new IntervalColumns(1);
  intervals.forEach(({ pool, start, length, chips }, ref) => columns.push(pool, start, start + length, chips, ref));
  return columns;
}

/** Each day's holders, demand and capacity of one pool, counted interval by interval, from day -5 to 45. */
function dayByDay(demand: IntervalColumns, capacity: IntervalColumns | null, pool: number): Array<{ day: number; holders: number; demand: number; capacity: number }> {
  const days = [];
  for (let day = -5; day < 45; day++) {
    const on = (columns: IntervalColumns, k: number) => columns.pool[k] === pool && columns.start[k] <= day && day < columns.endExclusive[k];
    let [holders, booked, reserved] = [0, 0, 0];
    for (let k = 0; k < demand.count; k++) if (on(demand, k)) [holders, booked] = [holders + 1, booked + demand.chips[k]];
    for (let k = 0; capacity !== null && k < capacity.count; k++) if (on(capacity, k)) reserved += capacity.chips[k];
    if (holders > 0 || reserved > 0) days.push({ day, holders, demand: booked, capacity: reserved });
  }
  return days;
}

/** The kept pieces of one pool spelled out day by day, checking that they come in day order. */
function piecesByDay(segments: SweptSegments, pool: number): Array<{ day: number; holders: number; demand: number; capacity: number }> {
  const { columns } = segments;
  const days = [];
  for (let i = segments.first[pool]; i < segments.first[pool] + segments.count[pool]; i++) {
    if (i > segments.first[pool]) expect(columns.start[i]).toBeGreaterThanOrEqual(columns.end[i - 1]);
    expect(columns.end[i]).toBeGreaterThan(columns.start[i]);
    for (let day = columns.start[i]; day < columns.end[i]; day++) days.push({ day, holders: columns.holders[i], demand: columns.demand[i], capacity: columns.capacity[i] });
  }
  return days;
}

describe('the pieces of days the sweep keeps', () => {
  it.each([false, true])('are exactly the days some row holds or reserves, with their counts, and change no run (capacity: %s)', (withCapacity) => {
    fc.assert(fc.property(fc.array(interval, { maxLength: 14 }), fc.array(interval, { maxLength: 6 }), (bookings, reserved) => {
      const demand = columnsOf(bookings);
      const capacity = withCapacity ? columnsOf(reserved) : null;
      const segments = new SweptSegments(new SegmentColumns(1), POOLS.length);
      const runs = findOverbookedRunsInColumns(POOLS, demand, capacity, segments);
      expect(runs).toEqual(findOverbookedRunsInColumns(POOLS, demand, capacity));
      for (let pool = 0; pool < POOLS.length; pool++) expect(piecesByDay(segments, pool)).toEqual(dayByDay(demand, capacity, pool));
    }), { numRuns: 500, seed: 20260414 });
  });

  it('keep a pool the sweep would pass by: one booking alone, or capacity nobody books', () => {
    const demand = columnsOf([{ pool: 0, start: 3, length: 4, chips: 8 }]);
    const capacity = columnsOf([{ pool: 1, start: 0, length: 10, chips: 16 }]);
    const segments = new SweptSegments(new SegmentColumns(1), 2);
    expect(findOverbookedRunsInColumns(['p0', 'p1'], demand, capacity, segments)).toEqual([]);
    expect([piecesByDay(segments, 0)[0], piecesByDay(segments, 1)[0]]).toEqual([{ day: 3, holders: 1, demand: 8, capacity: 0 }, { day: 0, holders: 0, demand: 0, capacity: 16 }]);
  });
});
