import { IntervalColumns } from '../conflicts/findOverbookedRuns';

/**
 * The rows a signal reads (active bookings, or capacity rows with chips) in the columns the check laid
 * them out in, with each row's lab, grouped by pool: row objects lie scattered in memory, and the
 * passes after this read the columns instead.
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
  /** Pool p's rows are `order[first[p] .. first[p + 1])`, in sheet order. */
  readonly first: Int32Array;
  readonly order: Int32Array;

  /** @param keep which of the intervals the pools' groups hold: capacity rows without chips reserve nothing. */
  constructor(intervals: IntervalColumns, poolCount: number, labOf: (ref: number) => number, keep: (chips: number) => boolean = () => true) {
    this.count = intervals.count;
    [this.ref, this.pool, this.start, this.end, this.chips] = [intervals.ref, intervals.pool, intervals.start, intervals.endExclusive, intervals.chips];
    this.lab = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) this.lab[k] = labOf(this.ref[k]);
    // A counting sort by pool, stable, so each pool's rows stay in sheet order.
    const first = new Int32Array(poolCount + 1);
    for (let k = 0; k < this.count; k++) if (this.end[k] > this.start[k] && keep(this.chips[k])) first[this.pool[k] + 1]++;
    for (let p = 0; p < poolCount; p++) first[p + 1] += first[p];
    const next = first.slice(0, poolCount);
    const order = new Int32Array(first[poolCount]);
    for (let k = 0; k < this.count; k++) if (this.end[k] > this.start[k] && keep(this.chips[k])) order[next[this.pool[k]]++] = k;
    [this.first, this.order] = [first, order];
  }
}
