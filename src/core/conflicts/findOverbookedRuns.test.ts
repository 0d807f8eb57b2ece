import { BugIndicatingError } from '../model/bugIndicatingError';
import { CalendarDay, dayFromYmd, formatIsoDay } from '../model/calendarDay';
import { findOverbookedRuns, OverbookedRun, PoolInterval } from './findOverbookedRuns';

const TRN2 = 'aws\u0001useast1\u0001trainium2\u0001';
const H100 = 'aws\u0001useast1\u0001h100sxm\u0001';

function day(iso: string): CalendarDay {
  const [year, month, date] = iso.split('-').map(Number);
  const result = dayFromYmd(year, month, date);
  if (result === undefined) throw new Error(`bad test date ${iso}`);
  return result;
}

let nextRef = 0;
/** A booking or capacity row from `first` to `last`, both inclusive as in the workbook. */
function held(first: string, last: string, chips = 1, poolKey = TRN2): PoolInterval {
  return { poolKey, start: day(first), endExclusive: day(last) + 1, chips, ref: nextRef++ };
}

/** A capacity row from `first` to `last`, inclusive; capacity refs are never reported. */
function reserved(first: string, last: string, chips: number, poolKey = TRN2): PoolInterval {
  return { poolKey, start: day(first), endExclusive: day(last) + 1, chips, ref: -1 };
}

/** Runs as a reader checks them: pool, first and last day (inclusive), refs and chip figures. */
function described(runs: OverbookedRun[]) {
  return runs.map((run) => ({
    pool: run.poolKey,
    first: formatIsoDay(run.start),
    last: formatIsoDay(run.endExclusive - 1),
    refs: run.refs,
    booked: run.bookedChips,
    capacity: run.capacityChips,
    excess: run.excessChips,
  }));
}

beforeEach(() => {
  nextRef = 0;
});

describe('findOverbookedRuns', () => {
  describe('without capacity', () => {
    it('finds nothing when there are no bookings', () => {
      expect(findOverbookedRuns([], null)).toEqual([]);
    });

    it('finds nothing for a single booking', () => {
      expect(findOverbookedRuns([held('2026-04-14', '2026-04-27')], null)).toEqual([]);
    });

    describe('when one booking ends the day before the next starts (touching)', () => {
      it('finds no conflict', () => {
        const demand = [held('2026-04-14', '2026-04-27'), held('2026-04-28', '2026-05-11')];
        expect(findOverbookedRuns(demand, null)).toEqual([]);
      });
    });

    describe('when the next booking starts on the last day of the first', () => {
      it('finds a one-day conflict on that day', () => {
        const demand = [held('2026-04-14', '2026-04-27', 64), held('2026-04-27', '2026-05-11', 32)];
        expect(described(findOverbookedRuns(demand, null))).toEqual([
          { pool: TRN2, first: '2026-04-27', last: '2026-04-27', refs: [0, 1], booked: 96, capacity: null, excess: null },
        ]);
      });
    });

    it('finds one conflict over the whole span of two identical bookings', () => {
      const demand = [held('2026-04-14', '2026-04-27', 10), held('2026-04-14', '2026-04-27', 20)];
      expect(described(findOverbookedRuns(demand, null))).toEqual([
        { pool: TRN2, first: '2026-04-14', last: '2026-04-27', refs: [0, 1], booked: 30, capacity: null, excess: null },
      ]);
    });

    it('finds the inner span when one booking lies inside another', () => {
      const demand = [held('2026-04-01', '2026-04-30'), held('2026-04-10', '2026-04-12')];
      expect(described(findOverbookedRuns(demand, null))).toEqual([
        { pool: TRN2, first: '2026-04-10', last: '2026-04-12', refs: [0, 1], booked: 2, capacity: null, excess: null },
      ]);
    });

    it('finds a one-day conflict for two single-day bookings on the same day', () => {
      const demand = [held('2026-04-14', '2026-04-14'), held('2026-04-14', '2026-04-14')];
      expect(described(findOverbookedRuns(demand, null))).toMatchObject([{ first: '2026-04-14', last: '2026-04-14', refs: [0, 1] }]);
    });

    it('merges chained overlaps into one maximal run holding every row', () => {
      // A overlaps B on 10–12 Apr, B overlaps C on 13–15 Apr: over-booked from 10 to 15 Apr without a break.
      const demand = [held('2026-04-01', '2026-04-12', 1), held('2026-04-10', '2026-04-20', 2), held('2026-04-13', '2026-04-15', 4)];
      expect(described(findOverbookedRuns(demand, null))).toEqual([
        { pool: TRN2, first: '2026-04-10', last: '2026-04-15', refs: [0, 1, 2], booked: 6, capacity: null, excess: null },
      ]);
    });

    it('reports the largest day of demand of a three-way overlap as booked chips', () => {
      const demand = [held('2026-04-10', '2026-04-20', 8), held('2026-04-12', '2026-04-18', 8), held('2026-04-15', '2026-04-15', 8)];
      expect(described(findOverbookedRuns(demand, null))).toEqual([
        { pool: TRN2, first: '2026-04-12', last: '2026-04-18', refs: [0, 1, 2], booked: 24, capacity: null, excess: null },
      ]);
    });

    it('splits runs at a day that is not over-booked', () => {
      // The long booking is shared on 10–11 Apr and again on 13–14 Apr; 12 Apr it holds alone.
      const demand = [held('2026-04-01', '2026-04-30'), held('2026-04-10', '2026-04-11'), held('2026-04-13', '2026-04-14')];
      expect(described(findOverbookedRuns(demand, null))).toEqual([
        { pool: TRN2, first: '2026-04-10', last: '2026-04-11', refs: [0, 1], booked: 2, capacity: null, excess: null },
        { pool: TRN2, first: '2026-04-13', last: '2026-04-14', refs: [0, 2], booked: 2, capacity: null, excess: null },
      ]);
    });

    it('never mixes two pools, even on the same dates', () => {
      const demand = [held('2026-04-14', '2026-04-27', 1, TRN2), held('2026-04-14', '2026-04-27', 1, H100)];
      expect(findOverbookedRuns(demand, null)).toEqual([]);
    });

    it('reports each pool’s run with only that pool’s refs', () => {
      const demand = [
        held('2026-04-14', '2026-04-20', 1, TRN2), held('2026-04-14', '2026-04-20', 1, H100),
        held('2026-04-18', '2026-04-25', 1, TRN2), held('2026-04-16', '2026-04-16', 1, H100),
      ];
      const runs = described(findOverbookedRuns(demand, null)).sort((a, b) => a.pool.localeCompare(b.pool));
      expect(runs).toEqual([
        { pool: H100, first: '2026-04-16', last: '2026-04-16', refs: [1, 3], booked: 2, capacity: null, excess: null },
        { pool: TRN2, first: '2026-04-18', last: '2026-04-20', refs: [0, 2], booked: 2, capacity: null, excess: null },
      ]);
    });

    it('returns refs ascending whatever the input order', () => {
      const late = { ...held('2026-04-10', '2026-04-20'), ref: 9 };
      const early = { ...held('2026-04-12', '2026-04-14'), ref: 2 };
      expect(findOverbookedRuns([late, early], null).map((run) => run.refs)).toEqual([[2, 9]]);
    });

    it('ignores an empty interval (end not after start)', () => {
      const empty: PoolInterval = { poolKey: TRN2, start: day('2026-04-14'), endExclusive: day('2026-04-14'), chips: 1, ref: 7 };
      expect(findOverbookedRuns([held('2026-04-14', '2026-04-14'), empty], null)).toEqual([]);
    });
  });

  describe('with capacity', () => {
    it('finds nothing when demand equals capacity', () => {
      const demand = [held('2026-04-14', '2026-04-27', 64), held('2026-04-14', '2026-04-27', 64)];
      expect(findOverbookedRuns(demand, [reserved('2026-04-01', '2026-04-30', 128)])).toEqual([]);
    });

    it('finds a conflict when demand is one chip over capacity', () => {
      const demand = [held('2026-04-14', '2026-04-27', 64), held('2026-04-20', '2026-04-27', 65)];
      expect(described(findOverbookedRuns(demand, [reserved('2026-04-01', '2026-04-30', 128)]))).toEqual([
        { pool: TRN2, first: '2026-04-20', last: '2026-04-27', refs: [0, 1], booked: 129, capacity: 128, excess: 1 },
      ]);
    });

    it('finds a conflict for a single booking larger than the capacity', () => {
      const demand = [held('2026-04-14', '2026-04-15', 200)];
      expect(described(findOverbookedRuns(demand, [reserved('2026-04-01', '2026-04-30', 128)]))).toEqual([
        { pool: TRN2, first: '2026-04-14', last: '2026-04-15', refs: [0], booked: 200, capacity: 128, excess: 72 },
      ]);
    });

    it('never counts a day with zero capacity as over-booked', () => {
      // Capacity covers 1–10 Apr and 20–30 Apr; the bookings overlap on 12–18 Apr, where nothing is reserved.
      const capacity = [reserved('2026-04-01', '2026-04-10', 8), reserved('2026-04-20', '2026-04-30', 8)];
      const demand = [held('2026-04-12', '2026-04-18', 8), held('2026-04-12', '2026-04-18', 8)];
      expect(findOverbookedRuns(demand, capacity)).toEqual([]);
    });

    it('finds nothing in a pool that has no capacity rows at all', () => {
      const demand = [held('2026-04-12', '2026-04-18', 8, H100), held('2026-04-12', '2026-04-18', 8, H100)];
      expect(findOverbookedRuns(demand, [reserved('2026-04-01', '2026-04-30', 1, TRN2)])).toEqual([]);
    });

    it('reports the smallest capacity and the largest excess when capacity changes mid-run', () => {
      // 10–14 Apr: demand 12 vs capacity 8 (excess 4); 15–19 Apr: demand 12 vs capacity 10 (excess 2); 20 Apr: 6 vs 10.
      const capacity = [reserved('2026-04-10', '2026-04-14', 8), reserved('2026-04-15', '2026-04-20', 10)];
      const demand = [held('2026-04-10', '2026-04-20', 6), held('2026-04-10', '2026-04-19', 6)];
      expect(described(findOverbookedRuns(demand, capacity))).toEqual([
        { pool: TRN2, first: '2026-04-10', last: '2026-04-19', refs: [0, 1], booked: 12, capacity: 8, excess: 4 },
      ]);
    });

    it('takes booked chips and excess from different days when the peaks differ', () => {
      // 10 Apr: demand 10 vs 9 (excess 1); 11 Apr: demand 7 vs 4 (excess 3).
      const capacity = [reserved('2026-04-10', '2026-04-10', 9), reserved('2026-04-11', '2026-04-11', 4)];
      const demand = [held('2026-04-10', '2026-04-11', 7), held('2026-04-10', '2026-04-10', 3)];
      expect(described(findOverbookedRuns(demand, capacity))).toEqual([
        { pool: TRN2, first: '2026-04-10', last: '2026-04-11', refs: [0, 1], booked: 10, capacity: 4, excess: 3 },
      ]);
    });

    it('sums several capacity rows of a pool holding the same day', () => {
      const capacity = [reserved('2026-04-01', '2026-04-30', 64), reserved('2026-04-15', '2026-04-30', 64)];
      const demand = [held('2026-04-10', '2026-04-20', 100)];
      // 10–14 Apr: 100 > 64; from 15 Apr: 100 ≤ 128.
      expect(described(findOverbookedRuns(demand, capacity))).toEqual([
        { pool: TRN2, first: '2026-04-10', last: '2026-04-14', refs: [0], booked: 100, capacity: 64, excess: 36 },
      ]);
    });

    it('closes a run where the pool’s capacity ends while the booking goes on', () => {
      const capacity = [reserved('2026-04-01', '2026-04-12', 4)];
      const demand = [held('2026-04-10', '2026-04-20', 5)];
      expect(described(findOverbookedRuns(demand, capacity))).toMatchObject([{ first: '2026-04-10', last: '2026-04-12', booked: 5, capacity: 4, excess: 1 }]);
    });

    it('leaves out a booking that ended before the run began', () => {
      const capacity = [reserved('2026-04-01', '2026-04-30', 10)];
      const demand = [held('2026-04-01', '2026-04-05', 10), held('2026-04-06', '2026-04-08', 6), held('2026-04-06', '2026-04-08', 6)];
      expect(described(findOverbookedRuns(demand, capacity))).toMatchObject([{ first: '2026-04-06', last: '2026-04-08', refs: [1, 2] }]);
    });
  });

  describe('when days are far from today', () => {
    const at = (start: number, endExclusive: number, ref: number): PoolInterval => ({ poolKey: TRN2, start, endExclusive, chips: 1, ref });

    it.each([-999_990, 1_000_000_000])('still finds the overlap around day %d', (start) => {
      const runs = findOverbookedRuns([at(start, start + 5, 0), at(start + 3, start + 9, 1)], null);
      expect(runs).toEqual([{ poolKey: TRN2, start: start + 3, endExclusive: start + 5, refs: [0, 1], bookedChips: 2, capacityChips: null, excessChips: null }]);
    });

    it.each([2e9, -2e6, 1e20, 20_563.5])('refuses day %d with a BugIndicatingError rather than misreading it', (start) => {
      expect(() => findOverbookedRuns([at(start, start + 5, 0), at(start + 2, start + 9, 1)], null)).toThrow(BugIndicatingError);
    });
  });
});
