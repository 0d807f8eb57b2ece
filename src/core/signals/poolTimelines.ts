import { ownerKey } from '../conflicts/capacityTimeline';
import { Pool } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { LabNames } from './labNames';
import { RowColumns } from './rowColumns';

// Every signal reads the same per-pool pieces of days, built once per report: the stake of a conflict,
// the free windows of reallocation velocity and the weeks of the utilisation heatmap.

/** One pool's pieces: segments `first .. first + count - 1` of the shared columns, in day order. */
export interface PoolTimeline {
  readonly pool: Pool;
  /** Its number in `PoolTimelines.bookings.pool`. */
  readonly number: number;
  readonly first: number;
  readonly count: number;
  /** Whether any capacity row reserves chips in the pool. */
  readonly hasCapacity: boolean;
  /** Chips reserved for each lab (its `ownerKey`) on each of the pool's segments; null when no capacity row names a lab. */
  readonly owned: ReadonlyMap<string, Float64Array> | null;
}

/**
 * Days `[start, end)` over which a pool's holders, demand and capacity stay the same, for every pool at
 * once, column by column. Only days someone holds or capacity covers are pieces; the days between are none.
 */
export class PoolTimelines {
  /** The pools with a row, in the order they were numbered. */
  readonly pools: PoolTimeline[] = [];
  readonly byKey = new Map<string, PoolTimeline>();
  count = 0;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly holders: Int32Array;
  readonly demand: Float64Array;
  /** Zero on every piece without a Capacity table. */
  readonly capacity: Float64Array;
  /** Capacity reserved for nobody in particular. */
  readonly shared: Float64Array;

  /**
   * @param bookings the active bookings as columns, their `lab` the numbers of the report's LabNames
   * @param rows how many rows (bookings and capacity) the pieces come from: n rows make fewer than 2n pieces
   */
  constructor(readonly withCapacity: boolean, readonly bookings: RowColumns, rows: number) {
    const size = Math.max(1, 2 * rows);
    [this.start, this.end, this.demand, this.capacity, this.shared] = [0, 0, 0, 0, 0].map(() => new Float64Array(size));
    this.holders = new Int32Array(size);
  }

  /** The first segment of the timeline ending after `day` (its `first + count` when none does). */
  segmentAfter(timeline: PoolTimeline, day: CalendarDay): number {
    let low = timeline.first;
    let high = timeline.first + timeline.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.end[mid] <= day) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  push(start: number, end: number, holders: number, demand: number, capacity: number, shared: number): void {
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.holders[i] = holders;
    this.demand[i] = demand;
    this.capacity[i] = capacity;
    this.shared[i] = shared;
  }
}

/** Buffers reused from pool to pool: tens of thousands of small pools would otherwise each allocate their own. */
class Scratch {
  days = new Float64Array(64);
  holders = new Int32Array(64);
  demand = new Float64Array(64);
  capacity = new Float64Array(64);
  shared = new Float64Array(64);

  fit(size: number): void {
    if (this.days.length >= size) return;
    const length = Math.max(size, this.days.length * 2);
    [this.days, this.demand, this.capacity, this.shared] = [0, 0, 0, 0].map(() => new Float64Array(length));
    this.holders = new Int32Array(length);
  }
}

/** Every pool's timeline, from the report's active bookings and (with a Capacity table) its capacity rows with chips. */
export function buildPoolTimelines(report: CheckReport, labs: LabNames): PoolTimelines {
  const withCapacity = report.capacity !== null;
  const numbers = new Map<string, number>();
  const pools: Pool[] = [];
  const poolNumber = (pool: Pool): number => {
    let number = numbers.get(pool.key);
    if (number === undefined) {
      numbers.set(pool.key, (number = pools.length));
      pools.push(pool);
    }
    return number;
  };
  const bookings = new RowColumns(report.bookings, () => true, poolNumber, (row) => labs.idOf(row.lab));
  const owners: string[] = [];
  const ownerNumber = (lab: string): number => {
    const key = ownerKey(lab);
    if (key === '') return -1;
    const known = owners.indexOf(key);
    return known >= 0 ? known : owners.push(key) - 1;
  };
  const capacity = new RowColumns(withCapacity ? report.capacityRows : [], (row) => (row.chips ?? 0) > 0, poolNumber, (row) => ownerNumber(row.lab));
  bookings.group(pools.length);
  capacity.group(pools.length);

  const timelines = new PoolTimelines(withCapacity, bookings, bookings.count + capacity.count);
  const scratch = new Scratch();
  for (let p = 0; p < pools.length; p++) {
    const timeline = buildOne(timelines, scratch, pools[p], p, capacity, owners);
    timelines.pools.push(timeline);
    timelines.byKey.set(pools[p].key, timeline);
  }
  return timelines;
}

/**
 * One pool's pieces: the distinct start and end days cut its days into elementary pieces; each row adds
 * its chips where it starts and takes them away where it ends, and running sums give each piece its figures.
 */
function buildOne(timelines: PoolTimelines, scratch: Scratch, pool: Pool, p: number, capacity: RowColumns, owners: readonly string[]): PoolTimeline {
  const bookings = timelines.bookings;
  scratch.fit(2 * (bookings.first[p + 1] - bookings.first[p] + capacity.first[p + 1] - capacity.first[p]) + 1);
  const m = distinctDays(scratch.days, p, bookings, capacity);
  const { holders, demand, shared } = scratch;
  const reserved = scratch.capacity;
  holders.fill(0, 0, m);
  demand.fill(0, 0, m);
  reserved.fill(0, 0, m);
  shared.fill(0, 0, m);
  const days = scratch.days;
  for (let o = bookings.first[p]; o < bookings.first[p + 1]; o++) {
    const row = bookings.order[o];
    const i = lowerBound(days, m, bookings.start[row]);
    const j = lowerBound(days, m, bookings.end[row]);
    holders[i]++;
    holders[j]--;
    demand[i] += bookings.chips[row];
    demand[j] -= bookings.chips[row];
  }
  const owned = addCapacityChanges(scratch, m, p, capacity, owners);

  // Running sums; the pieces someone holds or capacity covers become segments.
  const first = timelines.count;
  const kept: number[] | null = owned === null ? null : [];
  let [h, d, c, sh] = [0, 0, 0, 0];
  for (let i = 0; i + 1 < m; i++) {
    h += holders[i];
    d += demand[i];
    c += reserved[i];
    sh += shared[i];
    if (h === 0 && c === 0) continue;
    timelines.push(days[i], days[i + 1], h, d, c, sh);
    kept?.push(i);
  }
  const ownedSegments = owned === null ? null : ownedPerSegment(owned, kept ?? []);
  return { pool, number: p, first, count: timelines.count - first, hasCapacity: capacity.first[p + 1] > capacity.first[p], owned: ownedSegments };
}

/** Puts in `days` the distinct days on which some row of pool `p` starts or ends, in order; returns how many. */
function distinctDays(days: Float64Array, p: number, bookings: RowColumns, capacity: RowColumns): number {
  let m = 0;
  for (const rows of [bookings, capacity]) {
    for (let o = rows.first[p]; o < rows.first[p + 1]; o++) {
      days[m++] = rows.start[rows.order[o]];
      days[m++] = rows.end[rows.order[o]];
    }
  }
  days.subarray(0, m).sort();
  let distinct = 0;
  for (let i = 0; i < m; i++) if (i === 0 || days[i] !== days[distinct - 1]) days[distinct++] = days[i];
  return distinct;
}

/** Each capacity row's chips added where it starts and taken away where it ends, in all and per owning lab (null when no row names one). */
function addCapacityChanges(scratch: Scratch, m: number, p: number, capacity: RowColumns, owners: readonly string[]): Map<string, Float64Array> | null {
  let owned: Map<string, Float64Array> | null = null;
  for (let o = capacity.first[p]; o < capacity.first[p + 1]; o++) {
    const row = capacity.order[o];
    const i = lowerBound(scratch.days, m, capacity.start[row]);
    const j = lowerBound(scratch.days, m, capacity.end[row]);
    const chips = capacity.chips[row];
    scratch.capacity[i] += chips;
    scratch.capacity[j] -= chips;
    const owner = capacity.lab[row];
    const target = owner < 0 ? scratch.shared : ownedDiff((owned ??= new Map()), owners[owner], m);
    target[i] += chips;
    target[j] -= chips;
  }
  return owned;
}

function ownedDiff(owned: Map<string, Float64Array>, owner: string, m: number): Float64Array {
  let diff = owned.get(owner);
  if (diff === undefined) owned.set(owner, (diff = new Float64Array(m)));
  return diff;
}

/** Running sums of each lab's reserved chips, kept for the pieces that became segments. */
function ownedPerSegment(owned: ReadonlyMap<string, Float64Array>, kept: readonly number[]): Map<string, Float64Array> {
  const perSegment = new Map<string, Float64Array>();
  for (const [owner, diff] of owned) {
    for (let i = 1; i < diff.length; i++) diff[i] += diff[i - 1];
    perSegment.set(owner, Float64Array.from(kept, (i) => diff[i]));
  }
  return perSegment;
}

/** The first position of `sorted[0 .. length)` holding `value` or more. */
export function lowerBound(sorted: Float64Array, length: number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
