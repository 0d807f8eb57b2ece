import { Catalog } from '../catalog/catalog';
import { CalendarDay } from '../model/calendarDay';
import { CheckReport } from '../model/report';
import { addCandidateWindows, Names } from './candidateWindows';
import { FOUND_OTHER_FAMILY, FOUND_SAME_FAMILY, FreeWindowSearch } from './freeWindowSearch';
import { SignalIndex, signalIndexOf } from './signalIndex';

/** Why a booking could not move to another provider within a week (docs/DOMAIN.md, "Portability and reallocation velocity"). */
export type LockedReason = 'single-provider silicon' | 'no free capacity' | 'needs a port';
export const LOCKED_REASONS: readonly LockedReason[] = ['single-provider silicon', 'no free capacity', 'needs a port'];

/** A move may start on the booking's first day from the as-of date or up to this many days later. */
export const MOVE_WITHIN_DAYS = 7;

/** One active booking's chip-days from the as-of date on, and whether they could move. */
export interface BookingMobility {
  readonly row: number;
  /** The lab as the signals name it. */
  readonly lab: string;
  readonly chipDays: number;
  /** Null when it could move to another provider without a port. */
  readonly locked: LockedReason | null;
}

export interface AsOf {
  /** The day the signals count from; the caller's "today" (the core reads no clock). */
  readonly asOf: CalendarDay;
}

/** Each active booking with chips holding a day from the as-of date on, in sheet order. */
export function bookingMobility(report: CheckReport, { asOf }: AsOf): BookingMobility[] {
  const index = signalIndexOf(report);
  const { bookings } = index.timelines;
  const mobility = mobilityOf(report, index, asOf);
  return Array.from(mobility.booking, (k, i) => ({
    row: report.bookings[bookings.ref[k]].sheetRow, lab: index.labs.names[bookings.lab[k]], chipDays: mobility.chipDays[i], locked: lockedReasonOf(mobility.outcome[i]),
  }));
}

/** The outcome of each booking asked about, as columns: which booking (of the index's columns), its chip-days, `OUTCOME_*`. */
export interface MobilityColumns {
  readonly booking: Int32Array;
  readonly chipDays: Float64Array;
  readonly outcome: Uint8Array;
}

/** Movable, or locked for the reason `LOCKED_REASONS[outcome - 1]`. */
export const OUTCOME_MOVABLE = 0;
const [SINGLE_PROVIDER, NO_FREE_CAPACITY, NEEDS_A_PORT] = [1, 2, 3];

export function lockedReasonOf(outcome: number): LockedReason | null {
  return outcome === OUTCOME_MOVABLE ? null : LOCKED_REASONS[outcome - 1];
}

/** Every booking's outcome in one sweep (`FreeWindowSearch`) over the free windows of every candidate pool. */
export function mobilityOf(report: CheckReport, index: SignalIndex, asOf: CalendarDay): MobilityColumns {
  const { timelines, labs } = index;
  const { bookings } = timelines;
  const names = new Names(report.catalog);
  // About one window per segment: sized so, the columns seldom grow, and no more memory is asked for than is used.
  const search = new FreeWindowSearch(MOVE_WITHIN_DAYS + 1, timelines.count, bookings.count);
  addCandidateWindows(report, timelines, names, search);
  const offeredBy = familyProviders(report.catalog, names);
  // Per pool: its provider's number, and its family when some other provider offers it (else null).
  const perPool = timelines.pools.map((timeline) => {
    const provider = names.provider(timeline.pool.provider);
    const family = names.family(timeline.pool.silicon);
    const offering = family === null ? undefined : offeredBy.get(family);
    const movable = offering !== undefined && offering.size > (offering.has(provider) ? 1 : 0);
    return { provider, family: movable ? family : null, own: names.groupsOf(family ?? '', ''), others: names.othersOf(family ?? '', '') };
  });

  const asked = new Int32Array(bookings.count);
  const chipDays = new Float64Array(bookings.count);
  const outcome = new Uint8Array(bookings.count);
  let count = 0;
  for (let k = 0; k < bookings.count; k++) {
    if (bookings.chips[k] === 0 || bookings.end[k] <= asOf) continue;
    const first = Math.max(bookings.start[k], asOf);
    const length = bookings.end[k] - first;
    const pool = perPool[bookings.pool[k]];
    asked[count] = k;
    chipDays[count] = bookings.chips[k] * length;
    outcome[count] = pool.family === null ? SINGLE_PROVIDER : OUTCOME_MOVABLE;
    if (pool.family !== null) {
      // Only a lab some capacity is reserved for has windows of its own.
      const lab = labs.keys[bookings.lab[k]];
      const owner = names.ownerLabs.has(lab);
      search.addQuery(count, first, length, bookings.chips[k], pool.provider, owner ? names.groupsOf(pool.family, lab) : pool.own, owner ? names.othersOf(pool.family, lab) : pool.others);
    }
    count++;
  }
  const found = search.run(count, names.groupCount, names.otherGroups);
  for (let i = 0; i < count; i++) {
    if (outcome[i] === OUTCOME_MOVABLE) outcome[i] = found[i] === FOUND_SAME_FAMILY ? OUTCOME_MOVABLE : found[i] === FOUND_OTHER_FAMILY ? NEEDS_A_PORT : NO_FREE_CAPACITY;
  }
  return { booking: asked.slice(0, count), chipDays: chipDays.slice(0, count), outcome: outcome.slice(0, count) };
}

/** The providers (by number) the catalog says offer some silicon of each family. */
function familyProviders(catalog: Catalog, names: Names): Map<string, Set<number>> {
  const providers = new Map<string, Set<number>>();
  for (const silicon of catalog.data.silicon) {
    const set = providers.get(silicon.family) ?? new Set<number>();
    for (const { provider } of catalog.offersOf(silicon)) set.add(names.provider(provider.name));
    providers.set(silicon.family, set);
  }
  return providers;
}

