import { CheckReport } from '../model/report';
import { intervalsOf, PoolNumbers } from './detectConflicts';
import { findOverbookedRunsInColumns, IntervalColumns } from './findOverbookedRuns';
import { SegmentColumns, SweptSegments } from './segmentColumns';

/** The days each active row of a report holds, as its check numbered the pools and laid the rows out in columns. */
export interface ReportIntervals {
  readonly pools: PoolNumbers;
  /** Of `report.bookings`, `ref` being the index into it. */
  readonly demand: IntervalColumns;
  /** Of `report.capacityRows`; null without a Capacity table. */
  readonly capacity: IntervalColumns | null;
  /** Every pool's pieces of days, as the check's sweep passed them. */
  readonly segments: SweptSegments;
}

/** Where a sweep keeps its pieces: without capacity about as many as the bookings, with it at most twice the rows. */
export function segmentsFor(pools: PoolNumbers, demand: IntervalColumns, capacity: IntervalColumns | null): SweptSegments {
  const expected = capacity === null ? Math.ceil(1.25 * demand.count) : 2 * (demand.count + capacity.count);
  return new SweptSegments(new SegmentColumns(expected), pools.keys.length);
}

const kept = new WeakMap<CheckReport, ReportIntervals>();

/** Keeps a check's intervals with its report: the signals read them instead of a million rows again. */
export function keepReportIntervals(report: CheckReport, intervals: ReportIntervals): void {
  kept.set(report, intervals);
}

/** The intervals its check kept, or (for a report made otherwise) the same made afresh, swept and kept. */
export function reportIntervalsOf(report: CheckReport): ReportIntervals {
  let intervals = kept.get(report);
  if (intervals === undefined) {
    const pools = new PoolNumbers();
    const demand = intervalsOf(report.bookings, pools);
    const capacity = report.capacity === null ? null : intervalsOf(report.capacityRows, pools);
    const segments = segmentsFor(pools, demand, capacity);
    findOverbookedRunsInColumns(pools.keys, demand, capacity, segments);
    intervals = { pools, demand, capacity, segments };
    kept.set(report, intervals);
  }
  return intervals;
}
