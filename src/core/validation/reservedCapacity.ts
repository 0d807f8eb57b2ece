import { normalizeName } from '../catalog/normalizeName';
import { CapacitySegment, isOpenTo, overlappingSegments } from '../conflicts/capacityTimeline';
import { Booking } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { poolLabel } from '../presentation/wording';
import { TableLayout } from '../tables/tableLayout';
import { cellIssue, Issue } from './issue';
import { issueMessages } from './issueMessages';

/**
 * `exceeds-capacity` and `foreign-capacity` of the active bookings whose names the catalog knows:
 * a booking alone asking for more than its pool reserves on a day it holds, and a booking on days
 * whose capacity is all reserved for other labs.
 */
export function reservedCapacityIssues(bookings: readonly Booking[], timelines: ReadonlyMap<string, CapacitySegment[]>, layout: TableLayout): Issue[] {
  const issues: Issue[] = [];
  for (const booking of bookings) {
    if (!booking.active || !booking.catalogued || booking.pool === null) continue;
    const timeline = timelines.get(booking.pool.key);
    if (timeline === undefined) continue;
    const segments = overlappingSegments(timeline, booking.start as CalendarDay, booking.endExclusive as CalendarDay);
    const exceeded = booking.chips === null ? undefined : segments.find((segment) => booking.chips as number > segment.chips);
    if (exceeded !== undefined) {
      const day = Math.max(exceeded.start, booking.start as CalendarDay);
      issues.push(cellIssue(layout, booking.sheetRow, 'chips', 'exceeds-capacity', issueMessages.exceedsCapacity(booking.chips as number, exceeded.chips, day, poolLabel(booking.pool))));
    }
    const foreign = foreignDays(booking, segments);
    if (foreign !== undefined) {
      issues.push(cellIssue(layout, booking.sheetRow, 'lab', 'foreign-capacity', issueMessages.foreignCapacity(foreign.owners, foreign.first, foreign.last, poolLabel(booking.pool))));
    }
  }
  return issues;
}

/** The days of the booking whose capacity is all reserved for other labs, and for whom; undefined when none. */
function foreignDays(booking: Booking, segments: readonly CapacitySegment[]) {
  const lab = normalizeName(booking.lab);
  if (lab === '') return undefined;
  let first = -1;
  let last = -1;
  const owners = new Set<string>();
  for (const segment of segments) {
    if (isOpenTo(segment, lab)) continue;
    first = first < 0 ? Math.max(segment.start, booking.start as CalendarDay) : first;
    last = Math.min(segment.end, booking.endExclusive as CalendarDay) - 1;
    for (const owner of segment.labs.values()) owners.add(owner.name);
  }
  return first < 0 ? undefined : { first, last, owners: [...owners] };
}
