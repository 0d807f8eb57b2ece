import { CalendarDay } from '../model/calendarDay';
import { CheckReport, Conflict } from '../model/report';
import { Booking, CapacityRow, Pool, poolKeyOf } from '../model/booking';

/** Longest shift tried, in days, either way. */
export const MAX_SHIFT_DAYS = 366;
/** Moves offered per conflict. */
const MAX_MOVES = 5;

export type Resolution =
  | { readonly kind: 'shift'; readonly conflictId: string; readonly row: number; readonly days: number; readonly start: CalendarDay; readonly end: CalendarDay }
  | {
      readonly kind: 'move'; readonly conflictId: string; readonly row: number; readonly provider: string; readonly region: string;
      readonly silicon: string; readonly block: string; readonly needsPort: boolean; readonly sameSilicon: boolean;
    }
  | { readonly kind: 'shrink'; readonly conflictId: string; readonly row: number; readonly fromChips: number; readonly chips: number }
  | { readonly kind: 'accept'; readonly conflictId: string; readonly reason: string };

export interface ConflictOptions {
  /** One shift per booking that can clear the conflict alone: the booking that should give way first. */
  readonly shifts: Array<Extract<Resolution, { kind: 'shift' }>>;
  readonly moves: Array<Extract<Resolution, { kind: 'move' }>>;
  readonly shrinks: Array<Extract<Resolution, { kind: 'shrink' }>>;
}

const STATUS_RANK: Record<string, number> = { tentative: 0, pencilled: 0, penciled: 0, proposed: 0, requested: 0, confirmed: 2 };
const PRIORITY_WORDS: Record<string, number> = { low: 0, medium: 1, normal: 1, high: 2, urgent: 3, critical: 3 };

/** How readily a booking should give way: lower first (tentative, low priority, booked later). */
function yieldRank(booking: Booking): [number, number, number] {
  const status = STATUS_RANK[booking.status.trim().toLowerCase()] ?? 1;
  return [status, priorityRank(booking.priority), -booking.sheetRow];
}

/** Priority as a number where higher means more important: "high" > "low", "P0" > "P1", 1 > 2. */
export function priorityRank(priority: string): number {
  const text = priority.trim().toLowerCase();
  if (text === '') return 1;
  if (text in PRIORITY_WORDS) return PRIORITY_WORDS[text];
  const numbered = /^p?(\d+)$/.exec(text);
  return numbered ? 10 - Math.min(10, Number(numbered[1])) : 1;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Daily demand and capacity of one pool over a window of days, for quick what-if checks. */
class PoolDays {
  readonly count: Int32Array;
  readonly demand: Float64Array;
  readonly capacity: Float64Array | null;

  constructor(readonly firstDay: CalendarDay, length: number, bookings: readonly CapacityRow[], capacityRows: readonly CapacityRow[] | null) {
    this.count = new Int32Array(length);
    this.demand = new Float64Array(length);
    this.capacity = capacityRows === null ? null : new Float64Array(length);
    for (const booking of bookings) this.add(booking, 1);
    if (this.capacity !== null) for (const row of capacityRows ?? []) this.addTo(this.capacity, row, row.chips ?? 0);
  }

  add(booking: CapacityRow, sign: 1 | -1): void {
    if (booking.start === null || booking.endExclusive === null) return;
    for (let day = Math.max(booking.start, this.firstDay); day < Math.min(booking.endExclusive, this.firstDay + this.count.length); day++) {
      this.count[day - this.firstDay] += sign;
      this.demand[day - this.firstDay] += sign * (booking.chips ?? 0);
    }
  }

  private addTo(target: Float64Array, row: CapacityRow, chips: number): void {
    if (row.start === null || row.endExclusive === null) return;
    for (let day = Math.max(row.start, this.firstDay); day < Math.min(row.endExclusive, this.firstDay + target.length); day++) target[day - this.firstDay] += chips;
  }

  overbooked(day: CalendarDay): boolean {
    const i = day - this.firstDay;
    if (i < 0 || i >= this.count.length) return false;
    if (this.capacity === null) return this.count[i] >= 2;
    return this.capacity[i] > 0 && this.demand[i] > this.capacity[i];
  }

  /** Whether a booking of `chips` may hold the day without over-booking it (or using unreserved capacity). */
  fits(day: CalendarDay, chips: number): boolean {
    const i = day - this.firstDay;
    if (i < 0 || i >= this.count.length) return false;
    if (this.capacity === null) return this.count[i] === 0;
    return this.capacity[i] > 0 && this.demand[i] + chips <= this.capacity[i];
  }
}

function poolMembers<T extends CapacityRow>(rows: readonly T[], pool: Pool): T[] {
  return rows.filter((row) => row.active && row.pool?.key === pool.key);
}

/**
 * The ways to resolve one conflict: shift one booking by the fewest days that clears it without
 * over-booking another day of the pool (later first on ties), move one booking to a pool that is free
 * for its whole window, or (with capacity) shrink one booking by the excess.
 */
export function suggestResolutions(report: CheckReport, conflict: Conflict): ConflictOptions {
  const capacityRows = report.capacity === null ? null : report.capacityRows;
  const members = poolMembers(report.bookings, conflict.pool);
  const capacityMembers = capacityRows === null ? null : poolMembers(capacityRows, conflict.pool);
  const involved = conflict.rows
    .map((row) => report.bookings.find((booking) => booking.sheetRow === row))
    .filter((booking): booking is Booking => booking !== undefined && booking.start !== null && booking.endExclusive !== null)
    .sort((a, b) => compareRanks(yieldRank(a), yieldRank(b)));
  const days = windowOf([...members, ...(capacityMembers ?? [])]);
  const shifts: ConflictOptions['shifts'] = [];
  const shrinks: ConflictOptions['shrinks'] = [];

  for (const booking of involved) {
    const pool = new PoolDays(days.first - MAX_SHIFT_DAYS, days.length + 2 * MAX_SHIFT_DAYS, members, capacityMembers);
    pool.add(booking, -1);
    let clearsWithout = true;
    for (let day = conflict.start; day <= conflict.end; day++) if (pool.overbooked(day)) clearsWithout = false;
    if (clearsWithout) {
      const shift = smallestShift(pool, booking);
      if (shift !== undefined) {
        shifts.push({ kind: 'shift', conflictId: conflict.id, row: booking.sheetRow, days: shift, start: (booking.start as number) + shift, end: (booking.endExclusive as number) - 1 + shift });
      }
    }
    if (capacityMembers !== null && conflict.excessChips !== null && booking.chips !== null && booking.chips > conflict.excessChips) {
      const chips = booking.chips - conflict.excessChips;
      const shrunk = { ...booking, chips };
      pool.add(shrunk, 1);
      let clears = true;
      for (let day = conflict.start; day <= conflict.end; day++) if (pool.overbooked(day)) clears = false;
      if (clears) shrinks.push({ kind: 'shrink', conflictId: conflict.id, row: booking.sheetRow, fromChips: booking.chips, chips });
    }
  }
  // The booking that should give way comes first (tentative, lower priority, booked later), each by its smallest shift.
  shifts.sort((a, b) => involvedOrder(involved, a.row) - involvedOrder(involved, b.row));
  return { shifts, moves: suggestMoves(report, conflict, involved), shrinks };
}

function involvedOrder(involved: readonly Booking[], row: number): number {
  return involved.findIndex((booking) => booking.sheetRow === row);
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
function smallestShift(pool: PoolDays, booking: Booking): number | undefined {
  const start = booking.start as number;
  const length = (booking.endExclusive as number) - start;
  const chips = booking.chips ?? 0;
  const bad = new Int32Array(pool.count.length + 1);
  for (let i = 0; i < pool.count.length; i++) bad[i + 1] = bad[i] + (pool.fits(pool.firstDay + i, chips) ? 0 : 1);
  const fitsFrom = (first: CalendarDay): boolean => {
    const i = first - pool.firstDay;
    if (i < 0 || i + length > pool.count.length) return false;
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

function suggestMoves(report: CheckReport, conflict: Conflict, involved: readonly Booking[]): ConflictOptions['moves'] {
  const moves: ConflictOptions['moves'] = [];
  const capacityRows = report.capacity === null ? null : report.capacityRows;
  const targets = moveTargets(report);
  const membersByPool = groupActiveByPool(report.bookings);
  const capacityByPool = capacityRows === null ? null : groupActiveByPool(capacityRows);
  for (const booking of involved) {
    const silicon = booking.silicon;
    if (silicon === null || booking.start === null || booking.endExclusive === null) continue;
    for (const target of targets) {
      const key = poolKeyOf(target.provider, target.region, target.silicon, target.block);
      if (key === booking.pool?.key) continue;
      const targetSilicon = report.catalog.findSilicon(target.silicon);
      if (!targetSilicon.found) continue;
      const sameSilicon = targetSilicon.value.name === silicon.name;
      const sameFamily = targetSilicon.value.family === silicon.family;
      const members = membersByPool.get(key) ?? [];
      const capacityMembers = capacityByPool === null ? null : capacityByPool.get(key) ?? [];
      const pool = new PoolDays(booking.start, booking.endExclusive - booking.start, members, capacityMembers);
      let free = true;
      for (let day = booking.start; day < booking.endExclusive && free; day++) if (!pool.fits(day, booking.chips ?? 0)) free = false;
      if (!free) continue;
      moves.push({
        kind: 'move', conflictId: conflict.id, row: booking.sheetRow, ...target, needsPort: !sameFamily, sameSilicon,
      });
    }
  }
  const providerOf = new Map(involved.map((booking) => [booking.sheetRow, booking.pool?.provider]));
  return moves
    .sort((a, b) =>
      Number(b.sameSilicon) - Number(a.sameSilicon) ||
      Number(a.needsPort) - Number(b.needsPort) ||
      Number(b.provider === providerOf.get(b.row)) - Number(a.provider === providerOf.get(a.row)) ||
      involvedOrder(involved, a.row) - involvedOrder(involved, b.row),
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

