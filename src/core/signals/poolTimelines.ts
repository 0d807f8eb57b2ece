import { ownerKey } from '../conflicts/capacityTimeline';
import { groupByPool, IntervalColumns } from '../conflicts/findOverbookedRuns';
import { reportIntervalsOf } from '../conflicts/reportIntervals';
import { SegmentColumns } from '../conflicts/segmentColumns';
import { BugIndicatingError } from '../model/bugIndicatingError';
import { CapacityRow, Pool } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { LabNames } from './labNames';
import { RowColumns } from './rowColumns';

// Every signal reads the same per-pool pieces of days: the stake of a conflict, the free windows of
// reallocation velocity and the weeks of the utilisation heatmap. The check's sweep keeps them; a pool
// with capacity reserved for a lab, which the sweep does not tell apart, gets its capacity split here.

/** One pool's pieces: segments `first .. first + count - 1` of `segments`, in day order. */
export interface PoolTimeline {
  readonly pool: Pool;
  /** Its number in `PoolTimelines.bookings.pool`. */
  readonly number: number;
  readonly segments: SegmentColumns;
  readonly first: number;
  readonly count: number;
  /** Whether any capacity row reserves chips in the pool. */
  readonly hasCapacity: boolean;
  /** Chips reserved for each lab (its `ownerKey`) on each of the pool's segments; null when no capacity row names a lab. */
  readonly owned: ReadonlyMap<string, Float64Array> | null;
  /** Chips reserved for nobody in particular on each of the pool's segments; null when no row names a lab, as all its capacity is then shared. */
  readonly shared: Float64Array | null;
}

/** Every pool's timeline, with the active bookings as columns. */
export class PoolTimelines {
  /** The pools with a row, by number. */
  readonly pools: PoolTimeline[] = [];
  readonly byKey = new Map<string, PoolTimeline>();
  /** How many segments the timelines hold in all. */
  segmentCount = 0;

  /** @param bookings the active bookings as columns, their `lab` the numbers of the report's LabNames */
  constructor(readonly withCapacity: boolean, readonly bookings: RowColumns) {}

  add(timeline: PoolTimeline): void {
    this.pools.push(timeline);
    this.byKey.set(timeline.pool.key, timeline);
    this.segmentCount += timeline.count;
  }

  /** The first segment of the timeline ending after `day` (its `first + count` when none does). */
  segmentAfter(timeline: PoolTimeline, day: CalendarDay): number {
    const end = timeline.segments.end;
    let low = timeline.first;
    let high = timeline.first + timeline.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (end[mid] <= day) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Every pool's timeline, from the report's active bookings and (with a Capacity table) its capacity rows with chips. */
export function buildPoolTimelines(report: CheckReport, labs: LabNames): PoolTimelines {
  const intervals = reportIntervalsOf(report);
  const poolCount = intervals.pools.keys.length;
  const bookings = new RowColumns(intervals.demand, (ref) => labs.idOf(report.bookings[ref].lab));
  const owners: string[] = [];
  const ownerNumber = (lab: string): number => {
    const key = ownerKey(lab);
    if (key === '') return -1;
    const known = owners.indexOf(key);
    return known >= 0 ? known : owners.push(key) - 1;
  };
  const capacity = new RowColumns(intervals.capacity ?? new IntervalColumns(0), (ref) => ownerNumber(report.capacityRows[ref].lab));
  const capacityGroups = groupByPool(capacity.intervals, poolCount);
  const pools = poolsByNumber(poolCount, [[bookings, report.bookings], [capacity, report.capacityRows]]);

  const timelines = new PoolTimelines(report.capacity !== null, bookings);
  const swept = intervals.segments;
  for (let p = 0; p < poolCount; p++) {
    // Capacity rows without chips reserve nothing.
    let [hasCapacity, named] = [false, false];
    for (let o = capacityGroups.first[p]; o < capacityGroups.first[p + 1]; o++) {
      const row = capacityGroups.order[o];
      hasCapacity ||= capacity.chips[row] > 0;
      named ||= capacity.chips[row] > 0 && capacity.lab[row] >= 0;
    }
    const [first, count] = [swept.first[p], swept.count[p]];
    const split = named ? capacityByOwner(swept.columns, first, count, capacityGroups.order.subarray(capacityGroups.first[p], capacityGroups.first[p + 1]), capacity, owners) : null;
    timelines.add({ pool: pools[p], number: p, segments: swept.columns, first, count, hasCapacity, owned: split?.owned ?? null, shared: split?.shared ?? null });
  }
  return timelines;
}

/** The Pool of each number, from the first row that has it. */
function poolsByNumber(poolCount: number, tables: ReadonlyArray<readonly [RowColumns, readonly CapacityRow[]]>): Pool[] {
  const pools = new Array<Pool | undefined>(poolCount).fill(undefined);
  for (const [columns, rows] of tables) {
    for (let k = 0; k < columns.count; k++) pools[columns.pool[k]] ??= rows[columns.ref[k]].pool ?? undefined;
  }
  return pools.map((pool, p) => {
    if (pool === undefined) throw new BugIndicatingError(`Pool number ${p} has no row`);
    return pool;
  });
}

/**
 * A pool's capacity on each of its segments `first .. first + count - 1`, split into what each lab has
 * reserved and what is shared, from its capacity `rows` in sheet order. The sweep cut the segments at
 * every row's days, so each row covers whole segments.
 */
function capacityByOwner(segments: SegmentColumns, first: number, count: number, rows: Int32Array, capacity: RowColumns, owners: readonly string[]): { owned: Map<string, Float64Array>; shared: Float64Array } {
  const shared = new Float64Array(count);
  const owned = new Map<string, Float64Array>();
  const chipsOf = (owner: number): Float64Array => {
    if (owner < 0) return shared;
    let chips = owned.get(owners[owner]);
    if (chips === undefined) owned.set(owners[owner], (chips = new Float64Array(count)));
    return chips;
  };
  for (const row of rows) {
    if (capacity.chips[row] <= 0) continue;
    const target = chipsOf(capacity.lab[row]);
    for (let i = first; i < first + count && segments.start[i] < capacity.end[row]; i++) if (segments.end[i] > capacity.start[row]) target[i - first] += capacity.chips[row];
  }
  return { owned, shared };
}
