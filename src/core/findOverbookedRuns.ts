import { BugIndicatingError } from './bugIndicatingError';
import { CalendarDay } from './calendarDay';

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

/**
 * Finds over-booked days by a sweep over start/end events, O(n log n) per pool.
 * Without capacity (`capacity === null`) a day is over-booked when two or more intervals hold it;
 * with capacity, when its capacity is above zero and demand exceeds it.
 * Days must be whole and within about a million days of 1970 (a BugIndicatingError says otherwise).
 */
export function findOverbookedRuns(demand: readonly PoolInterval[], capacity: readonly PoolInterval[] | null): OverbookedRun[] {
  const demandByPool = groupByPool(demand);
  const capacityByPool = capacity === null ? null : groupByPool(capacity);
  const runs: OverbookedRun[] = [];
  const scratch = { events: new Float64Array(0) };
  for (const [poolKey, poolDemand] of demandByPool) {
    if (poolDemand.length < 2 && capacityByPool === null) continue;
    const poolCapacity = capacityByPool === null ? null : capacityByPool.get(poolKey) ?? [];
    if (poolCapacity !== null && poolCapacity.length === 0) continue;
    sweepPool(poolKey, poolDemand, poolCapacity, runs, scratch);
  }
  return runs;
}

function groupByPool(intervals: readonly PoolInterval[]): Map<string, PoolInterval[]> {
  const groups = new Map<string, PoolInterval[]>();
  for (const interval of intervals) {
    // A fractional or far-off day would corrupt the packed events and the sweep would misread them silently.
    if (!isPackableDay(interval.start) || !isPackableDay(interval.endExclusive)) {
      throw new BugIndicatingError(`Days [${interval.start}, ${interval.endExclusive}) are not whole days the sweep can order`);
    }
    if (interval.endExclusive <= interval.start) continue;
    const group = groups.get(interval.poolKey);
    if (group === undefined) groups.set(interval.poolKey, [interval]);
    else group.push(interval);
  }
  return groups;
}

function isPackableDay(day: CalendarDay): boolean {
  return Number.isInteger(day) && day >= -DAY_OFFSET && day <= LAST_PACKABLE_DAY;
}

function sweepPool(
  poolKey: string, demand: PoolInterval[], capacity: PoolInterval[] | null, runs: OverbookedRun[], scratch: { events: Float64Array },
): void {
  const demandCount = demand.length;
  const all = capacity === null ? demand : demand.concat(capacity);
  if (all.length * 2 >= INDEX_BITS) throw new RangeError(`A pool with ${all.length} intervals is more than one sweep handles`);
  // One buffer for every pool: tens of thousands of small pools would otherwise each allocate an ArrayBuffer.
  if (scratch.events.length < all.length * 2) scratch.events = new Float64Array(Math.max(all.length * 2, scratch.events.length * 2));
  const events = scratch.events.subarray(0, all.length * 2);
  for (let i = 0; i < all.length; i++) {
    events[2 * i] = (all[i].start + DAY_OFFSET) * INDEX_BITS + 2 * i;
    events[2 * i + 1] = (all[i].endExclusive + DAY_OFFSET) * INDEX_BITS + 2 * i + 1;
  }
  events.sort();

  const active = new Set<number>();
  let activeCount = 0;
  let demandChips = 0;
  let capacityChips = 0;
  let open: { start: CalendarDay; refs: Set<number>; booked: number; capacity: number; excess: number } | null = null;
  // Demand intervals that start on the current day: the first `startedCount` entries, reused day after day.
  const startedHere: number[] = [];
  let startedCount = 0;
  let e = 0;
  while (e < events.length) {
    const day = Math.floor(events[e] / INDEX_BITS) - DAY_OFFSET;
    const dayBase = (day + DAY_OFFSET) * INDEX_BITS;
    const nextDayBase = dayBase + INDEX_BITS;
    startedCount = 0;
    for (; e < events.length && events[e] < nextDayBase; e++) {
      // Subtraction, not %, which is a slow floating-point remainder; both are exact below 2 ** 53.
      const code = events[e] - dayBase;
      const index = code >> 1;
      const isEnd = (code & 1) === 1;
      const interval = all[index];
      if (index < demandCount) {
        if (isEnd) {
          active.delete(index);
          activeCount--;
          demandChips -= interval.chips;
        } else {
          active.add(index);
          startedHere[startedCount++] = index;
          activeCount++;
          demandChips += interval.chips;
        }
      } else {
        capacityChips += isEnd ? -interval.chips : interval.chips;
      }
    }
    const overbooked = capacity === null ? activeCount >= 2 : capacityChips > 0 && demandChips > capacityChips;
    if (overbooked) {
      if (open === null) {
        open = { start: day, refs: new Set(active), booked: demandChips, capacity: capacityChips, excess: demandChips - capacityChips };
      } else {
        for (let k = 0; k < startedCount; k++) open.refs.add(startedHere[k]);
        open.booked = Math.max(open.booked, demandChips);
        open.capacity = Math.min(open.capacity, capacityChips);
        open.excess = Math.max(open.excess, demandChips - capacityChips);
      }
    } else if (open !== null) {
      runs.push({
        poolKey,
        start: open.start,
        endExclusive: day,
        refs: [...open.refs].map((index) => demand[index].ref).sort((a, b) => a - b),
        bookedChips: open.booked,
        capacityChips: capacity === null ? null : open.capacity,
        excessChips: capacity === null ? null : open.excess,
      });
      open = null;
    }
  }
}
