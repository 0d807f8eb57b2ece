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
  const offeredBy = familyProviders(report.catalog, names);
  // Per pool: its provider's number, and its family when some other provider offers it (else null).
  const movable = timelines.pools.map((timeline) => {
    const provider = names.provider(timeline.pool.provider);
    const family = names.family(timeline.pool.silicon);
    const offering = family === null ? undefined : offeredBy.get(family);
    return { provider, family, movable: offering !== undefined && offering.size > (offering.has(provider) ? 1 : 0) };
  });
  const isAsked = (k: number): boolean => bookings.chips[k] !== 0 && bookings.end[k] > asOf;
  const firstDayOf = (k: number): number => Math.max(bookings.start[k], asOf);
  // Counted first, so that every column is allocated once at its size: a million rows' worth of columns is what the collector pays for.
  let [count, questions] = [0, 0];
  for (let k = 0; k < bookings.count; k++) {
    if (!isAsked(k)) continue;
    count++;
    if (movable[bookings.pool[k]].movable) questions++;
  }
  // About one window per segment: sized so, the columns seldom grow.
  const search = new FreeWindowSearch(MOVE_WITHIN_DAYS + 1, timelines.segmentCount, questions);
  addCandidateWindows(report, timelines, names, search);
  // The groups exist once the windows are in.
  const perPool = movable.map(({ provider, family, movable }) => ({
    provider, family: movable ? family : null, own: names.groupsOf(family ?? '', ''), others: names.othersOf(family ?? '', ''),
  }));

  // Only a lab some capacity is reserved for has windows of its own.
  const isOwner = labs.keys.map((key) => names.ownerLabs.has(key));
  const asked = new Int32Array(count);
  const chipDays = new Float64Array(count);
  const outcome = new Uint8Array(count);
  for (let k = 0, i = 0; k < bookings.count; k++) {
    if (!isAsked(k)) continue;
    const first = firstDayOf(k);
    const length = bookings.end[k] - first;
    const pool = perPool[bookings.pool[k]];
    asked[i] = k;
    chipDays[i] = bookings.chips[k] * length;
    outcome[i] = pool.family === null ? SINGLE_PROVIDER : OUTCOME_MOVABLE;
    if (pool.family !== null) {
      const lab = bookings.lab[k];
      const owner = isOwner[lab];
      search.addQuery(i, first, length, bookings.chips[k], pool.provider, owner ? names.groupsOf(pool.family, labs.keys[lab]) : pool.own, owner ? names.othersOf(pool.family, labs.keys[lab]) : pool.others);
    }
    i++;
  }
  const found = search.run(count, names.groupCount, names.otherGroups);
  for (let i = 0; i < count; i++) {
    if (outcome[i] === OUTCOME_MOVABLE) outcome[i] = found[i] === FOUND_SAME_FAMILY ? OUTCOME_MOVABLE : found[i] === FOUND_OTHER_FAMILY ? NEEDS_A_PORT : NO_FREE_CAPACITY;
  }
  return { booking: asked, chipDays, outcome };
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

