/**
 * Reallocation velocity as docs/DOMAIN.md words it ("Portability and reallocation velocity"), the slow
 * and obvious way: for every booking, try every pool of every other provider and every start day, and
 * look at every day. Tests compare the engine's one-sweep answer with this; it shares no code with it.
 *
 * The input is a workbook as a reader of docs/DOMAIN.md sees it: canonical names, inclusive days, and
 * whether each row is active, with the catalog's offerings and families as plain data.
 */

export type OracleLocked = 'single-provider silicon' | 'no free capacity' | 'needs a port';

export interface OracleCatalog {
  /** Silicon name → family. */
  readonly families: Readonly<Record<string, string>>;
  /** Per provider, the silicon it offers and where (null: regions not listed, offered anywhere). */
  readonly providers: ReadonlyArray<{ readonly name: string; readonly offerings: ReadonlyArray<{ readonly silicon: string; readonly regions: readonly string[] | null }> }>;
}

export interface OraclePooled {
  readonly provider: string;
  readonly region: string;
  readonly silicon: string;
  readonly block: string;
  readonly chips: number | null;
  /** Inclusive days; null when the row has no valid dates. */
  readonly start: number | null;
  readonly end: number | null;
  readonly active: boolean;
}

export interface OracleVelocityBooking extends OraclePooled {
  readonly sheetRow: number;
  readonly lab: string;
}

export interface OracleCapacityRow extends OraclePooled {
  /** Reserved for: empty or a word such as Shared for shared capacity. */
  readonly lab: string;
}

export interface OracleVelocityWorkbook {
  readonly bookings: readonly OracleVelocityBooking[];
  /** Null without a Capacity table. */
  readonly capacity: readonly OracleCapacityRow[] | null;
  readonly catalog: OracleCatalog;
}

export interface OracleMobility {
  readonly chipDays: number;
  readonly locked: OracleLocked | null;
}

const SHARED_WORDS = ['', 'shared', 'any', 'all', 'everyone', 'none', 'na', 'pool', 'common'];
const WITHIN_DAYS = 7;

/** Lab texts compared as names are: case, spaces, hyphens and underscores ignored. */
const sameName = (a: string, b: string): boolean => a.replace(/[\s\-_]+/g, '').toLowerCase() === b.replace(/[\s\-_]+/g, '').toLowerCase();
const poolOf = (row: OraclePooled): string => [row.provider, row.region, row.silicon, row.block].join('|');
const holds = (row: OraclePooled, day: number): boolean => row.active && row.start !== null && row.end !== null && row.start <= day && day <= row.end;

/** Each active booking with chips holding a day from `asOf` on, by sheet row. */
export function slowMobility(workbook: OracleVelocityWorkbook, asOf: number): Map<number, OracleMobility> {
  const { catalog } = workbook;
  const candidates = candidatePools(workbook);
  const result = new Map<number, OracleMobility>();
  for (const booking of workbook.bookings) {
    if (!booking.active || booking.start === null || booking.end === null || !booking.chips || booking.end < asOf) continue;
    const first = Math.max(booking.start, asOf);
    const length = booking.end - first + 1;
    const chipDays = booking.chips * length;
    const family = catalog.families[booking.silicon];
    const othersOffer = family !== undefined && catalog.providers.some((provider) =>
      provider.name !== booking.provider && provider.offerings.some((offering) => catalog.families[offering.silicon] === family));
    if (!othersOffer) {
      result.set(booking.sheetRow, { chipDays, locked: 'single-provider silicon' });
      continue;
    }
    let sameFamily = false;
    let otherFamily = false;
    for (const pool of candidates) {
      if (pool.provider === booking.provider || catalog.families[pool.silicon] === undefined) continue;
      for (let start = first; start <= first + WITHIN_DAYS; start++) {
        let free = true;
        for (let day = start; day < start + length && free; day++) free = fitsOn(workbook, pool.key, day, booking);
        if (!free) continue;
        if (catalog.families[pool.silicon] === family) sameFamily = true;
        else otherFamily = true;
      }
    }
    result.set(booking.sheetRow, { chipDays, locked: sameFamily ? null : otherFamily ? 'needs a port' : 'no free capacity' });
  }
  return result;
}

/** With a Capacity table its pools; without, the workbook's and the catalog's listed pools that the catalog says are offered. */
function candidatePools(workbook: OracleVelocityWorkbook): Array<{ key: string; provider: string; silicon: string }> {
  const pools = new Map<string, { key: string; provider: string; silicon: string }>();
  const add = (row: Pick<OraclePooled, 'provider' | 'region' | 'silicon' | 'block'>) => pools.set(poolOf(row as OraclePooled), { key: poolOf(row as OraclePooled), provider: row.provider, silicon: row.silicon });
  if (workbook.capacity !== null) {
    for (const row of workbook.capacity) if (row.active && row.start !== null) add(row);
    return [...pools.values()];
  }
  const offered = (row: Pick<OraclePooled, 'provider' | 'region' | 'silicon'>) => workbook.catalog.providers.some((provider) =>
    provider.name === row.provider && provider.offerings.some((offering) => offering.silicon === row.silicon && (offering.regions === null || offering.regions.includes(row.region))));
  for (const booking of workbook.bookings) if (booking.active && booking.start !== null && offered(booking)) add(booking);
  for (const provider of workbook.catalog.providers) {
    for (const offering of provider.offerings) for (const region of offering.regions ?? []) add({ provider: provider.name, region, silicon: offering.silicon, block: '' });
  }
  return [...pools.values()];
}

/** Whether the booking's chips fit on the pool's day: free capacity open to its lab, or, without capacity, nobody there. */
function fitsOn(workbook: OracleVelocityWorkbook, pool: string, day: number, booking: OracleVelocityBooking): boolean {
  const holding = workbook.bookings.filter((other) => poolOf(other) === pool && holds(other, day));
  if (workbook.capacity === null) return holding.length === 0;
  const reserved = workbook.capacity.filter((row) => poolOf(row) === pool && holds(row, day) && (row.chips ?? 0) > 0);
  const capacity = reserved.reduce((sum, row) => sum + (row.chips as number), 0);
  const demand = holding.reduce((sum, other) => sum + (other.chips ?? 0), 0);
  const open = reserved.some((row) => SHARED_WORDS.includes(row.lab.replace(/[\s\-_]+/g, '').toLowerCase()) || (booking.lab.trim() !== '' && sameName(row.lab, booking.lab)));
  return capacity > 0 && open && demand + (booking.chips as number) <= capacity;
}
