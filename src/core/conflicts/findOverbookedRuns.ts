import { BugIndicatingError } from '../model/bugIndicatingError';
import { CalendarDay } from '../model/calendarDay';
import { grownColumn } from '../model/grownColumn';
import { isOverbooked } from './overbooking';
import { SweptSegments } from './segmentColumns';

/** Days `[start, endExclusive)` of one pool held by a booking (demand) or reserved (capacity). */
export interface PoolInterval {
  readonly poolKey: string;
  readonly start: CalendarDay;
  readonly endExclusive: CalendarDay;
  readonly chips: number;
  /** Caller's reference, returned in `refs` of the runs it takes part in. */
  readonly ref: number;
}

/** A maximal run of consecutive over-booked days on one pool. */
export interface OverbookedRun {
  readonly poolKey: string;
  readonly start: CalendarDay;
  readonly endExclusive: CalendarDay;
  /** Demand intervals holding at least one day of the run, ascending. */
  readonly refs: number[];
  /** Largest demand (sum of chips) on a day of the run. */
  readonly bookedChips: number;
  /** Smallest capacity on a day of the run; null without capacity. */
  readonly capacityChips: number | null;
  /** Largest demand − capacity on a day of the run; null without capacity. */
  readonly excessChips: number | null;
}

// Events are packed into one float: day (offset to be positive) in the high part, event index low.
const INDEX_BITS = 2 ** 23;
const DAY_OFFSET = 1_000_000;
const LAST_PACKABLE_DAY = 2 ** 53 / INDEX_BITS - DAY_OFFSET - 1;

/** Intervals stored column by column, so that a million of them are five arrays rather than a million objects. */
export class IntervalColumns {
  count = 0;
  pool: Int32Array;
  start: Float64Array;
  endExclusive: Float64Array;
  chips: Float64Array;
  ref: Int32Array;

  constructor(expected = 16) {
    const size = Math.max(1, expected);
    this.pool = new Int32Array(size);
    this.start = new Float64Array(size);
    this.endExclusive = new Float64Array(size);
    this.chips = new Float64Array(size);
    this.ref = new Int32Array(size);
  }

  /** Adds the interval `[start, endExclusive)` of pool number `pool`. */
  push(pool: number, start: CalendarDay, endExclusive: CalendarDay, chips: number, ref: number): void {
    if (this.count === this.pool.length) this.grow();
    const i = this.count++;
    this.pool[i] = pool;
    this.start[i] = start;
    this.endExclusive[i] = endExclusive;
    this.chips[i] = chips;
    this.ref[i] = ref;
  }

  private grow(): void {
    const size = this.pool.length * 2;
    const grown = <T extends Int32Array | Float64Array>(array: T): T => grownColumn(array, size);
    this.pool = grown(this.pool);
    this.start = grown(this.start);
    this.endExclusive = grown(this.endExclusive);
    this.chips = grown(this.chips);
    this.ref = grown(this.ref);
  }
}

/**
 * Finds over-booked days by a sweep over start/end events, O(n log n) per pool.
 * Without capacity (`capacity === null`) a day is over-booked when two or more intervals hold it;
 * with capacity, when its capacity is above zero and demand exceeds it.
 * Days must be whole and within about a million days of 1970 (a BugIndicatingError says otherwise).
 */
export function findOverbookedRuns(demand: readonly PoolInterval[], capacity: readonly PoolInterval[] | null): OverbookedRun[] {
  const poolKeys: string[] = [];
  const indexOfKey = new Map<string, number>();
  const toColumns = (intervals: readonly PoolInterval[]): IntervalColumns => {
    const columns = new IntervalColumns(intervals.length);
    for (const interval of intervals) {
      let pool = indexOfKey.get(interval.poolKey);
      if (pool === undefined) {
        pool = poolKeys.length;
        poolKeys.push(interval.poolKey);
        indexOfKey.set(interval.poolKey, pool);
      }
      columns.push(pool, interval.start, interval.endExclusive, interval.chips, interval.ref);
    }
    return columns;
  };
  return findOverbookedRunsInColumns(poolKeys, toColumns(demand), capacity === null ? null : toColumns(capacity));
}

/** Positions of each pool's intervals: `order[first[p] .. first[p + 1])` are pool p's, in their order, by a counting sort. */
export interface PoolGroups {
  readonly first: Int32Array;
  readonly order: Int32Array;
}

export function groupByPool(columns: IntervalColumns, poolCount: number): PoolGroups {
  const first = new Int32Array(poolCount + 1);
  for (let i = 0; i < columns.count; i++) {
    // A fractional or far-off day would corrupt the packed events and the sweep would misread them silently.
    if (!isPackableDay(columns.start[i]) || !isPackableDay(columns.endExclusive[i])) {
      throw new BugIndicatingError(`Days [${columns.start[i]}, ${columns.endExclusive[i]}) are not whole days the sweep can order`);
    }
    if (columns.endExclusive[i] > columns.start[i]) first[columns.pool[i] + 1]++;
  }
  for (let p = 0; p < poolCount; p++) first[p + 1] += first[p];
  const next = first.slice(0, poolCount);
  const order = new Int32Array(first[poolCount]);
  for (let i = 0; i < columns.count; i++) if (columns.endExclusive[i] > columns.start[i]) order[next[columns.pool[i]]++] = i;
  return { first, order };
}

function isPackableDay(day: CalendarDay): boolean {
  return Number.isInteger(day) && day >= -DAY_OFFSET && day <= LAST_PACKABLE_DAY;
}

/** Buffers reused from pool to pool: tens of thousands of small pools would otherwise each allocate their own. */
class SweepScratch {
  events = new Float64Array(64);
  /** Index of each interval of the pool: demand first, then capacity. */
  members = new Int32Array(32);
  /** The active demand intervals, as a list with each one's position in it, for O(1) removal. */
  active = new Int32Array(32);
  positionInActive = new Int32Array(32);
  started = new Int32Array(32);

  fit(intervals: number): void {
    if (this.members.length >= intervals) return;
    const size = Math.max(intervals, this.members.length * 2);
    this.events = new Float64Array(size * 2);
    this.members = new Int32Array(size);
    this.active = new Int32Array(size);
    this.positionInActive = new Int32Array(size);
    this.started = new Int32Array(size);
  }
}

/** What one sweep reads: the intervals of every pool, grouped by pool. */
interface SweepInput {
  readonly poolKeys: readonly string[];
  readonly demand: IntervalColumns;
  readonly demandGroups: PoolGroups;
  /** Null without a Capacity table. */
  readonly capacity: IntervalColumns | null;
  readonly capacityGroups: PoolGroups | null;
  /** Where the pieces of days the sweep passes go, when someone keeps them. */
  readonly segments: SweptSegments | null;
}

/**
 * `findOverbookedRuns` on intervals in columns; `poolKeys[p]` names pool number p. Given `segments`, every
 * pool is swept and its pieces of days are kept there, in pool order.
 */
export function findOverbookedRunsInColumns(poolKeys: readonly string[], demand: IntervalColumns, capacity: IntervalColumns | null, segments: SweptSegments | null = null): OverbookedRun[] {
  const poolCount = poolKeys.length;
  const input: SweepInput = {
    poolKeys, demand, demandGroups: groupByPool(demand, poolCount), capacity, capacityGroups: capacity === null ? null : groupByPool(capacity, poolCount), segments,
  };
  const runs: OverbookedRun[] = [];
  const scratch = new SweepScratch();
  for (let pool = 0; pool < poolCount; pool++) {
    const demandCount = input.demandGroups.first[pool + 1] - input.demandGroups.first[pool];
    const capacityCount = input.capacityGroups === null ? 0 : input.capacityGroups.first[pool + 1] - input.capacityGroups.first[pool];
    // A pool that cannot hold an over-booked day is not swept, unless its pieces are kept.
    if (segments === null && (input.capacityGroups === null ? demandCount < 2 : demandCount === 0 || capacityCount === 0)) continue;
    if (segments !== null) segments.first[pool] = segments.columns.count;
    sweepPool(input, pool, runs, scratch);
    if (segments !== null) segments.count[pool] = segments.columns.count - segments.first[pool];
  }
  return runs;
}

/**
 * Sweeps one pool's start and end events in day order, keeping the active bookings and the day's
 * demand and capacity, and appends each maximal run of over-booked days to `runs`. One long function on
 * purpose: it is the engine's innermost loop, over every event of a million-row table.
 */
function sweepPool(input: SweepInput, pool: number, runs: OverbookedRun[], scratch: SweepScratch): void {
  const { poolKeys, demand, demandGroups, capacity, capacityGroups } = input;
  const kept = input.segments?.columns ?? null;
  const poolKey = poolKeys[pool];
  const demandFirst = demandGroups.first[pool];
  const demandCount = demandGroups.first[pool + 1] - demandFirst;
  const capacityFirst = capacityGroups === null ? 0 : capacityGroups.first[pool];
  const capacityCount = capacityGroups === null ? 0 : capacityGroups.first[pool + 1] - capacityFirst;
  const total = demandCount + capacityCount;
  if (total * 2 >= INDEX_BITS) throw new RangeError(`A pool with ${total} intervals is more than one sweep handles`);
  scratch.fit(total);
  const { members, active, positionInActive, started } = scratch;
  const events = scratch.events.subarray(0, total * 2);
  for (let k = 0; k < total; k++) {
    const columns = k < demandCount ? demand : (capacity as IntervalColumns);
    const index = k < demandCount ? demandGroups.order[demandFirst + k] : (capacityGroups as PoolGroups).order[capacityFirst + k - demandCount];
    members[k] = index;
    events[2 * k] = (columns.start[index] + DAY_OFFSET) * INDEX_BITS + 2 * k;
    events[2 * k + 1] = (columns.endExclusive[index] + DAY_OFFSET) * INDEX_BITS + 2 * k + 1;
  }
  events.sort();

  let activeCount = 0;
  let demandChips = 0;
  let capacityChips = 0;
  let open: { start: CalendarDay; refs: number[]; booked: number; capacity: number; excess: number } | null = null;
  let e = 0;
  let previousDay = 0;
  while (e < events.length) {
    const day = Math.floor(events[e] / INDEX_BITS) - DAY_OFFSET;
    const dayBase = (day + DAY_OFFSET) * INDEX_BITS;
    const nextDayBase = dayBase + INDEX_BITS;
    // The piece since the last day with an event, held or covered, as it stood before this day's events.
    if (kept !== null && e > 0 && (activeCount > 0 || capacityChips > 0)) kept.push(previousDay, day, activeCount, demandChips, capacityChips);
    previousDay = day;
    let startedCount = 0;
    for (; e < events.length && events[e] < nextDayBase; e++) {
      // Subtraction, not %, which is a slow floating-point remainder; both are exact below 2 ** 53.
      const code = events[e] - dayBase;
      const k = code >> 1;
      const isEnd = (code & 1) === 1;
      if (k < demandCount) {
        const chips = demand.chips[members[k]];
        if (isEnd) {
          // Swap the last active interval into the ended one's place.
          const at = positionInActive[k];
          const last = active[--activeCount];
          active[at] = last;
          positionInActive[last] = at;
          demandChips -= chips;
        } else {
          positionInActive[k] = activeCount;
          active[activeCount++] = k;
          started[startedCount++] = k;
          demandChips += chips;
        }
      } else {
        const chips = (capacity as IntervalColumns).chips[members[k]];
        capacityChips += isEnd ? -chips : chips;
      }
    }
    if (isOverbooked(activeCount, demandChips, capacity === null ? null : capacityChips)) {
      if (open === null) {
        const refs: number[] = [];
        for (let a = 0; a < activeCount; a++) refs.push(demand.ref[members[active[a]]]);
        open = { start: day, refs, booked: demandChips, capacity: capacityChips, excess: demandChips - capacityChips };
      } else {
        // A booking starting inside an open run was not active before, so it is not in the run yet.
        for (let s = 0; s < startedCount; s++) open.refs.push(demand.ref[members[started[s]]]);
        open.booked = Math.max(open.booked, demandChips);
        open.capacity = Math.min(open.capacity, capacityChips);
        open.excess = Math.max(open.excess, demandChips - capacityChips);
      }
    } else if (open !== null) {
      runs.push({
        poolKey,
        start: open.start,
        endExclusive: day,
        refs: open.refs.sort((a, b) => a - b),
        bookedChips: open.booked,
        capacityChips: capacity === null ? null : open.capacity,
        excessChips: capacity === null ? null : open.excess,
      });
      open = null;
    }
  }
}
