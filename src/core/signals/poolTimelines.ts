import { ownerKey } from '../conflicts/capacityTimeline';
import { DAY_OFFSET, INDEX_BITS, IntervalColumns } from '../conflicts/findOverbookedRuns';
import { reportIntervalsOf } from '../conflicts/reportIntervals';
import { SegmentColumns } from '../conflicts/segmentColumns';
import { BugIndicatingError } from '../model/bugIndicatingError';
import { CapacityRow, Pool } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { LabNames } from './labNames';
import { RowColumns } from './rowColumns';

// Every signal reads the same per-pool pieces of days: the stake of a conflict, the free windows of
// reallocation velocity and the weeks of the utilisation heatmap. The check's sweep keeps them; only a
// pool with capacity reserved for a lab, which the sweep does not tell apart, has its own built here.

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

/** Buffers reused from pool to pool, as pools are many and small. */
class Scratch {
  events = new Float64Array(64);
  /** Each of the pool's rows: bookings first, then capacity rows. */
  members = new Int32Array(32);
  /** Chips reserved for each owner on the day the walk is at. */
  owned: Float64Array;

  constructor(owners: number) {
    this.owned = new Float64Array(owners);
  }

  fit(rows: number): void {
    if (this.members.length >= rows) return;
    const size = Math.max(rows, this.members.length * 2);
    [this.events, this.members] = [new Float64Array(2 * size), new Int32Array(size)];
  }
}

/** Every pool's timeline, from the report's active bookings and (with a Capacity table) its capacity rows with chips. */
export function buildPoolTimelines(report: CheckReport, labs: LabNames): PoolTimelines {
  const intervals = reportIntervalsOf(report);
  const poolCount = intervals.pools.keys.length;
  const bookings = new RowColumns(intervals.demand, poolCount, (ref) => labs.idOf(report.bookings[ref].lab));
  const owners: string[] = [];
  const ownerNumber = (lab: string): number => {
    const key = ownerKey(lab);
    if (key === '') return -1;
    const known = owners.indexOf(key);
    return known >= 0 ? known : owners.push(key) - 1;
  };
  const capacity = new RowColumns(intervals.capacity ?? new IntervalColumns(0), poolCount, (ref) => ownerNumber(report.capacityRows[ref].lab), (chips) => chips > 0);
  const pools = poolsByNumber(poolCount, [[bookings, report.bookings], [capacity, report.capacityRows]]);

  const timelines = new PoolTimelines(report.capacity !== null, bookings);
  const swept = intervals.segments;
  const own = new SegmentColumns(0, true);
  const scratch = new Scratch(owners.length);
  for (let p = 0; p < poolCount; p++) {
    const hasCapacity = capacity.first[p + 1] > capacity.first[p];
    let owned = false;
    for (let o = capacity.first[p]; o < capacity.first[p + 1] && !owned; o++) owned = capacity.lab[capacity.order[o]] >= 0;
    timelines.add(owned
      ? buildOwned(own, scratch, pools[p], p, bookings, capacity, owners)
      : { pool: pools[p], number: p, segments: swept.columns, first: swept.first[p], count: swept.count[p], hasCapacity, owned: null });
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
 * The pieces of a pool with capacity reserved for a lab, as the check's sweep makes them, and with each
 * lab's reserved chips and the shared ones apart: its rows' start and end days, packed with the row,
 * sorted and walked in day order; each day's rows add or take away their chips, and each piece between
 * two days someone holds or capacity covers becomes a segment. One function, as it is one walk.
 */
function buildOwned(segments: SegmentColumns, scratch: Scratch, pool: Pool, p: number, bookings: RowColumns, capacity: RowColumns, owners: readonly string[]): PoolTimeline {
  const demandFirst = bookings.first[p];
  const demandCount = bookings.first[p + 1] - demandFirst;
  const capacityFirst = capacity.first[p];
  const total = demandCount + capacity.first[p + 1] - capacityFirst;
  if (total * 2 >= INDEX_BITS) throw new RangeError(`A pool with ${total} rows is more than the signals handle`);
  scratch.fit(total);
  const { members, owned } = scratch;
  const events = scratch.events.subarray(0, 2 * total);
  // The owners reserved for in this pool, in sheet order, each with the chips of every segment.
  const ownedSegments = new Map<number, number[]>();
  for (let k = 0; k < total; k++) {
    const columns = k < demandCount ? bookings : capacity;
    const row = k < demandCount ? bookings.order[demandFirst + k] : capacity.order[capacityFirst + k - demandCount];
    members[k] = row;
    events[2 * k] = (columns.start[row] + DAY_OFFSET) * INDEX_BITS + 2 * k;
    events[2 * k + 1] = (columns.end[row] + DAY_OFFSET) * INDEX_BITS + 2 * k + 1;
    const owner = k < demandCount ? -1 : capacity.lab[row];
    if (owner >= 0 && !ownedSegments.has(owner)) {
      ownedSegments.set(owner, []);
      owned[owner] = 0;
    }
  }
  events.sort();

  const first = segments.count;
  let [holders, demand, reserved, shared] = [0, 0, 0, 0];
  let previous = 0;
  for (let e = 0; e < events.length; ) {
    const dayBase = Math.floor(events[e] / INDEX_BITS) * INDEX_BITS;
    const day = dayBase / INDEX_BITS - DAY_OFFSET;
    if (e > 0 && (holders !== 0 || reserved !== 0)) {
      segments.push(previous, day, holders, demand, reserved, shared);
      for (const [owner, chips] of ownedSegments) chips.push(owned[owner]);
    }
    for (const nextDayBase = dayBase + INDEX_BITS; e < events.length && events[e] < nextDayBase; e++) {
      // Subtraction, not %, as in the check's sweep: exact below 2 ** 53.
      const code = events[e] - dayBase;
      const k = code >> 1;
      const sign = (code & 1) === 1 ? -1 : 1;
      if (k < demandCount) {
        holders += sign;
        demand += sign * bookings.chips[members[k]];
      } else {
        const chips = sign * capacity.chips[members[k]];
        const owner = capacity.lab[members[k]];
        reserved += chips;
        if (owner < 0) shared += chips;
        else owned[owner] += chips;
      }
    }
    previous = day;
  }
  const perSegment = new Map([...ownedSegments].map(([owner, chips]) => [owners[owner], Float64Array.from(chips)]));
  return { pool, number: p, segments, first, count: segments.count - first, hasCapacity: true, owned: perSegment };
}
