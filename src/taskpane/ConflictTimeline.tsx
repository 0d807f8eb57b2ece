import * as React from 'react';
import { bookingAt, bookingName, CalendarDay, CheckReport, Conflict, formatCount, formatReadableDay, formatShortDay, statusRank } from '../core';

/** Days shown either side of the over-booked window. */
const CONTEXT_DAYS = 7;
const MS_PER_DAY = 86_400_000;

/**
 * The bookings of a conflict as bars over the days around it, the over-booked days shaded, with ticks at
 * the conflict's first and last day and at each Monday. Text is HTML at a fixed size, so at any pane width
 * the picture grows in height, never shrinks its words; bars are drawn in proportion across the width.
 */
export function ConflictTimeline({ report, conflict }: { report: CheckReport; conflict: Conflict }) {
  const bookings = conflict.rows.map((row) => ({ row, booking: bookingAt(report, row) }));
  const first = conflict.start - CONTEXT_DAYS;
  const last = conflict.end + CONTEXT_DAYS;
  const span = last - first + 1;
  const percent = (day: CalendarDay) => `${((Math.min(Math.max(day, first), last + 1) - first) / span) * 100}%`;
  const width = (from: CalendarDay, to: CalendarDay) => `${Math.max(0.5, ((Math.min(to, last + 1) - Math.max(from, first)) / span) * 100)}%`;
  const mondays = Array.from({ length: span }, (_, offset) => first + offset).filter((day) => new Date(day * MS_PER_DAY).getUTCDay() === 1);
  const summary =
    `Timeline from ${formatReadableDay(first)} to ${formatReadableDay(last)}: ` +
    bookings.map(({ row, booking }) => `${bookingName(booking, row)} row ${row}${booking?.start != null ? ` ${formatReadableDay(booking.start)} to ${formatReadableDay((booking.endExclusive ?? booking.start + 1) - 1)}` : ''}`).join('; ') +
    `; over-booked ${formatReadableDay(conflict.start)} to ${formatReadableDay(conflict.end)}.`;
  const overbooked = { left: percent(conflict.start), width: width(conflict.start, conflict.end + 1) };
  return (
    <div className="timeline" role="img" aria-label={summary}>
      <div className="timeline-scale" aria-hidden="true">
        <span className="tick conflict-tick" style={{ left: percent(conflict.start) }}>{formatShortDay(conflict.start)}</span>
        {conflict.end !== conflict.start && <span className="tick conflict-tick end" style={{ left: percent(conflict.end + 1) }}>{formatShortDay(conflict.end)}</span>}
      </div>
      {bookings.map(({ row, booking }) => {
        const start = booking?.start ?? conflict.start;
        const end = booking?.endExclusive ?? conflict.end + 1;
        const tentative = booking !== undefined && statusRank(booking.status) === 0;
        return (
          <div key={row} className="timeline-row" aria-hidden="true">
            <div className="timeline-label" title={`${row}: ${bookingName(booking, row)}`}>{`${row}: ${bookingName(booking, row)}${booking?.chips ? ` · ${formatCount(booking.chips)}` : ''}`}</div>
            <div className="timeline-track">
              <span className="overbooked" style={overbooked} />
              {mondays.map((day) => <span key={day} className="week" style={{ left: percent(day) }} />)}
              <span className={`bar${tentative ? ' tentative' : ''}`} style={{ left: percent(start), width: width(start, end) }} />
            </div>
          </div>
        );
      })}
      {conflict.capacityChips !== null && (
        <div className="timeline-row" aria-hidden="true">
          <div className="timeline-label">{`Capacity ${formatCount(conflict.capacityChips)} · booked up to ${formatCount(conflict.bookedChips ?? 0)}`}</div>
          <div className="timeline-track"><span className="overbooked" style={overbooked} /><span className="capacity-line" /></div>
        </div>
      )}
      <div className="timeline-legend" aria-hidden="true">
        <span><span className="swatch bar" /> confirmed</span>
        <span><span className="swatch bar tentative" /> tentative</span>
        <span><span className="swatch overbooked" /> over-booked</span>
        {conflict.capacityChips !== null && <span><span className="swatch capacity-line" /> capacity</span>}
        <span className="range">{`${formatShortDay(first)} – ${formatReadableDay(last)}; ticks on Mondays`}</span>
      </div>
    </div>
  );
}
