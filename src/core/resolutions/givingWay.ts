import { Booking } from '../model/booking';

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

/**
 * Negative when `a` gives way before `b`: tentative before confirmed, then less important before more,
 * then the later-booked (the lower row) before the earlier.
 */
export function compareGivingWay(a: Booking, b: Booking): number {
  return statusRank(a.status) - statusRank(b.status) || priorityRank(a.priority) - priorityRank(b.priority) || b.sheetRow - a.sheetRow;
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
  if (status <= 0 && priority <= 0 && booking.sheetRow > other.sheetRow) reasons.push(`booked after row ${other.sheetRow}`);
  return reasons.join('; ');
}
