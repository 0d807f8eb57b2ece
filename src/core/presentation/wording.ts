import { Booking, Pool } from '../model/booking';
import { CalendarDay, formatReadableDay } from '../model/calendarDay';
import { AcceptanceRecord } from '../resolutions/resolutionLog';
import { TableLayout } from '../tables/tableLayout';

// The words every surface uses for the same facts: the pane, the CLI, the log and the issue messages.

/** "1 chip", "1,024 chips". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** "1,024", as every chip count is shown. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** "Lab B / FT sprint" (the team, else the workload), or "row 12" when the booking names nobody. */
export function bookingName(booking: Booking | undefined, sheetRow: number): string {
  const name = [booking?.lab, booking?.team || booking?.workload].filter((part) => part).join(' / ');
  return name || `row ${sheetRow}`;
}

/** "pre-training · tentative · 1,024 chips": what a booking is, beside its name (the workload when the name shows the team). */
export function bookingDetails(booking: Booking | undefined): string {
  if (booking === undefined) return '';
  const workload = booking.team ? booking.workload : '';
  return [workload, booking.status, booking.chips ? plural(booking.chips, 'chip') : ''].filter((part) => part).join(' · ');
}

/** "AWS us-east-2 Trainium2 block trn2-use2-cb-07", or without the block when the pool has none. */
export function poolLabel(pool: Pick<Pool, 'provider' | 'region' | 'silicon' | 'block'>): string {
  return `${pool.provider} ${pool.region} ${pool.silicon}${pool.block ? ` block ${pool.block}` : ''}`;
}

/** "14 Apr 2026 – 27 Apr 2026", or one day when the window is one day. */
export function formatWindow(first: CalendarDay, last: CalendarDay): string {
  return first === last ? formatReadableDay(first) : `${formatReadableDay(first)} – ${formatReadableDay(last)}`;
}

/** "14 Apr", for a day whose year the context already gives. */
export function formatShortDay(day: CalendarDay): string {
  return formatReadableDay(day).replace(/ \d{4}$/, '');
}

/** Days in an inclusive window. */
export function daysIn(first: CalendarDay, last: CalendarDay): number {
  return last - first + 1;
}

/** '"Allocations"', or 'table "Bookings" on "Allocations"' when an Excel table holds the rows. */
export function tableLabel(layout: Pick<TableLayout, 'sheetName' | 'table'>): string {
  return layout.table === undefined ? `"${layout.sheetName}"` : `table "${layout.table.name}" on "${layout.sheetName}"`;
}

/** "accepted by ana@lab-a on 2026-03-10 09:00: both leads agree". */
export function acceptanceNote(record: AcceptanceRecord): string {
  const who = [record.by ? ` by ${record.by}` : '', record.at ? ` on ${record.at}` : ''].join('');
  return `accepted${who}: ${record.reason || 'no reason given'}`;
}
