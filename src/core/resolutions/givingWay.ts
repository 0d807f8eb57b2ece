import { Booking } from '../model/booking';
import { formatReadableDay } from '../model/calendarDay';

// Who gives way (docs/DOMAIN.md): one ordering for suggestions, levelling and the stake of a conflict.

const STATUS_RANK: Readonly<Record<string, number>> = { tentative: 0, pencilled: 0, penciled: 0, proposed: 0, requested: 0, confirmed: 2 };
const PRIORITY_WORDS: Readonly<Record<string, number>> = { low: 0, medium: 1, normal: 1, high: 2, urgent: 3, critical: 3 };

/** How firm a Status is: tentative 0, confirmed 2, anything else (or empty) 1. */
export function statusRank(status: string): number {
  return STATUS_RANK[status.trim().toLowerCase()] ?? 1;
}

/** Priority as a number where higher means more important: "high" > "low", "P0" > "P1", 1 > 2; empty is medium. */
export function priorityRank(priority: string): number {
  const text = priority.trim().toLowerCase();
  if (text === '') return 1;
  if (text in PRIORITY_WORDS) return PRIORITY_WORDS[text];
  const numbered = /^p?(\d+)$/.exec(text);
  return numbered ? 10 - Math.min(10, Number(numbered[1])) : 1;
}

/** When a booking was made, for the order: one without a Booked date counts as made after every dated one. */
function bookedRank(booking: Booking): number {
  return booking.booked ?? Infinity;
}

/** Later-booked first: by the Booked dates, then by row (the lower row was added later). */
function compareBooked(a: Booking, b: Booking): number {
  // Two undated bookings give Infinity − Infinity, NaN, which falls through to the rows as 0 does.
  return bookedRank(b) - bookedRank(a) || b.sheetRow - a.sheetRow;
}

/**
 * Negative when `a` gives way before `b`: tentative before confirmed, then less important before more,
 * then the later-booked before the earlier (docs/DOMAIN.md, "Who gives way").
 */
export function compareGivingWay(a: Booking, b: Booking): number {
  return statusRank(a.status) - statusRank(b.status) || priorityRank(a.priority) - priorityRank(b.priority) || compareBooked(a, b);
}

/** The bookings in the order they give way, the first to give way first. */
export function inGivingWayOrder<T extends Booking>(bookings: readonly T[]): T[] {
  return [...bookings].sort(compareGivingWay);
}

/**
 * Why `booking` gives way before `other`, in the words of the order: the deciding reason, then the
 * lesser ones that agree with it. @example "tentative; booked after row 73". Empty when it does not.
 */
export function givingWayReason(booking: Booking, other: Booking): string {
  if (compareGivingWay(booking, other) >= 0) return '';
  const status = statusRank(booking.status) - statusRank(other.status);
  const priority = priorityRank(booking.priority) - priorityRank(other.priority);
  const reasons: string[] = [];
  if (status < 0) reasons.push(booking.status.trim().toLowerCase() || 'no status');
  // A lesser reason is named only when it points the same way as the deciding one.
  if (status <= 0 && priority < 0) reasons.push(`priority ${booking.priority.trim() || 'none'} below ${other.priority.trim() || 'none'}`);
  if (status <= 0 && priority <= 0 && compareBooked(booking, other) < 0) reasons.push(bookedReason(booking, other));
  return reasons.join('; ');
}

function bookedReason(booking: Booking, other: Booking): string {
  if (other.booked === null || booking.booked === other.booked) return `booked after row ${other.sheetRow}`;
  if (booking.booked === null) return `no Booked date, unlike row ${other.sheetRow}`;
  return `booked ${formatReadableDay(booking.booked)}, after row ${other.sheetRow} (${formatReadableDay(other.booked)})`;
}
