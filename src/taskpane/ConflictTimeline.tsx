import * as React from 'react';
import { bookingAt, bookingName, CalendarDay, CheckReport, Conflict, formatReadableDay } from '../core';

const WIDTH = 300;
const LABEL_WIDTH = 92;
const ROW_HEIGHT = 18;
/** Days shown either side of the over-booked window. */
const CONTEXT_DAYS = 7;

/** Bars of the bookings involved, over the days around the conflict, with the over-booked days shaded. */
export function ConflictTimeline({ report, conflict }: { report: CheckReport; conflict: Conflict }) {
  const bookings = conflict.rows.map((row) => ({ row, booking: bookingAt(report, row) }));
  const first = conflict.start - CONTEXT_DAYS;
  const last = conflict.end + CONTEXT_DAYS;
  const span = last - first + 1;
  const x = (day: CalendarDay) => LABEL_WIDTH + ((Math.min(Math.max(day, first), last + 1) - first) / span) * (WIDTH - LABEL_WIDTH);
  const hasCapacity = conflict.capacityChips !== null;
  const height = (bookings.length + (hasCapacity ? 1 : 0)) * ROW_HEIGHT + 16;
  const summary =
    `Timeline from ${formatReadableDay(first)} to ${formatReadableDay(last)}: ` +
    bookings.map(({ row, booking }) => `${bookingName(booking, row)} row ${row}${booking?.start != null ? ` ${formatReadableDay(booking.start)} to ${formatReadableDay((booking.endExclusive ?? booking.start + 1) - 1)}` : ''}`).join('; ') +
    `; over-booked ${formatReadableDay(conflict.start)} to ${formatReadableDay(conflict.end)}.`;
  return (
    <svg className="timeline" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} width="100%">
      <rect x={x(conflict.start)} y={0} width={x(conflict.end + 1) - x(conflict.start)} height={height - 14} fill="#FFF4B3" />
      {bookings.map(({ row, booking }, index) => {
        const y = index * ROW_HEIGHT + 3;
        const start = booking?.start ?? conflict.start;
        const end = booking?.endExclusive ?? conflict.end + 1;
        return (
          <g key={row}>
            <text x={0} y={y + 11} fontSize="9" fill="#242424">
              {truncate(`${row}: ${bookingName(booking, row)}`, 20)}
            </text>
            <rect x={x(start)} y={y} width={Math.max(2, x(end) - x(start))} height={ROW_HEIGHT - 6} rx={3} fill={booking?.status.toLowerCase() === 'tentative' ? '#8AB4E0' : '#1F4E79'} />
            {booking?.chips ? chipLabel(booking.chips.toLocaleString('en-US'), x(start), x(end), y) : null}
          </g>
        );
      })}
      {hasCapacity && (
        <text x={0} y={bookings.length * ROW_HEIGHT + 13} fontSize="9" fill="#8A3707">
          {`capacity ${conflict.capacityChips?.toLocaleString('en-US')} · booked ${conflict.bookedChips?.toLocaleString('en-US')}`}
        </text>
      )}
      <text x={LABEL_WIDTH} y={height - 3} fontSize="8" fill="#616161">
        {formatReadableDay(first)}
      </text>
      <text x={WIDTH} y={height - 3} fontSize="8" fill="#616161" textAnchor="end">
        {formatReadableDay(last)}
      </text>
    </svg>
  );
}

/** The chip count after the bar, or inside its end in white when the bar reaches the right edge. */
function chipLabel(text: string, barStart: number, barEnd: number, y: number) {
  const width = text.length * 4.6 + 4;
  if (barEnd + width <= WIDTH) return <text x={barEnd + 2} y={y + 10} fontSize="8" fill="#424242">{text}</text>;
  if (barEnd - barStart >= width) return <text x={barEnd - 2} y={y + 10} fontSize="8" fill="#FFFFFF" textAnchor="end">{text}</text>;
  return null;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
