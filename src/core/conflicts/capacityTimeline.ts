import { normalizeName } from '../catalog/normalizeName';
import { CapacityRow } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';

// Whose capacity each day of a pool is: what foreign-capacity warns of and what a move must respect.

/** Days `[start, end)` of one pool over which the same capacity rows hold. */
export interface CapacitySegment {
  readonly start: CalendarDay;
  readonly end: CalendarDay;
  readonly chips: number;
  /** Chips reserved for nobody in particular. */
  readonly sharedChips: number;
  /** Chips reserved per lab, keyed by the lab's normalised name, with a spelling to show. */
  readonly labs: ReadonlyMap<string, { readonly name: string; readonly chips: number }>;
}

/** Each pool's capacity as segments in day order, from its active capacity rows with chips. */
export function capacityTimelines(capacityRows: readonly CapacityRow[]): Map<string, CapacitySegment[]> {
  const rowsByPool = new Map<string, CapacityRow[]>();
  for (const row of capacityRows) {
    if (!row.active || row.pool === null || row.start === null || row.endExclusive === null || !row.chips) continue;
    const list = rowsByPool.get(row.pool.key) ?? [];
    list.push(row);
    rowsByPool.set(row.pool.key, list);
  }
  const timelines = new Map<string, CapacitySegment[]>();
  for (const [key, rows] of rowsByPool) timelines.set(key, segmentsOf(rows));
  return timelines;
}

function segmentsOf(rows: readonly CapacityRow[]): CapacitySegment[] {
  const days = [...new Set(rows.flatMap((row) => [row.start as CalendarDay, row.endExclusive as CalendarDay]))].sort((a, b) => a - b);
  const segments: CapacitySegment[] = [];
  for (let i = 0; i + 1 < days.length; i++) {
    const [start, end] = [days[i], days[i + 1]];
    const holding = rows.filter((row) => (row.start as CalendarDay) <= start && (row.endExclusive as CalendarDay) >= end);
    if (holding.length === 0) continue;
    const labs = new Map<string, { name: string; chips: number }>();
    let sharedChips = 0;
    for (const row of holding) {
      const key = ownerKey(row.lab);
      if (key === '') sharedChips += row.chips as number;
      else labs.set(key, { name: labs.get(key)?.name ?? row.lab, chips: (labs.get(key)?.chips ?? 0) + (row.chips as number) });
    }
    segments.push({ start, end, chips: holding.reduce((sum, row) => sum + (row.chips as number), 0), sharedChips, labs });
  }
  return segments;
}

/** The segments of `timeline` overlapping `[start, end)`, found by binary search. */
export function overlappingSegments(timeline: readonly CapacitySegment[], start: CalendarDay, end: CalendarDay): CapacitySegment[] {
  let low = 0;
  let high = timeline.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeline[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  const found: CapacitySegment[] = [];
  for (let i = low; i < timeline.length && timeline[i].start < end; i++) found.push(timeline[i]);
  return found;
}


/** Lab texts a planner writes for capacity reserved for nobody in particular, as names are compared. */
const SHARED_OWNERS = new Set(['shared', 'any', 'all', 'everyone', 'none', 'na', 'pool', 'common']);

/** The key of a capacity row's owner: its Lab as names are compared, '' for shared capacity. */
export function ownerKey(lab: string): string {
  const key = normalizeName(lab);
  return SHARED_OWNERS.has(key) ? '' : key;
}

/** Whether a booking of `lab` (normalised) may use the segment: some of it is shared, or reserved for that lab. */
export function isOpenTo(segment: CapacitySegment, lab: string): boolean {
  return segment.sharedChips > 0 || (lab !== '' && segment.labs.has(lab));
}

/** Whether every day of `[start, end)` has capacity the lab may use: shared, or its own. */
export function isOpenThroughout(timeline: readonly CapacitySegment[] | undefined, labText: string, start: CalendarDay, end: CalendarDay): boolean {
  return isOpenToLabThroughout(timeline, normalizeName(labText), start, end);
}

/** `isOpenThroughout` for a lab already normalised, for callers asking of many pools. */
export function isOpenToLabThroughout(timeline: readonly CapacitySegment[] | undefined, lab: string, start: CalendarDay, end: CalendarDay): boolean {
  if (timeline === undefined) return false;
  let covered = start;
  for (const segment of overlappingSegments(timeline, start, end)) {
    if (segment.start > covered || !isOpenTo(segment, lab)) return false;
    covered = segment.end;
  }
  return covered >= end;
}
