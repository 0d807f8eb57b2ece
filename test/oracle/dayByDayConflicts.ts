/**
 * The conflict rules of docs/DOMAIN.md, written the slow and obvious way: walk every day of every
 * pool, count what is held, and cut the over-booked days into runs. Tests compare the real
 * (sweep-based) conflict detection with this; it shares no code with it.
 *
 * The input describes a workbook the way a reader of docs/DOMAIN.md sees it: each row's pool (already
 * canonicalised by whoever built the workbook), status, inclusive Start and End day, and chips.
 */

/** One data row of the allocation table. Days are whole numbers; `null` means the cell did not hold a valid date. */
export interface OracleBooking {
  readonly sheetRow: number;
  readonly pool: string;
  readonly status: string;
  readonly start: number | null;
  /** Inclusive, as typed in the workbook. */
  readonly end: number | null;
  /** `null` when empty or not a positive whole number; counts as 0 chips. */
  readonly chips: number | null;
}

/** One row of the Capacity table. */
export interface OracleCapacity {
  readonly pool: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly chips: number | null;
}

export interface OracleWorkbook {
  readonly bookings: readonly OracleBooking[];
  /** `null` when the workbook has no Capacity table. */
  readonly capacity: readonly OracleCapacity[] | null;
  /** False when the table has no Chips column: then no chips were booked and bookedChips is null. */
  readonly hasChipsColumn?: boolean;
}

export interface OracleConflict {
  readonly pool: string;
  readonly start: number;
  /** Last over-booked day, inclusive. */
  readonly end: number;
  readonly rows: number[];
  readonly bookedChips: number | null;
  readonly capacityChips: number | null;
  readonly excessChips: number | null;
}

const INACTIVE_STATUSES = ['cancelled', 'canceled', 'released'];

/** A status whose first word is one of the inactive ones ("Cancelled – moved to Q3", "released."). */
function firstWord(status: string): string {
  return (status.toLowerCase().match(/[a-z]+/) ?? [''])[0];
}

function hasValidDates(row: { start: number | null; end: number | null }): boolean {
  return row.start !== null && row.end !== null && row.end >= row.start;
}

function isActive(booking: OracleBooking): boolean {
  return hasValidDates(booking) && !(INACTIVE_STATUSES.includes(firstWord(booking.status)) && /^\W*[a-z]/i.test(booking.status));
}

function holds(row: { start: number | null; end: number | null }, day: number): boolean {
  return hasValidDates(row) && (row.start as number) <= day && day <= (row.end as number);
}

function sumOfChips(rows: ReadonlyArray<{ chips: number | null }>): number {
  let sum = 0;
  for (const row of rows) sum += row.chips ?? 0;
  return sum;
}

/** Conflicts of the workbook, ordered by first day, then pool. */
export function dayByDayConflicts(workbook: OracleWorkbook): OracleConflict[] {
  const active = workbook.bookings.filter(isActive);
  const pools = [...new Set(active.map((booking) => booking.pool))].sort();
  const conflicts: OracleConflict[] = [];

  for (const pool of pools) {
    const bookings = active.filter((booking) => booking.pool === pool);
    const capacityRows = workbook.capacity === null ? null : workbook.capacity.filter((row) => row.pool === pool && hasValidDates(row));
    const firstDay = Math.min(...bookings.map((booking) => booking.start as number));
    const lastDay = Math.max(...bookings.map((booking) => booking.end as number));

    // Every day of the pool, with what is held on it and whether it is over-booked.
    const days: Array<{ day: number; demand: number; capacity: number | null; overbooked: boolean }> = [];
    for (let day = firstDay; day <= lastDay; day++) {
      const holding = bookings.filter((booking) => holds(booking, day));
      const demand = sumOfChips(holding);
      if (capacityRows === null) {
        days.push({ day, demand, capacity: null, overbooked: holding.length >= 2 });
      } else {
        const capacity = sumOfChips(capacityRows.filter((row) => holds(row, day)));
        days.push({ day, demand, capacity, overbooked: capacity > 0 && demand > capacity });
      }
    }

    // Maximal runs of consecutive over-booked days.
    let run: typeof days = [];
    const closeRun = (): void => {
      if (run.length === 0) return;
      const start = run[0].day;
      const end = run[run.length - 1].day;
      const rows = bookings
        .filter((booking) => (booking.start as number) <= end && (booking.end as number) >= start)
        .map((booking) => booking.sheetRow)
        .sort((a, b) => a - b);
      const withCapacity = capacityRows !== null;
      conflicts.push({
        pool,
        start,
        end,
        rows,
        bookedChips: workbook.hasChipsColumn === false ? null : Math.max(...run.map((d) => d.demand)),
        capacityChips: withCapacity ? Math.min(...run.map((d) => d.capacity as number)) : null,
        excessChips: withCapacity ? Math.max(...run.map((d) => d.demand - (d.capacity as number))) : null,
      });
      run = [];
    };
    for (const day of days) {
      if (day.overbooked) run.push(day);
      else closeRun();
    }
    closeRun();
  }

  return conflicts.sort((a, b) => a.start - b.start || (a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : 0));
}
