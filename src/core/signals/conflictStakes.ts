import { isOverbooked } from '../conflicts/overbooking';
import { Booking } from '../model/booking';
import { bookingAt, CheckReport, Conflict } from '../model/report';
import { inGivingWayOrder } from '../resolutions/givingWay';
import { SegmentColumns } from '../conflicts/segmentColumns';
import { SignalIndex, signalIndexOf } from './signalIndex';

export const HOURS_PER_DAY = 24;

/** What a conflict puts at stake (docs/DOMAIN.md, "Stake and exposure"), and who gives way in it. */
export interface ConflictStake {
  /** Over each day of the run: demand − capacity, or without a Capacity table demand − the largest single booking. */
  readonly excessChipDays: number;
  /** 24 × excess chip-days. */
  readonly chipHours: number;
  /** Chip-hours × the pool's price per chip-hour; null when the catalog has no price for its provider and silicon (never 0). */
  readonly cost: number | null;
  /** The first booking of `inGivingWayOrder`, with its lab as the signals name it ("(no lab)" for an empty Lab). */
  readonly givesWay: { readonly row: number; readonly lab: string } | null;
}

/** Every conflict's stake, open and accepted alike, keyed by conflict id. */
export function conflictStakes(report: CheckReport): Map<string, ConflictStake> {
  return stakesOf(report, signalIndexOf(report));
}

export function stakesOf(report: CheckReport, index: SignalIndex): Map<string, ConflictStake> {
  const stakes = new Map<string, ConflictStake>();
  for (const conflict of report.conflicts) {
    const bookings = conflict.rows.map((row) => bookingAt(report, row)).filter((booking): booking is Booking => booking !== undefined);
    const excessChipDays = excessChipDaysOf(conflict, bookings, index);
    const chipHours = HOURS_PER_DAY * excessChipDays;
    const price = report.catalog.pricePerChipHour(conflict.pool.provider, conflict.pool.silicon);
    const first = bookings.length === 0 ? undefined : inGivingWayOrder(bookings)[0];
    stakes.set(conflict.id, {
      excessChipDays, chipHours, cost: price === null ? null : chipHours * price,
      givesWay: first === undefined ? null : { row: first.sheetRow, lab: index.labs.nameOf(first.lab) },
    });
  }
  return stakes;
}

/** The excess of each over-booked piece of the conflict's run, times its days in the run. */
function excessChipDaysOf(conflict: Conflict, bookings: readonly Booking[], { timelines }: SignalIndex): number {
  const timeline = timelines.byKey.get(conflict.pool.key);
  if (timeline === undefined) return 0;
  const segments = timeline.segments;
  const endExclusive = conflict.end + 1;
  const first = timelines.segmentAfter(timeline, conflict.start);
  let last = first;
  while (last < timeline.first + timeline.count && segments.start[last] < endExclusive) last++;
  const largest = timelines.withCapacity ? null : largestPerSegment(segments, first, last, bookings);
  let total = 0;
  for (let i = first; i < last; i++) {
    const capacity = timelines.withCapacity ? segments.capacity[i] : null;
    if (!isOverbooked(segments.holders[i], segments.demand[i], capacity)) continue;
    const days = Math.min(segments.end[i], endExclusive) - Math.max(segments.start[i], conflict.start);
    total += days * (segments.demand[i] - (capacity ?? (largest as Float64Array)[i - first]));
  }
  return total;
}

/**
 * The chips of the largest single booking on each segment `first .. last - 1` of a run: the conflict's
 * bookings (all that hold its days) by falling chips, each filling only segments not yet filled, found
 * by skipping ahead over filled ones.
 */
function largestPerSegment(segments: SegmentColumns, first: number, last: number, bookings: readonly Booking[]): Float64Array {
  const largest = new Float64Array(last - first);
  const next = Int32Array.from({ length: last - first + 1 }, (_, i) => i);
  const unfilled = (i: number): number => {
    while (next[i] !== i) i = next[i] = next[next[i]];
    return i;
  };
  for (const booking of [...bookings].sort((a, b) => (b.chips ?? 0) - (a.chips ?? 0))) {
    for (let i = unfilled(Math.max(0, segmentAt(segments, first, last, booking.start as number) - first)); i < last - first && segments.start[first + i] < (booking.endExclusive as number); i = unfilled(i + 1)) {
      largest[i] = booking.chips ?? 0;
      next[i] = i + 1;
    }
  }
  return largest;
}

/** The first of segments `first .. last - 1` ending after `day`. */
function segmentAt(segments: SegmentColumns, first: number, last: number, day: number): number {
  let low = first;
  let high = last;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segments.end[mid] <= day) low = mid + 1;
    else high = mid;
  }
  return low;
}
