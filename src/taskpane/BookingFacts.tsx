import * as React from 'react';
import { bookingAt, bookingName, CheckReport, Conflict, formatCount, formatReadableDay, givingWayReason, inGivingWayOrder } from '../core';

/** Notes longer than this are shortened on the card; the full text is on hover and to screen readers. */
const NOTE_LENGTH = 60;

/** The facts a lead decides on, per booking of a conflict: ID, own dates, status, priority, when it was booked, chips, owner, notes. */
export function BookingFacts({ report, conflict, givesWay }: { report: CheckReport; conflict: Conflict; givesWay?: number }) {
  const bookings = conflict.rows.map((row) => ({ row, booking: bookingAt(report, row) }));
  return (
    <ul className="involved" aria-label="Bookings involved">
      {bookings.map(({ row, booking }) => {
        const dates = booking?.start != null && booking.endExclusive !== null ? `${formatReadableDay(booking.start)} – ${formatReadableDay(booking.endExclusive - 1)}` : 'dates not readable';
        const facts = [booking?.id ? `ID ${booking.id}` : '', booking?.workload ?? '', booking?.status ?? '', booking?.priority ? `priority ${booking.priority}` : '', booking?.booked != null ? `booked ${formatReadableDay(booking.booked)}` : '', booking?.chips ? `${formatCount(booking.chips)} chips` : '', booking?.owner ?? ''].filter(Boolean);
        const notes = booking?.notes ?? '';
        return (
          <li key={row} className={row === givesWay ? 'gives-way' : undefined}>
            <span className="booking-name">{`Row ${row}: ${bookingName(booking, row)}`}</span>
            <span className="booking-dates">{` — ${dates}`}</span>
            {facts.length > 0 && <span className="booking-facts">{` · ${facts.join(' · ')}`}</span>}
            {notes !== '' && notes.length <= NOTE_LENGTH && <span className="booking-notes">{` · “${notes}”`}</span>}
            {notes.length > NOTE_LENGTH && (
              <span className="booking-notes" title={notes}>
                <span aria-hidden="true">{` · “${notes.slice(0, NOTE_LENGTH - 1)}…”`}</span>
                <span className="visually-hidden">{` · Notes: ${notes}`}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** "Row 74 gives way: tentative; booked after row 73", for the booking the suggestions move first. */
export function givesWayNote(report: CheckReport, conflict: Conflict): { row: number; text: string } | undefined {
  const bookings = conflict.rows.map((row) => bookingAt(report, row)).filter((booking) => booking !== undefined);
  const [first, ...others] = inGivingWayOrder(bookings);
  if (first === undefined || others.length === 0) return undefined;
  // The reason against the booking that keeps the most: the last in the order.
  const keeper = others[others.length - 1];
  const reason = givingWayReason(first, keeper);
  return { row: first.sheetRow, text: `Row ${first.sheetRow} gives way${reason ? `: ${reason}` : ''}.` };
}
