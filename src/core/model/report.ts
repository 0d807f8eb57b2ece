import { Catalog } from '../catalog/catalog';
import { AcceptanceRecord } from '../resolutions/resolutionLog';
import { TableLayout } from '../tables/tableLayout';
import { Issue } from '../validation/issue';
import { Booking, CapacityRow, Pool } from './booking';
import { CalendarDay } from './calendarDay';

/** A maximal run of consecutive over-booked days on one pool, and the bookings holding them. */
export interface Conflict {
  /** Stable while the pool and the window stay the same (`conflictId`). */
  readonly id: string;
  readonly pool: Pool;
  readonly start: CalendarDay;
  /** Last over-booked day, inclusive as in the workbook. */
  readonly end: CalendarDay;
  /** Sheet rows of the bookings involved, ascending. */
  readonly rows: number[];
  /** The largest demand on a day of the run; null when the table has no Chips column. */
  readonly bookedChips: number | null;
  /** The smallest capacity on a day of the run; null without a Capacity table. */
  readonly capacityChips: number | null;
  /** The largest demand − capacity on a day of the run; null without a Capacity table. */
  readonly excessChips: number | null;
  readonly accepted: boolean;
  /** Who accepted it, when and why, while the acceptance holds. */
  readonly acceptance?: AcceptanceRecord;
  /** An acceptance of this conflict that no longer holds because its rows changed: it is open again. */
  readonly lapsedAcceptance?: AcceptanceRecord;
}

/** Everything one check found: the tables it read, their rows, the issues and the conflicts. */
export interface CheckReport {
  readonly allocation: TableLayout;
  readonly capacity: TableLayout | null;
  readonly date1904: boolean;
  /** Every non-blank data row of the allocation table, in sheet order. */
  readonly bookings: readonly Booking[];
  readonly capacityRows: readonly CapacityRow[];
  readonly issues: readonly Issue[];
  /** Ordered by first day, then pool. */
  readonly conflicts: readonly Conflict[];
  readonly catalog: Catalog;
}

export interface CheckOptions {
  /** Catalog to start from, e.g. the default extended by `--catalog`; the workbook's Catalog sheet adds to it. */
  readonly catalog?: Catalog;
  /** Name of the allocation sheet, instead of finding it. */
  readonly sheet?: string;
  /** Name of the Excel table holding the bookings, instead of finding it. */
  readonly table?: string;
  /** Name of the Capacity sheet, instead of finding it. */
  readonly capacitySheet?: string;
}

/** A workbook the check cannot run on at all, in one sentence for the user. */
export type CheckOutcome = { ok: true; report: CheckReport } | { ok: false; problem: string };

const bookingIndexes = new WeakMap<CheckReport, ReadonlyMap<number, Booking>>();

/**
 * The booking on a sheet row. A check's bookings are in sheet order, so a guess or a binary search finds it with no
 * index to build (a million-row report asks for a few thousand); a report made otherwise gets an index.
 */
export function bookingAt(report: CheckReport, sheetRow: number): Booking | undefined {
  const { bookings } = report;
  // A table without blank lines has its bookings on consecutive rows: the guess is then the booking.
  const guess = bookings[sheetRow - (bookings[0]?.sheetRow ?? 0)];
  if (guess?.sheetRow === sheetRow) return guess;
  let low = 0;
  let high = bookings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (bookings[mid].sheetRow < sheetRow) low = mid + 1;
    else high = mid;
  }
  if (bookings[low]?.sheetRow === sheetRow) return bookings[low];
  let index = bookingIndexes.get(report);
  if (index === undefined) {
    index = new Map(bookings.map((booking) => [booking.sheetRow, booking]));
    bookingIndexes.set(report, index);
  }
  return index.get(sheetRow);
}
