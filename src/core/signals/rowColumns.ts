import { IntervalColumns } from '../conflicts/findOverbookedRuns';

/**
 * The rows a signal reads (active bookings, or capacity rows) in the columns the check laid them out in,
 * with each row's lab: row objects lie scattered in memory, and the passes after this read the columns instead.
 */
export class RowColumns {
  readonly count: number;
  /** Index into the table's rows. */
  readonly ref: Int32Array;
  readonly pool: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Zero when the cell held none. */
  readonly chips: Float64Array;
  /** The lab's number (bookings) or the owner's (capacity rows, -1 shared). */
  readonly lab: Int32Array;

  constructor(readonly intervals: IntervalColumns, labOf: (ref: number) => number) {
    this.count = intervals.count;
    [this.ref, this.pool, this.start, this.end, this.chips] = [intervals.ref, intervals.pool, intervals.start, intervals.endExclusive, intervals.chips];
    this.lab = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) this.lab[k] = labOf(this.ref[k]);
  }
}
