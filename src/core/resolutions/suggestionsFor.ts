import { CapacitySegment, capacityTimelines, isOpenThroughout } from '../conflicts/capacityTimeline';
import { DayProfile } from '../conflicts/dayProfile';
import { Booking, CapacityRow, Pool, poolKeyOf } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { bookingAt, CheckReport, Conflict } from '../model/report';
import { inGivingWayOrder } from './givingWay';
import { Move, Shift, Shrink, Suggestion, Trim } from './resolution';

/** Longest shift tried, in days, either way. */
export const MAX_SHIFT_DAYS = 366;
/** Moves offered per conflict. */
const MAX_MOVES = 5;

/** The changes the engine proposes for one conflict, the booking that should give way first in each list. */
export interface Suggestions {
  /** One shift per booking that can clear the conflict alone, each by its smallest shift. */
  readonly shifts: Shift[];
  /** Per booking, the shortening that clears the conflict: its days in the conflict given up at one end. */
  readonly trims: Trim[];
  readonly moves: Move[];
  readonly shrinks: Shrink[];
  /** Every suggestion, best first (`rankSuggestions`). */
  readonly ranked: Suggestion[];
  /** Bookings that alone ask for more than the pool reserves during the conflict: its cause. */
  readonly oversized: ReadonlyArray<{ readonly row: number; readonly chips: number; readonly capacity: number }>;
}

/**
 * The ways to resolve one conflict: shift one booking by the fewest days that clears it without
 * over-booking another day of the pool (later first on ties), move one booking to a pool that is free
 * for its whole window, or (with capacity) shrink one booking by the excess.
 */
export function suggestionsFor(report: CheckReport, conflict: Conflict): Suggestions {
  const capacityMembers = report.capacity === null ? null : poolMembers(report.capacityRows, conflict.pool);
  const members = poolMembers(report.bookings, conflict.pool);
  const involved = inGivingWayOrder(
    conflict.rows.map((row) => bookingAt(report, row)).filter((booking): booking is Booking => booking?.start != null && booking.endExclusive !== null),
  );
  const days = windowOf([...members, ...(capacityMembers ?? [])]);
  const profile = new DayProfile(days.first - MAX_SHIFT_DAYS, days.length + 2 * MAX_SHIFT_DAYS, members, capacityMembers);
  const oversized = oversizedBookings(involved, conflict, profile, capacityMembers !== null);
  const shifts: Shift[] = [];
  const trims: Trim[] = [];
  const shrinks: Shrink[] = [];
  for (const booking of involved) {
    profile.add(booking, -1);
    if (profile.isClear(conflict.start, conflict.end)) {
      const shift = smallestShift(profile, booking);
      if (shift !== undefined) shifts.push(shiftBy(conflict, booking, shift));
    }
    trims.push(...trimsOf(profile, conflict, booking));
    const shrink = shrinkOf(profile, conflict, booking, oversized.find((item) => item.row === booking.sheetRow)?.capacity);
    if (shrink !== undefined) shrinks.push(shrink);
    profile.add(booking, 1);
  }
  const moves = suggestMoves(report, conflict, involved);
  return { shifts, trims, moves, shrinks, oversized, ranked: rankSuggestions(involved, oversized, [...shifts, ...trims, ...moves, ...shrinks]) };
}

/**
 * The one order of suggestions: shrinking a booking that alone exceeds its pool first (that is the
 * cause), then booking by booking in the order they give way, each booking's least disruptive change
 * first (a shift by its days, a trim by the days given up, shifts first on a tie), then moves (the same
 * silicon before another, no port before a port), then shrinks.
 */
export function rankSuggestions(involved: readonly Booking[], oversized: Suggestions['oversized'], suggestions: readonly Suggestion[]): Suggestion[] {
  const order = new Map(involved.map((booking, index) => [booking.sheetRow, index]));
  const causes = new Set(oversized.map((item) => item.row));
  const tier = (suggestion: Suggestion): number =>
    suggestion.kind === 'shrink' && causes.has(suggestion.row) ? 0 : suggestion.kind === 'shift' || suggestion.kind === 'trim' ? 1 : suggestion.kind === 'move' ? 2 : 3;
  const cost = (suggestion: Suggestion): number =>
    suggestion.kind === 'shift' ? Math.abs(suggestion.days) : suggestion.kind === 'trim' ? suggestion.daysLost : suggestion.kind === 'move' ? (suggestion.sameSilicon ? 0 : 1) + (suggestion.needsPort ? 2 : 0) : 0;
  return [...suggestions].sort((a, b) =>
    tier(a) - tier(b) || (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0) || cost(a) - cost(b) || Number(a.kind === 'trim') - Number(b.kind === 'trim'));
}

/** Bookings of the conflict whose chips alone pass the pool's capacity on a day of the conflict. */
function oversizedBookings(involved: readonly Booking[], conflict: Conflict, profile: DayProfile, hasCapacity: boolean): Suggestions['oversized'] {
  if (!hasCapacity) return [];
  const oversized: Array<{ row: number; chips: number; capacity: number }> = [];
  for (const booking of involved) {
    if (booking.chips === null) continue;
    let smallest = Infinity;
    for (let day = Math.max(conflict.start, booking.start as CalendarDay); day <= Math.min(conflict.end, (booking.endExclusive as CalendarDay) - 1); day++) {
      const capacity = profile.capacityOn(day);
      if (capacity !== null && capacity > 0) smallest = Math.min(smallest, capacity);
    }
    if (Number.isFinite(smallest) && booking.chips > smallest) oversized.push({ row: booking.sheetRow, chips: booking.chips, capacity: smallest });
  }
  return oversized;
}

/** The booking shortened at either end so that none of its days fall in the conflict, where that clears it. */
function trimsOf(without: DayProfile, conflict: Conflict, booking: Booking): Trim[] {
  const start = booking.start as CalendarDay;
  const end = (booking.endExclusive as CalendarDay) - 1;
  const candidates: Array<[CalendarDay, CalendarDay]> = [];
  // Only a booking reaching past the conflict can keep days after giving up the ones in it.
  if (start < conflict.start) candidates.push([start, Math.min(end, conflict.start - 1)]);
  if (end > conflict.end) candidates.push([Math.max(start, conflict.end + 1), end]);
  const trims: Trim[] = [];
  for (const [first, last] of candidates) {
    const trimmed = { ...booking, start: first, endExclusive: last + 1 };
    without.add(trimmed, 1);
    if (without.isClear(conflict.start, conflict.end)) {
      trims.push({ kind: 'trim', conflictId: conflict.id, row: booking.sheetRow, start: first, end: last, daysLost: end - start - (last - first) });
    }
    without.add(trimmed, -1);
  }
  return trims;
}

/** The booking with fewer chips, by the conflict's excess (or down to the capacity when it alone exceeds it), where that clears it. */
function shrinkOf(without: DayProfile, conflict: Conflict, booking: Booking, capacity: number | undefined): Shrink | undefined {
  if (conflict.excessChips === null || booking.chips === null) return undefined;
  const chips = Math.min(booking.chips - conflict.excessChips, capacity ?? Infinity);
  if (chips <= 0) return undefined;
  const shrunk = { ...booking, chips };
  without.add(shrunk, 1);
  const clears = without.isClear(conflict.start, conflict.end);
  without.add(shrunk, -1);
  return clears ? { kind: 'shrink', conflictId: conflict.id, row: booking.sheetRow, fromChips: booking.chips, chips } : undefined;
}

function shiftBy(conflict: Conflict, booking: Booking, days: number): Shift {
  const start = (booking.start as CalendarDay) + days;
  const end = (booking.endExclusive as CalendarDay) - 1 + days;
  return { kind: 'shift', conflictId: conflict.id, row: booking.sheetRow, days, start, end };
}

function poolMembers<T extends CapacityRow>(rows: readonly T[], pool: Pool): T[] {
  return rows.filter((row) => row.active && row.pool?.key === pool.key);
}

function windowOf(rows: readonly CapacityRow[]): { first: CalendarDay; length: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    if (row.start === null || row.endExclusive === null) continue;
    first = Math.min(first, row.start);
    last = Math.max(last, row.endExclusive);
  }
  return Number.isFinite(first) ? { first, length: last - first } : { first: 0, length: 0 };
}

/** Fewest days (±) the booking can move so that every day it then holds fits; later wins a tie. */
function smallestShift(pool: DayProfile, booking: Booking): number | undefined {
  const start = booking.start as number;
  const length = (booking.endExclusive as number) - start;
  const chips = booking.chips ?? 0;
  // Prefix counts of days that do not fit, so each candidate start is checked in O(1).
  const bad = new Int32Array(pool.length + 1);
  for (let i = 0; i < pool.length; i++) bad[i + 1] = bad[i] + (pool.fits(pool.firstDay + i, chips) ? 0 : 1);
  const fitsFrom = (first: CalendarDay): boolean => {
    const i = first - pool.firstDay;
    if (i < 0 || i + length > pool.length) return false;
    return bad[i + length] - bad[i] === 0;
  };
  for (let days = 1; days <= MAX_SHIFT_DAYS; days++) {
    if (fitsFrom(start + days)) return days;
    if (fitsFrom(start - days)) return -days;
  }
  return undefined;
}

/** A pool a booking could be moved to. */
export interface MoveTarget {
  readonly provider: string;
  readonly region: string;
  readonly silicon: string;
  readonly block: string;
}

function suggestMoves(report: CheckReport, conflict: Conflict, involved: readonly Booking[]): Move[] {
  const moves: Move[] = [];
  const targets = moveTargets(report);
  const membersByPool = groupActiveByPool(report.bookings);
  const capacityByPool = report.capacity === null ? null : groupActiveByPool(report.capacityRows);
  const timelines: ReadonlyMap<string, CapacitySegment[]> | null = report.capacity === null ? null : capacityTimelines(report.capacityRows);
  for (const booking of involved) {
    const silicon = booking.silicon;
    if (silicon === null || booking.start === null || booking.endExclusive === null) continue;
    for (const target of targets) {
      const key = poolKeyOf(target.provider, target.region, target.silicon, target.block);
      if (key === booking.pool?.key) continue;
      const targetSilicon = report.catalog.findSilicon(target.silicon);
      if (!targetSilicon.found) continue;
      const profile = new DayProfile(booking.start, booking.endExclusive - booking.start, membersByPool.get(key) ?? [], capacityByPool === null ? null : capacityByPool.get(key) ?? []);
      let free = true;
      for (let day = booking.start; day < booking.endExclusive && free; day++) free = profile.fits(day, booking.chips ?? 0);
      // A move never lands a booking on capacity reserved for another lab.
      if (!free || (timelines !== null && !isOpenThroughout(timelines.get(key), booking.lab, booking.start, booking.endExclusive))) continue;
      const sameSilicon = targetSilicon.value.name === silicon.name;
      moves.push({ kind: 'move', conflictId: conflict.id, row: booking.sheetRow, ...target, needsPort: targetSilicon.value.family !== silicon.family, sameSilicon });
    }
  }
  const order = new Map(involved.map((booking, index) => [booking.sheetRow, index]));
  const providerOf = new Map(involved.map((booking) => [booking.sheetRow, booking.pool?.provider]));
  return moves
    .sort((a, b) =>
      Number(b.sameSilicon) - Number(a.sameSilicon) ||
      Number(a.needsPort) - Number(b.needsPort) ||
      Number(b.provider === providerOf.get(b.row)) - Number(a.provider === providerOf.get(a.row)) ||
      (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0),
    )
    .slice(0, MAX_MOVES);
}

export function groupActiveByPool<T extends CapacityRow>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (!row.active || row.pool === null) continue;
    const group = groups.get(row.pool.key);
    if (group === undefined) groups.set(row.pool.key, [row]);
    else group.push(row);
  }
  return groups;
}

/** Where a booking could go: the Capacity table's pools when there is one, else the regions the catalog names per offering. */
export function moveTargets(report: CheckReport): MoveTarget[] {
  if (report.capacity !== null) {
    const seen = new Map<string, MoveTarget>();
    for (const row of report.capacityRows) {
      if (!row.active || row.pool === null) continue;
      seen.set(row.pool.key, { provider: row.pool.provider, region: row.pool.region, silicon: row.pool.silicon, block: row.pool.block });
    }
    return [...seen.values()];
  }
  const targets: MoveTarget[] = [];
  for (const silicon of report.catalog.data.silicon) {
    for (const { provider, availability } of report.catalog.offersOf(silicon)) {
      if (availability.kind !== 'regions') continue;
      for (const region of availability.regions) targets.push({ provider: provider.name, region, silicon: silicon.name, block: '' });
    }
  }
  return targets;
}
