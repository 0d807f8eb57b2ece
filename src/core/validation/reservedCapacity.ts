import { normalizeName } from '../catalog/normalizeName';
import { Booking, CapacityRow } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { poolLabel } from '../presentation/wording';
import { TableLayout } from '../tables/tableLayout';
import { cellIssue, Issue } from './issue';
import { issueMessages } from './issueMessages';

/** Days `[start, end)` of one pool over which the same capacity rows hold. */
interface Segment {
  readonly start: CalendarDay;
  readonly end: CalendarDay;
  readonly chips: number;
  /** Chips reserved for nobody in particular. */
  readonly sharedChips: number;
  /** Chips reserved per lab, keyed by the lab's normalised name, with a spelling to show. */
  readonly labs: ReadonlyMap<string, { readonly name: string; readonly chips: number }>;
}

/** Each pool's capacity as segments in day order, from its active capacity rows with chips. */
export function capacityTimelines(capacityRows: readonly CapacityRow[]): Map<string, Segment[]> {
  const rowsByPool = new Map<string, CapacityRow[]>();
  for (const row of capacityRows) {
    if (!row.active || row.pool === null || row.start === null || row.endExclusive === null || !row.chips) continue;
    const list = rowsByPool.get(row.pool.key) ?? [];
    list.push(row);
    rowsByPool.set(row.pool.key, list);
  }
  const timelines = new Map<string, Segment[]>();
  for (const [key, rows] of rowsByPool) timelines.set(key, segmentsOf(rows));
  return timelines;
}

function segmentsOf(rows: readonly CapacityRow[]): Segment[] {
  const days = [...new Set(rows.flatMap((row) => [row.start as CalendarDay, row.endExclusive as CalendarDay]))].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < days.length; i++) {
    const [start, end] = [days[i], days[i + 1]];
    const holding = rows.filter((row) => (row.start as CalendarDay) <= start && (row.endExclusive as CalendarDay) >= end);
    if (holding.length === 0) continue;
    const labs = new Map<string, { name: string; chips: number }>();
    let sharedChips = 0;
    for (const row of holding) {
      const key = normalizeName(row.lab);
      if (key === '') sharedChips += row.chips as number;
      else labs.set(key, { name: labs.get(key)?.name ?? row.lab, chips: (labs.get(key)?.chips ?? 0) + (row.chips as number) });
    }
    segments.push({ start, end, chips: holding.reduce((sum, row) => sum + (row.chips as number), 0), sharedChips, labs });
  }
  return segments;
}

/** The segments of `timeline` overlapping `[start, end)`, found by binary search. */
function overlapping(timeline: readonly Segment[], start: CalendarDay, end: CalendarDay): Segment[] {
  let low = 0;
  let high = timeline.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeline[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  const found: Segment[] = [];
  for (let i = low; i < timeline.length && timeline[i].start < end; i++) found.push(timeline[i]);
  return found;
}

/**
 * `exceeds-capacity` and `foreign-capacity` of the active bookings whose names the catalog knows:
 * a booking alone asking for more than its pool reserves on a day it holds, and a booking on days
 * whose capacity is all reserved for other labs.
 */
export function reservedCapacityIssues(bookings: readonly Booking[], timelines: ReadonlyMap<string, Segment[]>, layout: TableLayout): Issue[] {
  const issues: Issue[] = [];
  for (const booking of bookings) {
    if (!booking.active || !booking.catalogued || booking.pool === null) continue;
    const timeline = timelines.get(booking.pool.key);
    if (timeline === undefined) continue;
    const segments = overlapping(timeline, booking.start as CalendarDay, booking.endExclusive as CalendarDay);
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
function foreignDays(booking: Booking, segments: readonly Segment[]) {
  const lab = normalizeName(booking.lab);
  if (lab === '') return undefined;
  let first = -1;
  let last = -1;
  const owners = new Set<string>();
  for (const segment of segments) {
    if (segment.sharedChips > 0 || segment.labs.has(lab)) continue;
    first = first < 0 ? Math.max(segment.start, booking.start as CalendarDay) : first;
    last = Math.min(segment.end, booking.endExclusive as CalendarDay) - 1;
    for (const owner of segment.labs.values()) owners.add(owner.name);
  }
  return first < 0 ? undefined : { first, last, owners: [...owners] };
}
