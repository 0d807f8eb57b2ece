import { grownColumn } from '../model/grownColumn';

/**
 * Pieces of days `[start, end)` over which a pool's holders, demand and capacity stay the same, column by
 * column: a million pieces are six arrays rather than a million objects. Only days someone holds or
 * capacity covers are pieces.
 */
export class SegmentColumns {
  count = 0;
  // Whole days, as the sweep orders them.
  start: Int32Array;
  end: Int32Array;
  holders: Int32Array;
  demand: Float64Array;
  /** Zero on every piece without a Capacity table. */
  capacity: Float64Array;

  /** @param expected how many pieces are likely, so the columns seldom grow */
  constructor(expected: number) {
    const size = Math.max(16, expected);
    [this.start, this.end, this.holders] = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
    [this.demand, this.capacity] = [new Float64Array(size), new Float64Array(size)];
  }

  push(start: number, end: number, holders: number, demand: number, capacity: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.holders[i] = holders;
    this.demand[i] = demand;
    this.capacity[i] = capacity;
  }

  private grow(): void {
    const size = Math.ceil(1.5 * this.start.length);
    const grown = <T extends Int32Array | Float64Array>(column: T): T => grownColumn(column, size);
    [this.start, this.end, this.holders] = [grown(this.start), grown(this.end), grown(this.holders)];
    [this.demand, this.capacity] = [grown(this.demand), grown(this.capacity)];
  }
}

/** Each pool's pieces as a check's sweep passed them: pool p's are `first[p] .. first[p] + count[p] - 1` of `columns`. */
export class SweptSegments {
  readonly first: Int32Array;
  readonly count: Int32Array;

  constructor(readonly columns: SegmentColumns, poolCount: number) {
    [this.first, this.count] = [new Int32Array(poolCount), new Int32Array(poolCount)];
  }
}
