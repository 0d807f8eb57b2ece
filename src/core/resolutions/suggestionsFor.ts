import { DayProfile } from '../conflicts/dayProfile';
import { Booking, CapacityRow, Pool, poolKeyOf } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { bookingAt, CheckReport, Conflict } from '../model/report';
import { inGivingWayOrder } from './givingWay';
import { Move, Shift, Shrink } from './resolution';

/** Longest shift tried, in days, either way. */
export const MAX_SHIFT_DAYS = 366;
/** Moves offered per conflict. */
const MAX_MOVES = 5;

/** The changes the engine proposes for one conflict, the booking that should give way first in each list. */
export interface Suggestions {
  /** One shift per booking that can clear the conflict alone, each by its smallest shift. */
  readonly shifts: Shift[];
  readonly moves: Move[];
  readonly shrinks: Shrink[];
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
  const shifts: Shift[] = [];
  const shrinks: Shrink[] = [];
  for (const booking of involved) {
    const without = new DayProfile(days.first - MAX_SHIFT_DAYS, days.length + 2 * MAX_SHIFT_DAYS, members, capacityMembers);
    without.add(booking, -1);
    if (without.isClear(conflict.start, conflict.end)) {
      const shift = smallestShift(without, booking);
      if (shift !== undefined) shifts.push(shiftBy(conflict, booking, shift));
    }
    if (capacityMembers !== null && conflict.excessChips !== null && booking.chips !== null && booking.chips > conflict.excessChips) {
      const chips = booking.chips - conflict.excessChips;
      without.add({ ...booking, chips }, 1);
      if (without.isClear(conflict.start, conflict.end)) shrinks.push({ kind: 'shrink', conflictId: conflict.id, row: booking.sheetRow, fromChips: booking.chips, chips });
    }
  }
  return { shifts, moves: suggestMoves(report, conflict, involved), shrinks };
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

interface MoveTarget {
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
      if (!free) continue;
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

function groupActiveByPool<T extends CapacityRow>(rows: readonly T[]): Map<string, T[]> {
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
function moveTargets(report: CheckReport): MoveTarget[] {
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
