import { CapacityRow, Pool } from '../model/booking';

/**
 * The rows a signal reads (active bookings, or capacity rows with chips) as columns, read once in sheet
 * order: row objects lie scattered in memory, and the passes after this read the columns instead.
 */
export class RowColumns {
  count = 0;
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
  first: Int32Array = new Int32Array(1);
  order: Int32Array = new Int32Array(0);

  constructor(rows: readonly CapacityRow[], keep: (row: CapacityRow) => boolean, poolNumber: (pool: Pool) => number, labOf: (row: CapacityRow) => number) {
    const size = rows.length;
    [this.ref, this.pool, this.lab] = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
    [this.start, this.end, this.chips] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
    for (let i = 0; i < size; i++) {
      const row = rows[i];
      if (!row.active || row.pool === null || row.start === null || row.endExclusive === null || row.endExclusive <= row.start || !keep(row)) continue;
      const k = this.count++;
      this.ref[k] = i;
      this.pool[k] = poolNumber(row.pool);
      this.start[k] = row.start;
      this.end[k] = row.endExclusive;
      this.chips[k] = row.chips ?? 0;
      this.lab[k] = labOf(row);
    }
  }

  /** Groups the rows by pool with a counting sort, once every pool is numbered. */
  group(poolCount: number): void {
    const first = new Int32Array(poolCount + 1);
    for (let k = 0; k < this.count; k++) first[this.pool[k] + 1]++;
    for (let p = 0; p < poolCount; p++) first[p + 1] += first[p];
    const next = first.slice(0, poolCount);
    const order = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) order[next[this.pool[k]]++] = k;
    [this.first, this.order] = [first, order];
  }
}
