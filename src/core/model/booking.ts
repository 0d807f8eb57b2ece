import { normalizeName } from '../catalog/normalizeName';
import { SiliconSpec } from '../catalog/catalogSchema';
import { CalendarDay } from './calendarDay';

/** The unit capacity is counted in: one provider, region, silicon and block, each canonicalised. */
export interface Pool {
  /** The four names as `normalizeName` matches them: equal keys are the same pool. */
  readonly key: string;
  readonly provider: string;
  readonly region: string;
  readonly silicon: string;
  /** Empty when the table has no Block column or the cell is empty. */
  readonly block: string;
}

/** A row of the allocation table: someone's reservation of chips of one pool for a run of days. */
export interface Booking {
  /** The row number a user sees beside it. */
  readonly sheetRow: number;
  readonly id: string;
  readonly lab: string;
  readonly team: string;
  readonly workload: string;
  readonly status: string;
  readonly priority: string;
  readonly owner: string;
  readonly notes: string;
  /** When the booking was made (a Booked or Created column); null when the table has none or the cell is empty or no date. */
  readonly booked: CalendarDay | null;
  readonly providerText: string;
  readonly regionText: string;
  readonly siliconText: string;
  readonly blockText: string;
  /** Null when Provider, Region or Silicon is empty. */
  readonly pool: Pool | null;
  /** The catalog's chip, or null when the Silicon cell names none. */
  readonly silicon: SiliconSpec | null;
  /** A positive whole number, or null when empty or invalid. */
  readonly chips: number | null;
  /** The days held, `[start, endExclusive)`; both null unless both dates are valid and in order. */
  readonly start: CalendarDay | null;
  readonly endExclusive: CalendarDay | null;
  /** Takes part in conflicts: not cancelled or released, dates valid, a pool named. */
  readonly active: boolean;
  /** The catalog knows its provider, region and silicon: only then do checks that depend on them run. */
  readonly catalogued: boolean;
}

/** A row of the Capacity table: chips really reserved for a pool over a run of days. */
export type CapacityRow = Pick<Booking, 'sheetRow' | 'lab' | 'status' | 'pool' | 'silicon' | 'chips' | 'start' | 'endExclusive' | 'active' | 'catalogued'>;

/** The key of a pool: its four names as `normalizeName` matches them. */
export function poolKeyOf(provider: string, region: string, silicon: string, block: string): string {
  // JSON keeps the parts apart even when a name contains the separator a plain join would use.
  return JSON.stringify([normalizeName(provider), normalizeName(region), normalizeName(silicon), normalizeName(block)]);
}

/** "Cancelled", "canceled – moved to Q3", "Released." all take a row out of conflicts. */
const INACTIVE_STATUS = /^\W*(cancell?ed|released)\b/i;

/** Whether a Status cell takes its row out of conflicts. */
export function isInactiveStatus(status: string): boolean {
  return INACTIVE_STATUS.test(status);
}
