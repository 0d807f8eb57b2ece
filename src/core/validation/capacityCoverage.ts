import { IntervalColumns } from '../conflicts/findOverbookedRuns';
import { Booking, Pool } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { poolLabel } from '../presentation/wording';
import { TableLayout } from '../tables/tableLayout';
import { cellIssue, Issue } from './issue';
import { issueMessages } from './issueMessages';

const NO_COVERAGE: ReadonlyArray<[CalendarDay, CalendarDay]> = [];

/**
 * `demand` holds the active bookings' intervals: walked instead of the bookings, since they are compact
 * and in row order, where a million bookings of a re-check lie scattered over the heap.
 */
export function unreservedIssues(bookings: readonly Booking[], demand: IntervalColumns, capacity: IntervalColumns, poolCount: number, layout: TableLayout): Issue[] {
  const coverage: Array<Array<[CalendarDay, CalendarDay]> | undefined> = new Array(poolCount);
  for (let i = 0; i < capacity.count; i++) {
    if (capacity.chips[i] <= 0) continue;
    const list = (coverage[capacity.pool[i]] ??= []);
    list.push([capacity.start[i], capacity.endExclusive[i]]);
  }
  for (let pool = 0; pool < poolCount; pool++) {
    const list = coverage[pool];
    if (list !== undefined) coverage[pool] = mergeIntervals(list);
  }
  const issues: Issue[] = [];
  for (let i = 0; i < demand.count; i++) {
    const start = demand.start[i];
    const endExclusive = demand.endExclusive[i];
    const gaps = uncoveredDays(start, endExclusive, coverage[demand.pool[i]] ?? NO_COVERAGE);
    if (gaps.days === 0) continue;
    const booking = bookings[demand.ref[i]];
    // No cascade: a booking whose names the catalog does not know gets that issue alone.
    if (!booking.catalogued) continue;
    issues.push(cellIssue(layout, booking.sheetRow, 'start', 'unreserved', issueMessages.unreserved(poolLabel(booking.pool as Pool), gaps.first, gaps.last, gaps.days, endExclusive - start)));
  }
  return issues;
}

function mergeIntervals(intervals: Array<[CalendarDay, CalendarDay]>): Array<[CalendarDay, CalendarDay]> {
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Array<[CalendarDay, CalendarDay]> = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Days of `[start, endExclusive)` outside the sorted, disjoint `covered` intervals. */
function uncoveredDays(start: CalendarDay, endExclusive: CalendarDay, covered: ReadonlyArray<[CalendarDay, CalendarDay]>) {
  let low = 0;
  let high = covered.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (covered[mid][1] <= start) low = mid + 1;
    else high = mid;
  }
  let days = 0;
  let first = -1;
  let last = -1;
  let cursor = start;
  // One loop, no closure: this runs for every booking of a million-row table. The last gap runs to endExclusive.
  for (let i = low; ; i++) {
    const beforeNext = i < covered.length && covered[i][0] < endExclusive;
    const gapEnd = beforeNext ? Math.min(covered[i][0], endExclusive) : endExclusive;
    if (gapEnd > cursor) {
      days += gapEnd - cursor;
      if (first < 0) first = cursor;
      last = gapEnd - 1;
    }
    if (!beforeNext) break;
    cursor = Math.max(cursor, covered[i][1]);
  }
  return { days, first, last };
}
