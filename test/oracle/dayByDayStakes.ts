/**
 * The stake of a conflict as docs/DOMAIN.md words it ("Stake and exposure"), day by day: on each day of
 * the run, demand − capacity with a Capacity table, else demand − the largest single booking's chips;
 * and who gives way ("Who gives way"). Shares no code with the engine.
 */
import { OraclePooled } from './slowVelocity';

export interface OracleStakeBooking extends OraclePooled {
  readonly sheetRow: number;
  readonly status: string;
  readonly priority: string;
}

/** The excess chip-days of the pool's run of days `[first, last]` (inclusive), counted day by day. */
export function dayByDayExcess(bookings: readonly OraclePooled[], capacity: readonly OraclePooled[] | null, pool: string, first: number, last: number): number {
  const key = (row: OraclePooled) => [row.provider, row.region, row.silicon, row.block].join('|');
  const holds = (row: OraclePooled, day: number) => row.active && row.start !== null && row.end !== null && row.start <= day && day <= row.end;
  let total = 0;
  for (let day = first; day <= last; day++) {
    const holding = bookings.filter((row) => key(row) === pool && holds(row, day));
    const demand = holding.reduce((sum, row) => sum + (row.chips ?? 0), 0);
    if (capacity === null) total += demand - Math.max(0, ...holding.map((row) => row.chips ?? 0));
    else total += demand - capacity.filter((row) => key(row) === pool && holds(row, day)).reduce((sum, row) => sum + (row.chips ?? 0), 0);
  }
  return total;
}

const TENTATIVE = ['tentative', 'pencilled', 'penciled', 'proposed', 'requested'];
const PRIORITY_WORDS: Record<string, number> = { low: 0, medium: 1, normal: 1, high: 2, urgent: 3, critical: 3 };

/** Confirmed 2, tentative 0, anything else 1. */
function firmness(status: string): number {
  const text = status.trim().toLowerCase();
  return text === 'confirmed' ? 2 : TENTATIVE.includes(text) ? 0 : 1;
}

/** Higher is more important: the words, or P0 > P1 > …, empty is medium. */
function importance(priority: string): number {
  const text = priority.trim().toLowerCase();
  if (text === '') return 1;
  if (text in PRIORITY_WORDS) return PRIORITY_WORDS[text];
  const rank = /^p?(\d+)$/.exec(text);
  return rank ? 10 - Math.min(10, Number(rank[1])) : 1;
}

/** The sheet row of the booking that gives way first: the least firm, then the least important, then the lowest row. */
export function whoGivesWay(bookings: readonly OracleStakeBooking[]): number {
  let chosen = bookings[0];
  for (const booking of bookings.slice(1)) {
    const a = [firmness(booking.status), importance(booking.priority), -booking.sheetRow];
    const b = [firmness(chosen.status), importance(chosen.priority), -chosen.sheetRow];
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) chosen = booking;
  }
  return chosen.sheetRow;
}
