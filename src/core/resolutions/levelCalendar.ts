import { normalizeName } from '../catalog/normalizeName';
import { CapacitySegment, capacityTimelines, isOpenToLabThroughout } from '../conflicts/capacityTimeline';
import { DayProfile } from '../conflicts/dayProfile';
import { Booking, CapacityRow, poolKeyOf } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { CellEdit } from '../model/cellEdit';
import { bookingAt, CheckReport, Conflict } from '../model/report';
import { WorkbookSnapshot } from '../model/snapshot';
import { inGivingWayOrder, statusRank } from './givingWay';
import { FormulaCell } from './formulaInputs';
import { Move, Shift } from './resolution';
import { planResolutionEdits } from './resolutionEdits';
import { groupActiveByPool, MoveTarget, moveTargets } from './suggestionsFor';

export interface LevelOptions {
  /** Days a booking may be shifted later, at most. */
  readonly horizonDays?: number;
  /** Whether a booking that cannot be shifted may move to another pool. */
  readonly allowMoves?: boolean;
  /** Only tentative bookings give way; confirmed ones stay where they are. */
  readonly tentativeOnly?: boolean;
  /** Level only conflicts on these pools (pool keys). */
  readonly pools?: ReadonlySet<string>;
  /** Level only conflicts holding a booking of these labs, and let only their bookings give way. */
  readonly labs?: ReadonlySet<string>;
  /** Level only these conflicts (by id): the group a lead narrowed the list to. */
  readonly conflicts?: ReadonlySet<string>;
  /**
   * Cells that hold formulas. A plan never writes over one: a booking whose change would write such a
   * cell keeps its place, and the plan is made again without it giving way.
   */
  readonly formulaCells?: readonly FormulaCell[];
}

export const DEFAULT_HORIZON_DAYS = 90;

/** One change of the plan: a booking shifted or moved, for the conflict it was made for. */
export interface PlanStep {
  readonly resolution: Shift | Move;
  readonly edits: readonly CellEdit[];
}

export interface LeftConflict {
  readonly conflictId: string;
  readonly reason: string;
}

/** The whole calendar levelled: the steps in order, and why each conflict left is left. */
export interface LevelPlan {
  readonly steps: readonly PlanStep[];
  readonly left: readonly LeftConflict[];
  readonly totals: {
    readonly conflicts: number;
    readonly resolved: number;
    readonly bookingsShifted: number;
    readonly daysShifted: number;
    readonly bookingsMoved: number;
    readonly left: number;
  };
}

/** Day profiles of every pool the plan touches, kept as the plan changes bookings. */
class PoolProfiles {
  private readonly profiles = new Map<string, DayProfile>();
  private readonly members: Map<string, CapacityRow[]>;
  private readonly capacity: Map<string, CapacityRow[]> | null;

  constructor(report: CheckReport, private readonly firstDay: CalendarDay, private readonly length: number) {
    this.members = groupActiveByPool<CapacityRow>(report.bookings);
    this.capacity = report.capacity === null ? null : groupActiveByPool<CapacityRow>(report.capacityRows);
  }

  of(key: string): DayProfile {
    let profile = this.profiles.get(key);
    if (profile === undefined) {
      profile = new DayProfile(this.firstDay, this.length, this.members.get(key) ?? [], this.capacity === null ? null : this.capacity.get(key) ?? []);
      this.profiles.set(key, profile);
    }
    return profile;
  }
}

/** A booking as the plan has placed it so far. */
interface Placement {
  readonly booking: Booking;
  readonly poolKey: string;
  readonly start: CalendarDay;
  readonly endExclusive: CalendarDay;
}

/**
 * Levels the calendar: conflicts in order of their first day; in each, its bookings give way in the
 * order of `givingWay.ts`, each shifted later by the fewest days that over-book no day (up to the
 * horizon), else moved to a free pool of the same silicon, then of the same family, on shared or its own
 * lab's capacity. A conflict that cannot be cleared is left as it is, with the reason, and nothing is
 * changed for it. Bookings in no conflict are never changed. Deterministic: the same report gives the
 * same plan.
 */
export function levelCalendar(report: CheckReport, snapshot: WorkbookSnapshot, options: LevelOptions = {}): LevelPlan {
  const formulas = new Set((options.formulaCells ?? []).map((cell) => `${cell.sheet}!${cell.address}`));
  // Rows held in place, with their formula cells; each round holds at least one more, so it ends.
  const held = new Map<number, string[]>();
  for (;;) {
    const plan = planOnce(report, snapshot, options, held);
    const hits = plan.steps.flatMap((step) => step.edits.filter((edit) => formulas.has(`${edit.sheet}!${edit.address}`)).map((edit) => ({ row: step.resolution.row, address: edit.address })));
    if (hits.length === 0) return plan;
    for (const { row, address } of hits) held.set(row, [...(held.get(row) ?? []), address]);
  }
}

function planOnce(report: CheckReport, snapshot: WorkbookSnapshot, options: LevelOptions, held: ReadonlyMap<number, readonly string[]>): LevelPlan {
  const horizon = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const conflicts = report.conflicts
    .filter((conflict) => !conflict.accepted && inScope(report, conflict, options))
    .sort((a, b) => a.start - b.start || a.pool.key.localeCompare(b.pool.key));
  const span = spanOf(report, horizon);
  const profiles = new PoolProfiles(report, span.first, span.length);
  const targets = options.allowMoves === false ? new Map<string, PreparedTarget[]>() : preparedTargets(report);
  const timelines = report.capacity === null ? null : capacityTimelines(report.capacityRows);
  const placements = new Map<number, Placement>();
  const steps: Array<Shift | Move> = [];
  const context = { report, profiles, targets, timelines, placements, steps, options, horizon, held };
  // Passes until nothing more clears: a booking moved away for a later conflict may free room for an
  // earlier one, and a second levelling must find nothing left to do.
  let open = conflicts;
  for (;;) {
    const stillOpen = open.filter((conflict) => !levelConflict(context, conflict));
    if (stillOpen.length === open.length) break;
    open = stillOpen;
  }
  const left = open.map((conflict) => ({ conflictId: conflict.id, reason: whyLeft(report, conflict, options, horizon, held) }));

  const planSteps = steps.map((resolution) => ({ resolution, edits: planResolutionEdits(report, snapshot, resolution) }));
  const shifts = steps.filter((step): step is Shift => step.kind === 'shift');
  return {
    steps: planSteps,
    left,
    totals: {
      conflicts: conflicts.length,
      resolved: conflicts.length - left.length,
      bookingsShifted: shifts.length,
      daysShifted: shifts.reduce((sum, shift) => sum + shift.days, 0),
      bookingsMoved: steps.length - shifts.length,
      left: left.length,
    },
  };
}

interface LevelContext {
  readonly report: CheckReport;
  readonly profiles: PoolProfiles;
  readonly targets: ReadonlyMap<string, PreparedTarget[]>;
  readonly timelines: ReadonlyMap<string, CapacitySegment[]> | null;
  readonly placements: Map<number, Placement>;
  readonly steps: Array<Shift | Move>;
  readonly options: LevelOptions;
  readonly horizon: number;
  /** Rows that may not give way, with the formula cells their change would have written. */
  readonly held: ReadonlyMap<number, readonly string[]>;
}

/**
 * Clears one conflict if its bookings, giving way in order, can be shifted or moved so that none of its
 * days is over-booked; true when it is clear. Nothing changes for a conflict it cannot clear.
 */
function levelConflict(context: LevelContext, conflict: Conflict): boolean {
  const { report, profiles, placements, options, held } = context;
  const profile = profiles.of(conflict.pool.key);
  if (profile.isClear(conflict.start, conflict.end)) return true;
  const givers = inGivingWayOrder(
    conflict.rows.map((row) => bookingAt(report, row)).filter((booking): booking is Booking => booking !== undefined && mayGiveWay(booking, options, held) && !placements.has(booking.sheetRow)),
  );
  const attempt: Array<{ step: Shift | Move; placement: Placement; from: Placement }> = [];
  for (const booking of givers) {
    if (profile.isClear(conflict.start, conflict.end)) break;
    const from: Placement = { booking, poolKey: conflict.pool.key, start: booking.start as CalendarDay, endExclusive: booking.endExclusive as CalendarDay };
    profile.add(booking, -1);
    const change = shiftOf(profile, conflict, from, context.horizon) ?? moveOf(profiles, context.timelines, context.targets, conflict, from);
    if (change === undefined) {
      profile.add(booking, 1);
      continue;
    }
    profiles.of(change.placement.poolKey).add({ ...booking, start: change.placement.start, endExclusive: change.placement.endExclusive }, 1);
    attempt.push({ ...change, from });
  }
  if (profile.isClear(conflict.start, conflict.end)) {
    for (const { step, placement } of attempt) {
      context.steps.push(step);
      placements.set(placement.booking.sheetRow, placement);
    }
    return true;
  }
  // Every change tried for a conflict the plan cannot clear is taken back.
  for (const { placement, from } of attempt.reverse()) {
    profiles.of(placement.poolKey).add({ ...from.booking, start: placement.start, endExclusive: placement.endExclusive }, -1);
    profiles.of(from.poolKey).add(from.booking, 1);
  }
  return false;
}

function shiftOf(profile: DayProfile, conflict: Conflict, from: Placement, horizon: number): { step: Shift; placement: Placement } | undefined {
  const days = profile.smallestLaterShift(from.start, from.endExclusive, from.booking.chips ?? 0, horizon);
  if (days === undefined) return undefined;
  const placement = { ...from, start: from.start + days, endExclusive: from.endExclusive + days };
  return { step: { kind: 'shift', conflictId: conflict.id, row: from.booking.sheetRow, days, start: placement.start, end: placement.endExclusive - 1 }, placement };
}

/** A pool a booking could move to, with what a move there needs to know, worked out once per plan. */
interface PreparedTarget {
  readonly target: MoveTarget;
  readonly key: string;
  readonly silicon: string;
}

/** Move targets by family, each family's list in the order of `moveTargets`. */
function preparedTargets(report: CheckReport): Map<string, PreparedTarget[]> {
  const byFamily = new Map<string, PreparedTarget[]>();
  for (const target of moveTargets(report)) {
    const spec = report.catalog.findSilicon(target.silicon);
    if (!spec.found) continue;
    const list = byFamily.get(spec.value.family) ?? [];
    list.push({ target, key: poolKeyOf(target.provider, target.region, target.silicon, target.block), silicon: spec.value.name });
    byFamily.set(spec.value.family, list);
  }
  return byFamily;
}

/** The first free pool of the same silicon, then of the same family, open to the booking's lab for its whole window. */
function moveOf(
  profiles: PoolProfiles, timelines: ReadonlyMap<string, CapacitySegment[]> | null, targets: ReadonlyMap<string, PreparedTarget[]>, conflict: Conflict, from: Placement,
): { step: Move; placement: Placement } | undefined {
  const silicon = from.booking.silicon;
  const family = silicon === null ? undefined : targets.get(silicon.family);
  if (silicon === null || family === undefined) return undefined;
  const lab = normalizeName(from.booking.lab);
  for (const sameSilicon of [true, false]) {
    for (const { target, key, silicon: name } of family) {
      if ((name === silicon.name) !== sameSilicon || key === from.poolKey) continue;
      // A move never lands a booking on capacity reserved for another lab.
      if (timelines !== null && !isOpenToLabThroughout(timelines.get(key), lab, from.start, from.endExclusive)) continue;
      if (!profiles.of(key).fitsThroughout(from.start, from.endExclusive, from.booking.chips ?? 0)) continue;
      return {
        step: { kind: 'move', conflictId: conflict.id, row: from.booking.sheetRow, ...target, needsPort: false, sameSilicon },
        placement: { ...from, poolKey: key },
      };
    }
  }
  return undefined;
}

function mayGiveWay(booking: Booking, options: LevelOptions, held: ReadonlyMap<number, readonly string[]>): boolean {
  if (booking.start === null || booking.endExclusive === null || held.has(booking.sheetRow)) return false;
  if (options.tentativeOnly && statusRank(booking.status) !== 0) return false;
  return options.labs === undefined || options.labs.has(normalizeName(booking.lab));
}

function inScope(report: CheckReport, conflict: Conflict, options: LevelOptions): boolean {
  if (options.pools !== undefined && !options.pools.has(conflict.pool.key)) return false;
  if (options.conflicts !== undefined && !options.conflicts.has(conflict.id)) return false;
  const labs = options.labs;
  return labs === undefined || conflict.rows.some((row) => labs.has(normalizeName(bookingAt(report, row)?.lab ?? '')));
}

function whyLeft(report: CheckReport, conflict: Conflict, options: LevelOptions, horizon: number, held: ReadonlyMap<number, readonly string[]>): string {
  const bookings = conflict.rows.map((row) => bookingAt(report, row)).filter((booking): booking is Booking => booking !== undefined);
  const formulas = bookings.flatMap((booking) => {
    const cells = held.get(booking.sheetRow);
    return cells === undefined ? [] : [` Row ${booking.sheetRow} keeps its place: ${cells.join(', ')} ${cells.length === 1 ? 'holds a formula' : 'hold formulas'}, which a plan never overwrites.`];
  }).join('');
  if (!bookings.some((booking) => mayGiveWay(booking, options, held))) {
    if (formulas !== '') return formulas.trimStart();
    return options.tentativeOnly ? 'Only confirmed bookings hold it, and only tentative ones may give way.' : 'None of its bookings may give way within the labs levelled.';
  }
  const elsewhere = options.allowMoves === false ? ' (moves are off)' : ' or moved to free capacity of its silicon family open to its lab';
  return `No booking that may give way can be shifted within ${horizon} days${elsewhere}.${formulas}`;
}

/** Every day a booking or a capacity row holds, with room for shifts up to the horizon. */
function spanOf(report: CheckReport, horizon: number): { first: CalendarDay; length: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const row of [...report.bookings, ...report.capacityRows]) {
    if (row.start === null || row.endExclusive === null) continue;
    first = Math.min(first, row.start);
    last = Math.max(last, row.endExclusive);
  }
  return Number.isFinite(first) ? { first, length: last - first + horizon + 1 } : { first: 0, length: 1 };
}
